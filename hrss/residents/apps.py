from django.apps import AppConfig


class ResidentsConfig(AppConfig):
    name = "hrss.residents"
    label = "residents"
    verbose_name = "劳动力资源台账"
