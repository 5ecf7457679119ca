from django.apps import AppConfig


class JobservicesConfig(AppConfig):
    name = "hrss.jobservices"
    label = "jobservices"
    verbose_name = "就业服务与培训"
    # What this area brings to the platform is in area.py, which core discovers (core.areas).
