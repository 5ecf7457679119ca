from django.apps import AppConfig


class ResidentsConfig(AppConfig):
    name = "hrss.residents"
    label = "residents"
    verbose_name = "劳动力资源台账"

    def ready(self):
        from hrss.residents import audit_names, pending, statistics  # noqa: F401  (registers pending work; connects receivers)
