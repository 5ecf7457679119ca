from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hrss.accounts"
    label = "accounts"
    verbose_name = "工作人员账号"

    def ready(self):
        from hrss.accounts import audit_names, pending, signals  # noqa: F401
