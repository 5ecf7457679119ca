"""What the ledger and the employment area say about how long a person has been out of work, for the categories that
require a length of unemployment (连续失业1年以上人员): the person's 失业登记 (employment's UnemploymentRegistration,
read through that area's models) and, failing that, the ledger's run of 失业 up to the day."""

from hrss.core.dates import add_months
from hrss.employment.models import Standing, UnemploymentRegistration
from hrss.residents.models import LabourStatus


def _day(value):
    return f"{value:%Y-%m-%d}"


def ledger_unemployed_since(person, day):
    """The first day of the ledger's unbroken run of 失业 that reaches `day`, or None when the person is not 失业 on
    `day`."""
    since = None
    for event in person.status_events.filter(effective_date__lte=day).order_by("-effective_date", "-id"):
        if event.status != LabourStatus.UNEMPLOYED:
            break
        since = event.effective_date
    return since


def unemployment_problems(*, person, name, months, day):
    """Why the person does not meet "out of work for `months` months before `day`" (empty when they do): registered
    unemployed (登记失业, still standing) since at least then, or the ledger showing 失业 since at least then."""
    if not months:
        return []
    start = add_months(day, -months)
    last = (UnemploymentRegistration.objects.filter(person=person, registered_on__isnull=False,
                                                    registered_on__lte=day)
            .order_by("-registered_on", "-id").first())
    if last is not None and last.standing == Standing.REGISTERED and last.registered_on <= start:
        return []
    since = ledger_unemployed_since(person, day)
    if since is not None and since <= start:
        return []
    if last is None:
        registration = "无失业登记记录"
    elif last.standing == Standing.REGISTERED:
        registration = f"最近一次失业登记为{_day(last.registered_on)}（登记失业中，不满{months}个月）"
    else:
        registration = f"最近一次失业登记为{_day(last.registered_on)}（已于{_day(last.cancelled_on)}注销）"
    ledger = f"台账显示自{_day(since)}起失业" if since else "台账显示申请日不是失业状态"
    return [f"“{name}”要求在{_day(start)}之前已登记失业或已失业（连续失业满{months}个月）：申请人{registration}，"
            f"{ledger}，不符合该类别。"]
