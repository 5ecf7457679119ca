from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "hrss.network"
    label = "network"
    verbose_name = "平台建设与考核"
    # What this area brings to the platform is in area.py, which core discovers (core.areas).
