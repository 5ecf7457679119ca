"""What a campaign counts: each measure a function (user, region, first, last) -> the number of records of the
area made in `region` (within the user's scope) dated between `first` and `last`, both included; None while the part
that keeps those records has no model (the page shows "—"). The records are the parts' own: nothing is typed in for
a campaign."""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse

from hrss.core import scoping


@dataclass(frozen=True)
class Measure:
    code: str
    label: str
    model: str  # the model of hrss.assistance that holds the records
    date_field: str  # the day a record counts on
    exclude: dict | None = None  # records that do not count (e.g. refused)
    unit: str = "人"
    person: str = "person"  # the path to the person a record is about (shown on the list of the records counted)
    detail: str = ""  # the url name of a record's page, and the attribute giving its pk
    detail_pk: str = "pk"

    def person_of(self, record):
        for name in self.person.split("__"):
            record = getattr(record, name, None)
        return record

    def url_of(self, record):
        return reverse(self.detail, kwargs={"pk": getattr(record, self.detail_pk)}) if self.detail else ""

    def rows(self, user, region, first, last):
        """The records counted, or None while there is no such model."""
        try:
            model = apps.get_model("assistance", self.model)
            model._meta.get_field(self.date_field)
        except (LookupError, FieldDoesNotExist):
            return None
        rows = scoping.within_region(scoping.visible_to(user, model.objects.all()), region).filter(
            **{f"{self.date_field}__range": (first, last)})
        return rows.exclude(**self.exclude) if self.exclude else rows

    def count(self, user, region, first, last):
        rows = self.rows(user, region, first, last)
        return None if rows is None else rows.count()

    def count_by_child(self, user, region, children, first, last):
        """{child code: count} for regions one level below `region`, in one grouped query; None without a model."""
        rows = self.rows(user, region, first, last)
        return None if rows is None else scoping.counts_by_child(rows, children)


MEASURES = (
    Measure("recognitions", "新认定就业困难人员", "Recognition", "recognised_on",
            detail="assistance:recognition-detail"),
    Measure("visits", "入户走访", "HomeVisit", "visited_on", unit="次", person="recognition__person",
            detail="assistance:support-detail", detail_pk="recognition_id"),
    Measure("placements", "公益性岗位安置", "Placement", "started_on", detail="assistance:posts-placement-detail"),
    Measure("households_cleared", "零就业家庭清零", "ZeroEmploymentHousehold", "cleared_on", unit="户",
            person="cleared_member", detail="assistance:households-detail"),
    Measure("flexible_registrations", "灵活就业登记", "FlexibleRegistration", "registered_on",
            detail="assistance:flexible-detail"),
)
CODES = tuple(measure.code for measure in MEASURES)
BY_CODE = {measure.code: measure for measure in MEASURES}


def counts(user, region, first, last):
    """[(measure, count or None)] for every measure."""
    return [(measure, measure.count(user, region, first, last)) for measure in MEASURES]
