from django.apps import AppConfig


class EmploymentConfig(AppConfig):
    name = "hrss.employment"
    label = "employment"
    verbose_name = "就业与失业登记"

    def ready(self):
        from hrss.employment import audit_names, chains, pending  # noqa: F401  (registers the review chains and pending work)
