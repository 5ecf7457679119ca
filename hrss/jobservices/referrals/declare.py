"""What the referrals part brings to the area (hrss/core/parts.py): hub links, the home page's pending
work (referrals past their answer's due day), the KPI panel of a region's statistics page, audit names, demo."""

from django.urls import reverse
from django.utils import timezone

from hrss.core.areas import Panel
from hrss.core.dates import add_months
from hrss.core.parts import Figure, HubLink, Part
from hrss.core.pending import PendingItem
from hrss.core.permissions import has_permission
from hrss.jobservices.models import ReferralOutcome
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW
from hrss.jobservices.referrals import figures, measures
from hrss.jobservices.referrals.catalogue import SERVICES


def overdue_referrals(user):
    """Referrals of the user's scope whose employer has not answered by the due day."""
    from hrss.jobservices.referrals import selectors

    if not has_permission(user, JOBSERVICES_HANDLE):
        return []
    count = selectors.overdue(user, today=timezone.localdate()).count()
    return [PendingItem("逾期未反馈的推荐就业", count,
                        reverse("jobservices:referrals-list") + "?outcome=overdue", overdue=count)]


def statistics_panel(request, region):
    """KPI 1 for last month's registrations (most of their due days have passed) and KPI 3 today."""
    from hrss.jobservices.referrals import kpi

    if not has_permission(request.user, JOBSERVICES_VIEW):
        return None
    today = timezone.localdate()
    month = add_months(today, -1)
    report = kpi.job_offer_report(request.user, region, month.year, month.month, today=today)
    service, _children = kpi.service_report(request.user, region, today=today)
    return {"region": region, "offers": report.figures, "service": service, "month": f"{month:%Y-%m}",
            "month_label": f"{month.year}年{month.month}月"}


def person_referrals(request, person):
    """The person's referrals (newest first) on the person's page, with their outcome; `person` was fetched
    through core.scoping by the page, the referrals are read through it too."""
    from hrss.jobservices.referrals import selectors

    if not has_permission(request.user, JOBSERVICES_VIEW):
        return None
    referrals = selectors.referrals(request.user).filter(seeker__person=person).order_by("-referred_on", "-id")
    return {"referrals": referrals[:10], "today": timezone.localdate()}


def demo(stdout, options):
    from hrss.jobservices.referrals.demo import make_demo_referrals

    return make_demo_referrals(stdout, options)


ACTIONS = {
    "jobservices.referral.refer": "推荐就业（未获准）",
    "jobservices.referral.created": "推荐就业",
    "jobservices.referral.outcome": "登记推荐结果（未获准）",
    "jobservices.referral.outcome_recorded": "登记推荐结果",
    "jobservices.referral.letter_printed": "打印推荐信",
    "jobservices.referral_ledger.exported": "导出推荐记录台账",
    "jobservices.vacancy.place_taken": "岗位录用一人（经推荐）",
}
FIELDS = {
    "due_on": "反馈期限", "score": "匹配得分", "suitable": "合适岗位", "outcome": "推荐结果", "outcome_on": "结果日期",
    "contact_recorded": "记入失业人员联系记录", "other_referrals_closed": "同时终止的其他推荐",
}
VALUES = {"outcome": dict(ReferralOutcome.choices)}

PART = Part(
    label="referrals",
    name="推荐就业",
    pending=(overdue_referrals,),
    panels=(Panel("region_statistics", "jobservices/referrals/_statistics_panel.html", statistics_panel, order=40),
            Panel("person", "jobservices/referrals/_person_panel.html", person_referrals, order=42)),
    links=(
        HubLink("推荐记录台账", "jobservices:referrals-list", JOBSERVICES_VIEW,
                "推荐就业的记录、推荐信和结果，可筛选、下载", order=40),
        HubLink("10个工作日内提供合适岗位", "jobservices:referrals-kpi", JOBSERVICES_VIEW,
                "不挑不拣的求职人员是否按时得到合适岗位；享受免费公共就业服务的比例", order=41),
    ),
    figures=(
        Figure("推荐人次", figures.referred, "jobservices:referrals-list", {}, "推荐就业的记录（累计）", order=40),
        Figure("已录用", figures.hired, "jobservices:referrals-list", {"outcome": "hired"}, "经推荐被单位录用（累计）",
               order=41),
        Figure("逾期未反馈", figures.overdue, "jobservices:referrals-list", {"outcome": "overdue"},
               "过了反馈期限仍未登记结果的推荐", order=42),
    ),
    audit_actions=ACTIONS,
    audit_fields=FIELDS,
    audit_values=VALUES,
    demo=demo,
    measures=(measures.JOB_OFFER_10_DAYS, measures.FREE_EMPLOYMENT_SERVICES),
    services=SERVICES,
)
