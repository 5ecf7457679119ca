from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hrss.accounts"
    label = "accounts"
    verbose_name = "工作人员账号"

    def ready(self):
        # What this area brings to the platform is in area.py, which core discovers (core.areas).
        from hrss.accounts import signals  # noqa: F401  (connects the login receivers)
