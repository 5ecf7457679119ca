"""The employers part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.jobservices.employers import selectors
from hrss.jobservices.models import VacancyStatus


def employers(user, region, today):
    return selectors.employers(user, region=region).count()


def open_vacancies(user, region, today):
    return selectors.vacancies(user, region=region, status=VacancyStatus.OPEN).count()
