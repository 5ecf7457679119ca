"""The grid part's models (网格化管理)."""
