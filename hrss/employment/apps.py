from django.apps import AppConfig


class EmploymentConfig(AppConfig):
    name = "hrss.employment"
    label = "employment"
    verbose_name = "就业与失业登记"
    # What this area brings to the platform is in area.py, which core discovers (core.areas).
