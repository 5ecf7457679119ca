from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hrss.core"
    label = "core"
    verbose_name = "平台基础"

    def ready(self):
        from hrss.core import areas, audit_names, pending, workdays  # noqa: F401  (audit_names names core's actions)

        pending.register(workdays.next_year_pending)

        # Every installed app's area.py registers what its area brings (core.areas); core names none of them.
        areas.discover()
