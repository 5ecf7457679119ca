from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "hrss.supervision"
    label = "supervision"
    verbose_name = "信访监察与服务监督"
    # What this area brings to the platform is in area.py, which core discovers (core.areas).
