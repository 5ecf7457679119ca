from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hrss.core"
    label = "core"
    verbose_name = "平台基础"

    def ready(self):
        from hrss.core import audit_names  # noqa: F401  (names core's audit actions)
