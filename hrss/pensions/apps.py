from django.apps import AppConfig


class PensionsConfig(AppConfig):
    name = "hrss.pensions"
    label = "pensions"
    verbose_name = "社会保险服务"
    # What this area brings to the platform is in area.py, which core discovers (core.areas).
