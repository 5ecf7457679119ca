"""The ratings part's reads: the 评价台账, the complaints a user may see (never those about themself), the figures
per office for a month, an office's completed cases with their codes. Every read starts from core.scoping."""

from django.db.models import Avg, Case, Count, DateField, F, Q, When
from django.urls import reverse
from django.utils import timezone

from hrss.core import scoping
from hrss.core.dates import month_bounds
from hrss.core.models import Level, Region, ReviewCase
from hrss.core.permissions import has_permission
from hrss.core.selectors import place_names
from hrss.supervision.models import (
    POOR_SCORES,
    SATISFIED_SCORES,
    Complaint,
    ComplaintState,
    InspectionCase,
    Petition,
    Rating,
    RatingCode,
)
from hrss.supervision.permissions import INSPECTION_VIEW, SUPERVISION_VIEW
from hrss.supervision.promises import links
from hrss.supervision.ratings.rules import COMPLETED_STATUSES, REVIEW_SOURCE

# The body that handles a county's labour inspection cases, as the 劳动保障监察条例 names it (第三条: the county's
# 劳动保障行政部门 and its 劳动保障监察机构), after the county's 人社局: "源城区人力资源和社会保障局劳动保障监察机构".
INSPECTION_BODY = "劳动保障监察机构"


def inspection_office_name(region_code):
    """The 劳动保障监察机构 of the county of `region_code` (an inspection case's employer's place, or the county):
    what signs the case's 结案告知书 and what the citizen rates."""
    county = Region.objects.filter(code=scoping.ancestor_code(region_code, Level.COUNTY)).first()
    return f"{county.office_name if county else ''}{INSPECTION_BODY}"


def rated_case(user, rating_code):
    """(what the rated case is, its page's address or "") for a poor rating's complaint: the township that handles
    the complaint sees which case was rated (its title or number) and opens it when the case is in its scope. Only
    those who may see the complaint come here (never the staff member it is about)."""
    if rating_code.source == REVIEW_SOURCE:
        case = ReviewCase.objects.filter(pk=rating_code.source_id).first() if rating_code.source_id.isdigit() else None
        if case is None:
            return "", ""
        visible = scoping.visible_to(user, ReviewCase.objects.filter(pk=case.pk)).exists()
        return case.title, (links.case_urls([case]).get(case.pk, "") if visible else "")
    pages = {"inspection": (InspectionCase, "supervision:inspection-detail", "劳动保障监察案件", INSPECTION_VIEW),
             "petition": (Petition, "supervision:petitions-detail", "信访件", SUPERVISION_VIEW)}
    if rating_code.source not in pages or not rating_code.source_id.isdigit():
        return "", ""
    model, url_name, what, permission = pages[rating_code.source]
    found = model.objects.filter(pk=rating_code.source_id).first()
    if found is None:
        return "", ""
    visible = (has_permission(user, permission)
               and scoping.visible_to(user, model.objects.filter(pk=found.pk)).exists())
    return f"{what} {found.number}", (reverse(url_name, args=[found.pk]) if visible else "")


def office_label(rating_code):
    """The office that served, named as the rest of the app names offices: the place above it and its office
    ("上城街道 下城社区人力资源社会保障服务站"); an inspection case's, the county's 劳动保障监察机构."""
    if rating_code.source == "inspection":
        return inspection_office_name(rating_code.region_code)
    region = Region.objects.filter(code=rating_code.region_code).first()
    if region is None:
        return rating_code.region_code
    above = place_names([region.code]).get(region.code, "").rsplit(" ", 1)[0] if region.level > Level.COUNTY else ""
    return f"{above} {region.office_name}".strip()


def _within(queryset, user, region):
    queryset = scoping.visible_to(user, queryset)
    return scoping.within_region(queryset, region) if region is not None else queryset


# --- ratings -----------------------------------------------------------------------------------------------------


def ratings(user, region=None):
    return _within(Rating.objects.select_related("code", "code__served_by"), user, region)


def ledger(user, region, *, score=None, month=None, service=""):
    """评价台账: the ratings of `region` (the office that served, and those below it; within the user's scope),
    newest first, filtered by score ("poor": 不满意 and 非常不满意), the month rated (year, month) and the service's name."""
    rows = ratings(user, region)
    if score == "poor":
        rows = rows.filter(score__in=POOR_SCORES)
    elif score:
        rows = rows.filter(score=score)
    if month:
        first, last = month_bounds(*month)
        rows = rows.filter(rated_at__date__range=(first, last))
    if service:
        rows = rows.filter(code__service=service)
    return rows.order_by("-rated_at", "-pk")


def services_rated(user, region):
    """The services' names rated in `region`, for the ledger's filter."""
    return list(ratings(user, region).order_by("code__service").values_list("code__service", flat=True).distinct())


# What staff see of a rating: the day, the service, the office, the score and the reason; never its code, who served
# nor the day the case was completed, which joined with the completed cases would name the citizen who rated.
LEDGER_HEADER = ["评价日期", "服务事项", "服务机构", "评价", "理由"]


