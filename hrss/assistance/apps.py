from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "hrss.assistance"
    label = "assistance"
    verbose_name = "就业援助与灵活就业"
    # What this area brings to the platform is in area.py, which core discovers (core.areas).
