"""The nightly recomputation of every office's stored standing as a django-tasks task (the command
`hrss refresh-office-standings` does the same): the rules in force and the audit log's activity change with the day,
not only with a write."""

import datetime

from django_tasks import task

from hrss.network.offices.services import refresh_standings


@task()
def refresh_office_standings(on=None):
    """`on`: an ISO date (YYYY-MM-DD), today by default. Returns the number of offices."""
    return refresh_standings(today=datetime.date.fromisoformat(on) if on else None)