def ledger_cells(rating, places):
    return [timezone.localdate(rating.rated_at), rating.code.service, places.get(rating.region_code, rating.region_code),
            rating.get_score_display(), rating.reason]


# --- complaints --------------------------------------------------------------------------------------------------


def complaints_visible_to(user):
    """The complaints of the user's scope, without those about the user: a staff member never sees a complaint about
    themself (nor who made it), on any page, export or API answer."""
    return scoping.visible_to(user, Complaint.objects.select_related("about_staff", "replied_by", "rating")).exclude(
        about_staff=user)


def complaints(user, region=None, *, state="", overdue=False, today=None, office=""):
    rows = complaints_visible_to(user)
    if region is not None:
        rows = scoping.within_region(rows, region)
    if state:
        rows = rows.filter(state=state)
    if overdue:
        rows = rows.filter(state=ComplaintState.OPEN, due_date__lt=today)
    if office:
        rows = rows.filter(office_code=office)
    # Open ones first (the overdue at the top: the earliest due), then those answered, the latest first.
    open_first = Case(When(state=ComplaintState.OPEN, then=0), default=1)
    due_if_open = Case(When(state=ComplaintState.OPEN, then=F("due_date")), output_field=DateField())
    return rows.order_by(open_first, due_if_open.asc(nulls_last=True), "-received_on", "-pk")


def handled_here(user, today):
    """(open, overdue) complaints the user's own office handles (its pending work), none about the user."""
    if not user.region_id:
        return 0, 0
    rows = complaints_visible_to(user).filter(region_code=user.region.code, state=ComplaintState.OPEN)
    counts = rows.aggregate(open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today)))
    return counts["open"], counts["overdue"]


# --- figures per office --------------------------------------------------------------------------------------------


def _office_rows(queryset, field, **aggregates):
    return {row.pop(field): row for row in queryset.values(field).order_by(field).annotate(**aggregates)}


def office_figures(user, region, year, month, today):
    """Per office (the region code of the office that served) in `region`, for a month: cases completed (codes
    issued), ratings given, their average score, the share satisfied (满意 or 非常满意), the poor ratings, the
    complaints received about it in the month and how many of those are still open now, and overdue. A list of
    dicts, by office code, and the region's totals. The complaints of the user's own office are not counted
    (complaints_hidden on its row; the totals leave them out)."""
    first, last = month_bounds(year, month)
    issued = _office_rows(_within(RatingCode.objects.filter(completed_on__range=(first, last)), user, region),
                          "region_code", issued=Count("pk"))
    rated = _office_rows(
        ratings(user, region).filter(rated_at__date__range=(first, last)), "region_code", rated=Count("pk"),
        average=Avg("score"), satisfied=Count("pk", filter=Q(score__in=SATISFIED_SCORES)),
        poor=Count("pk", filter=Q(score__in=POOR_SCORES)))
    # Complaints are the handling township's: counted here by the office they are about, which the region holds;
    # never those of the user's own office, which those above count (as the appraisal does): its total, or the
    # region's, would tell the person complained about that it is them.
    own = user.region.code if user.region_id else None
    about = Complaint.objects.filter(office_code__range=scoping.code_range(region.prefix))
    about = scoping.visible_to(user, about).exclude(about_staff=user).exclude(office_code=own or "-")
    received = _office_rows(about.filter(received_on__range=(first, last)), "office_code", received=Count("pk"),
                            open=Count("pk", filter=Q(state=ComplaintState.OPEN)),
                            overdue=Count("pk", filter=Q(state=ComplaintState.OPEN, due_date__lt=today)))
    rows = []
    for code in sorted(set(issued) | set(rated) | set(received)):
        row = {"office": code, "issued": 0, "rated": 0, "average": None, "satisfied": 0, "poor": 0, "received": 0,
               "open": 0, "overdue": 0}
        for source in (issued, rated, received):
            row.update(source.get(code, {}))
        row["satisfied_share"] = row["satisfied"] / row["rated"] if row["rated"] else None
        row["complaints_hidden"] = code == own
        rows.append(row)
    totals = {key: sum(row[key] for row in rows) for key in ("issued", "rated", "satisfied", "poor", "received",
                                                             "open", "overdue")}
    scored = sum((row["average"] or 0) * row["rated"] for row in rows)
    totals["average"] = scored / totals["rated"] if totals["rated"] else None
    totals["satisfied_share"] = totals["satisfied"] / totals["rated"] if totals["rated"] else None
    return rows, totals


# --- an office's completed cases -------------------------------------------------------------------------------


def completed_cases(user, region):
    """The review cases decided in `region` (within the user's scope), the latest first."""
    return _within(ReviewCase.objects.filter(status__in=COMPLETED_STATUSES), user, region).order_by("-closed_at",
                                                                                                   "-pk")


def codes_of_cases(cases):
    """{case pk: its RatingCode (with its rating, if any)} for the cases that have one."""
    ids = [str(case.pk) for case in cases]
    return {int(code.source_id): code for code in RatingCode.objects.filter(
        source=REVIEW_SOURCE, source_id__in=ids).select_related("rating")}


def code_of_case(case):
    return RatingCode.objects.filter(source=REVIEW_SOURCE, source_id=str(case.pk)).first()
