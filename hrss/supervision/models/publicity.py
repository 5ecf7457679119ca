"""The publicity part's models (政策宣传)."""
