from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hrss.core"
    label = "core"
    verbose_name = "平台基础"

    def ready(self):
        from hrss.core import areas, audit_names  # noqa: F401  (names core's audit actions)

        # Every installed app's area.py registers what its area brings (core.areas); core names none of them.
        areas.discover()
