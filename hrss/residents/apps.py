from django.apps import AppConfig


class ResidentsConfig(AppConfig):
    name = "hrss.residents"
    label = "residents"
    verbose_name = "劳动力资源台账"

    def ready(self):
        # What this area brings to the platform is in area.py, which core discovers (core.areas).
        from hrss.residents import statistics  # noqa: F401  (connects the statistics' receivers)
