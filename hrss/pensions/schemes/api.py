"""The schemes part's API operations, each with its whole path under /api/v1/pensions/: the rules of the residents'
pension in force on a day (national and provincial configuration, the same for every caller)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Query, Router, Schema

from hrss.core.permissions import check_permission
from hrss.pensions.permissions import PENSIONS_VIEW
from hrss.pensions.schemes import catalogue
from hrss.pensions.schemes.views import day_asked

router = Router(tags=["社会保险服务"])


class RuleRowOut(Schema):
    effective_from: datetime.date
    text: str
    in_force: bool
    source: str
    believed: bool


class RuleOut(Schema):
    key: str
    title: str
    source: str
    believed: bool
    in_force: RuleRowOut | None
    history: list[RuleRowOut]


class SchemesOut(Schema):
    on: datetime.date
    rules: list[RuleOut]


class SchemesFilter(Schema):
    on: datetime.date | None = None


@router.get("/pensions/schemes", response=SchemesOut,
            summary="某日执行的城乡居民养老保险规则（?on=YYYY-MM-DD，默认今天）：险种、参保年龄、材料、缴费档次、基础养老金、计发月数等，"
                    "含依据与历次调整")
def schemes(request, filters: Query[SchemesFilter]):
    check_permission(request.user, PENSIONS_VIEW)
    today = timezone.localdate()
    day = today
    if filters.on is not None:
        day, refused = day_asked(filters.on.isoformat(), today)
        if refused:
            raise ValidationError(refused.replace("；下面是今天的规则。", "。"))
    return {"on": day, "rules": [
        {"key": section.key, "title": section.title, "source": section.source, "believed": section.believed,
         "in_force": section.current, "history": list(section.rows)} for section in catalogue.sections(day)]}
