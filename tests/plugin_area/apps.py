from django.apps import AppConfig


class PluginAreaConfig(AppConfig):
    name = "tests.plugin_area"
    label = "plugin_area"
    verbose_name = "示例业务（仅测试）"
    default_auto_field = "django.db.models.BigAutoField"
