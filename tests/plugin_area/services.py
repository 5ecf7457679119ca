"""The area's one write service: it takes the actor, checks permission and scope itself (audited), and runs in one
transaction with its audit entry, as every write service of the platform does."""

from django.db import transaction

from hrss.core import audit, review
from hrss.core.permissions import check_permission
from tests.plugin_area.chains import VISIT_REVIEW
from tests.plugin_area.models import Visit
from tests.plugin_area.permissions import VISIT_HANDLE


def record_visit(*, actor, person, title):
    check_permission(actor, VISIT_HANDLE)
    review.check_intake(chain=VISIT_REVIEW, region_code=person.region_code, actor=actor,
                        subject_id_number=person.id_number)
    with transaction.atomic():
        case = review.open_case(chain=VISIT_REVIEW, region_code=person.region_code,
                                subject_id_number=person.id_number, title=f"示例检查：{person.name}", actor=actor)
        visit = Visit.objects.create(region_code=person.region_code, person=person, title=title, case=case,
                                     recorded_by=actor)
        audit.record(actor=actor, action="plugin_area.visit.recorded", target=visit, region_code=person.region_code,
                     subject_id_number=person.id_number, after={"title": title})
        return visit
