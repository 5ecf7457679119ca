"""The inspection part's models (劳动保障监察)."""
