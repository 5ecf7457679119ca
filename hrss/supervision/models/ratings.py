"""The ratings part's models (好差评与意见箱)."""
