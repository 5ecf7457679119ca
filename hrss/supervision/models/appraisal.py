"""The appraisal part's models (考核)."""
