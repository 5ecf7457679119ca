"""Reads of the employers part, always through core.scoping: what a user may see of employers and vacancies."""

from django.db.models import Count, Q

from hrss.core import classifications, scoping
from hrss.core.selectors import place_names  # noqa: F401 - the place column of this part's lists
from hrss.jobservices.codes import normalise
from hrss.jobservices.models import Employer, Vacancy, VacancyStatus


def employers(user, *, region=None, query=""):
    """The employers `user` sees (within `region` when given), searched by name or code."""
    found = scoping.visible_to(user, Employer.objects.all())
    if region is not None:
        found = scoping.within_region(found, region)
    query = " ".join(str(query or "").split())
    if query:
        code = normalise(query).replace("-", "")
        found = found.filter(Q(name__icontains=query) | Q(uscc__startswith=code) | Q(org_code__startswith=code))
    return found.annotate(open_vacancies=Count("vacancies", filter=Q(vacancies__status=VacancyStatus.OPEN))
                          ).order_by("region_code", "name", "pk")


def vacancies(user, *, region=None, status="", occupation="", employer_id=None):
    """The vacancies `user` sees, where the work is (within `region` when given); `occupation` matches its code and
    every code below it ("4-01" finds 4-01-02-01)."""
    found = scoping.visible_to(user, Vacancy.objects.select_related("employer"))
    if region is not None:
        found = scoping.within_region(found, region)
    if status in VacancyStatus.values:
        found = found.filter(status=status)
    occupation = classifications.normalise_occupation_code(occupation)
    if occupation:
        found = found.filter(Q(occupation_code=occupation) | Q(occupation_code__startswith=occupation + "-"))
    if employer_id:
        found = found.filter(employer_id=employer_id)
    return found.order_by("-opens_on", "-pk")
