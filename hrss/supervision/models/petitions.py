"""The petitions part's models (信访)."""
