"""The promises part's one write (一次性告知): keyword-only, taking the actor, checking permission and scope before
one transaction that writes the slip and its audit entry. Bad input is a ValidationError listing every reason in
Chinese, and nothing is written."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from hrss.core import audit, catalogue
from hrss.core.id_numbers import InvalidIdNumber, parse
from hrss.core.permissions import check_acting_in, check_permission
from hrss.supervision.models import NoticeSlip
from hrss.supervision.permissions import SUPERVISION_HANDLE

MAX_OTHER = 100  # characters of a missing item typed by hand


def slip_problems(*, service, citizen_name, id_number, missing, other, today):
    """What keeps a slip from being given: {field: [reasons in Chinese]}, empty when nothing."""
    problems = {}
    if service is None:
        problems[NON_FIELD_ERRORS] = ["请选择服务事项（服务事项代码不在目录中）。"]
    if not (citizen_name or "").strip():
        problems["citizen_name"] = ["请填写办事人姓名。"]
    elif len(citizen_name.strip()) > 50:
        problems["citizen_name"] = ["办事人姓名不超过50字。"]
    if (id_number or "").strip():
        try:
            parse(id_number, today=today)
        except InvalidIdNumber as error:
            problems["id_number"] = [str(error)]
    if service is not None:
        known = {document.name for document in service.documents_on(today)}
        unknown = [name for name in missing if name not in known]
        if unknown:
            problems["missing"] = [f"“{'、'.join(unknown)}”不在该事项今天的材料清单中，请在清单中勾选，"
                                   "清单外的材料填在“其他”栏。"]
    if len((other or "").strip()) > MAX_OTHER:
        problems["other"] = [f"“其他”栏不超过{MAX_OTHER}字。"]
    if not missing and not (other or "").strip():
        problems.setdefault("missing", []).append("请勾选办事人缺少的材料（或在“其他”栏填写）：一次性告知书须写明缺少什么。")
    return problems


def give_notice_slip(*, actor, region, service_code, citizen_name, missing, id_number="", other="", today=None):
    """一次性告知: record (and let the page print) what `citizen_name` lacks for the service of `service_code` at
    the office of `region` (the actor's own or one in their scope). `missing` are names from the service's
    checklist in force today, `other` one more item typed by hand."""
    today = today or timezone.localdate()
    check_permission(actor, SUPERVISION_HANDLE)
    check_acting_in(actor, region_code=region.code, action="supervision.promises.give_slip",
                    message="您无权以该机构的名义出具一次性告知书。")
    service = catalogue.service(service_code)
    missing = list(dict.fromkeys(name.strip() for name in (missing or []) if name and name.strip()))
    problems = slip_problems(service=service, citizen_name=citizen_name, id_number=id_number, missing=missing,
                             other=other, today=today)
    if problems:
        raise ValidationError(problems)
    checklist = [document.name for document in service.documents_on(today)]
    items = sorted(missing, key=checklist.index) + ([other.strip()] if (other or "").strip() else [])
    number = parse(id_number, today=today).number if (id_number or "").strip() else ""
    with transaction.atomic():
        slip = NoticeSlip.objects.create(
            region_code=region.code, service_code=service.code, service_name=service.name[:100],
            citizen_name=citizen_name.strip(), id_number=number, missing=items, given_by=actor, given_on=today)
        audit.record(actor=actor, action="supervision.promises.slip_given", target=slip, region_code=region.code,
                     subject_id_number=number,
                     after={"service": service.name, "citizen_name": slip.citizen_name, "missing": "、".join(items)})
    return slip
