"""Benchmarks: each prints its figure beside a baseline measured in the same run, as a ratio."""


def setup_django():
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrss.settings")
    django.setup()
