"""Reads of the employers part, always through core.scoping: what a user may see of employers and vacancies."""

from django.db.models import Count, Q

from hrss.core import classifications, scoping
from hrss.core import employers as employers_registry
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


@employers_registry.register_lookup
def known_employer(user, uscc):
    """What the employer registry says of `uscc`, for core.employers (an inspection case, a grid lead): the
    employer in the user's scope with that code, with its page for a user who may open it."""
    from django.urls import reverse

    from hrss.core.permissions import has_permission
    from hrss.jobservices.permissions import JOBSERVICES_VIEW

    employer = scoping.visible_to(user, Employer.objects.filter(uscc=uscc)).first()
    if employer is None:
        return None
    url = reverse("jobservices:employers-detail", args=[employer.pk]) if has_permission(user, JOBSERVICES_VIEW) else ""
    return employers_registry.KnownEmployer(name=employer.name, uscc=employer.uscc, region_code=employer.region_code,
                                           address=employer.address, url=url)
