
from django.contrib import messages
from django.core.exceptions import BadRequest, DisallowedHost, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from hrss.core import audit, audit_display, classifications, regions, scoping, selectors, workdays
from hrss.core.forms import (
    ArrangementUploadForm,
    AuditSearchForm,
    MergeVillageForm,
    MoveVillageForm,
    OccupationUploadForm,
    RenameRegionForm,
    WorkdayQueryForm,
    form_errors_text,
    region_label,
)
from hrss.core.models import AuditEntry, CalendarDay, CalendarYear, Level
from hrss.core.pending import pending_work_for
from hrss.core.permissions import (
    AUDIT_VIEW,
    CALENDAR_MANAGE,
    CLASSIFICATION_MANAGE,
    REGION_MANAGE,
    REGION_VIEW,
    SEPARATED_ADMIN_ROLES,
    has_permission,
    staff_view,
)
from hrss.core.spreadsheets import SpreadsheetRefused, uploaded_file


@staff_view(REGION_VIEW)
def home(request):
    scope = scoping.scope_of(request.user)
    region = scope.region if not scope.is_empty else None
    return render(request, "core/home.html", {
        "region": region,
        "pending": pending_work_for(request.user),
        "offices": selectors.child_offices(request.user, region) if region else [],
        "totals": selectors.region_totals(request.user, region) if region else None,
    })


@staff_view(REGION_VIEW)
def region_detail(request, code):
    region = scoping.get_region_or_404(request.user, code)
    can_manage = has_permission(request.user, REGION_MANAGE)
    return render(request, "core/region_detail.html", {
        "region": region,
        "breadcrumb": scoping.breadcrumb(request.user, region),
        "offices": selectors.child_offices(request.user, region),
        "totals": selectors.region_totals(request.user, region),
        "events": region.events.all()[:20],
        "staff": selectors.staff_of(request.user, region),
        "can_manage": can_manage,
        "rename_form": RenameRegionForm(initial={"new_name": region.name}) if can_manage else None,
        "move_form": MoveVillageForm(actor=request.user) if can_manage and region.level == Level.VILLAGE else None,
        "merge_form": MergeVillageForm(actor=request.user) if can_manage and region.level == Level.VILLAGE else None,
    })


@staff_view(REGION_VIEW)
def region_options(request):
    """The region picker's list: regions of the user's scope whose name holds ?q= (of the ?level= levels)."""
    levels = {int(level) for level in request.GET.getlist("level") if level in {str(value) for value in Level.values}}
    found = selectors.search_regions(request.user, request.GET.get("q"), levels=levels)
    return render(request, "core/_region_options.html", {"options": [region_label(region) for region in found]})


@staff_view(REGION_VIEW)
def region_search(request):
    results = selectors.search_regions(request.user, request.GET.get("q"))
    return render(request, "core/_region_search_results.html", {"results": results})


def _run_region_change(request, region, form, change):
    if not form.is_valid():
        messages.error(request, f"未保存：{form_errors_text(form)}")
        return redirect("core:region-detail", code=region.code)
    try:
        change(form.cleaned_data)
    except ValidationError as error:
        messages.error(request, f"未保存：{'；'.join(error.messages)}")
        return redirect("core:region-detail", code=region.code)
    return None


@require_POST
@staff_view(REGION_MANAGE)
def region_rename(request, code):
    region = scoping.get_region_or_404(request.user, code)
    form = RenameRegionForm(request.POST)
    failed = _run_region_change(request, region, form, lambda data: regions.rename_region(
        actor=request.user, region=region, new_name=data["new_name"],
        effective_date=data["effective_date"], note=data["note"]))
    if failed:
        return failed
    messages.success(request, f"已更名为“{region.name}”。")
    return redirect("core:region-detail", code=region.code)


@require_POST
@staff_view(REGION_MANAGE)
def region_move(request, code):
    village = scoping.get_region_or_404(request.user, code)
    form = MoveVillageForm(request.POST, actor=request.user)
    result = {}

    def change(data):
        result["event"] = regions.move_village(actor=request.user, village=village, new_township=data["new_township_code"],
                                               effective_date=data["effective_date"], note=data["note"])

    failed = _run_region_change(request, village, form, change)
    if failed:
        return failed
    event = result["event"]
    messages.success(request, f"“{village.name}”已调整至“{village.parent.name}”，代码由 {event.old_code} 改为 {event.new_code}。")
    return redirect("core:region-detail", code=village.code)


@require_POST
@staff_view(REGION_MANAGE)
def region_merge(request, code):
    source = scoping.get_region_or_404(request.user, code)
    form = MergeVillageForm(request.POST, actor=request.user)
    result = {}

    def change(data):
        result["target"] = data["target_code"]
        regions.merge_villages(actor=request.user, source=source, target=result["target"],
                               effective_date=data["effective_date"], note=data["note"])

    failed = _run_region_change(request, source, form, change)
    if failed:
        return failed
    messages.success(request, f"“{source.name}”已并入“{result['target'].name}”。")
    return redirect("core:region-detail", code=result["target"].code)


@require_POST
@staff_view(REGION_MANAGE)
def region_central_town(request, code):
    township = scoping.get_region_or_404(request.user, code)
    try:
        regions.set_central_town(actor=request.user, township=township,
                                 is_central_town=request.POST.get("is_central_town") == "1")
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    return redirect("core:region-detail", code=township.code)


@staff_view(AUDIT_VIEW)
def audit_list(request):
    form = AuditSearchForm(request.GET or None)
    entries = scoping.visible_to(request.user, AuditEntry.objects.select_related("actor"))
    if form.is_valid():
        data = form.cleaned_data
        if data["username"]:
            entries = entries.filter(actor_username__icontains=data["username"].strip())
        action = data["action"].strip()
        if action in audit.registered_actions():
            entries = entries.filter(action=action)
        elif action:
            entries = entries.filter(action__icontains=action)
        if data["subject"]:
            entries = entries.filter(subject_id_number=data["subject"].strip().upper())
        if data["outcome"]:
            entries = entries.filter(outcome=data["outcome"])
        if data["date_from"]:
            entries = entries.filter(at__date__gte=data["date_from"])
        if data["date_to"]:
            entries = entries.filter(at__date__lte=data["date_to"])
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_list.html", {"form": form, "page": page,
                                                    "entries": audit_display.describe(page)})


# The holiday arrangement is national: every staff member sees the same calendar (no region data).
@staff_view(REGION_VIEW)
def calendar(request):
    known = list(CalendarYear.objects.all())
    for entry in known:
        if entry.source in workdays.EARLIER_SEED_SOURCES:
            entry.source = workdays.SEED_SOURCE
    years = [entry.year for entry in known]
    today = timezone.localdate()
    # The years that can be shown: those loaded, this year and the next (whose arrangement may still be missing).
    # Anything else (0, 10000, a 20-digit number, text) shows this year with a note; it reached the database once.
    showable = {*years, today.year, today.year + 1}
    first, last = min(showable), max(showable)
    year, year_problem = today.year, ""
    asked = request.GET.get("year", "").strip()
    if asked:
        if asked.isdigit() and len(asked) <= 4 and int(asked) in showable:
            year = int(asked)
        else:
            year_problem = f"年度“{asked[:20]}”无法查看：可查看已录入节假日安排的年度（{first}–{last} 年），现显示 {year} 年。"
    query = WorkdayQueryForm(request.GET if "start" in request.GET else None)
    answer = None
    if query.is_valid():
        start, count = query.cleaned_data["start"], query.cleaned_data["count"]
        if not first <= start.year <= last:
            query.add_error("start", f"起算日期应在已录入节假日安排的年度内（{first}–{last} 年）。")
        else:
            try:
                answer = workdays.add_working_days(start, count)
            except workdays.UnknownArrangement as error:
                query.add_error(None, str(error))
            except OverflowError:  # past 9999-12-31: no arrangement reaches there, but say so rather than fail
                query.add_error(None, "计算结果超出了可表示的日期范围（至 9999-12-31）。")
    return render(request, "core/calendar.html", {
        "known": known, "year": year, "year_problem": year_problem,
        "days": CalendarDay.objects.filter(date__year=year),
        "next_year_missing": years and today.year + 1 not in years, "next_year": today.year + 1,
        "query": query, "answer": answer,
        "upload": ArrangementUploadForm() if has_permission(request.user, CALENDAR_MANAGE) else None,
    })


def _loaded_text(days, years):
    """已导入 2023 年的节假日安排（2022年的1天并入该年已有的安排）."""
    whole, reaching = workdays.whole_and_reaching(days, years)
    text = f"已导入 {'、'.join(str(year) for year in sorted(whole))} 年的节假日安排" if whole else "已导入节假日安排"
    added = "、".join(f"{year}年的{sum(1 for day in days if day.year == year)}天" for year in sorted(reaching))
    return f"{text}（{added}并入该年已有的安排）" if added else text


@require_POST
@staff_view(CALENDAR_MANAGE)
def calendar_upload(request):
    form = ArrangementUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("core:calendar")
    upload = form.cleaned_data["file"]
    try:
        with uploaded_file(upload) as path:
            days, years, errors = workdays.read_arrangement_file(path)
    except (SpreadsheetRefused, workdays.ArrangementRefused) as error:
        messages.error(request, str(error))
        return redirect("core:calendar")
    if errors:
        listed = "；".join(f"第{error.row}行【{error.column}】{error.reason}" for error in errors[:20])
        messages.error(request, f"文件有 {len(errors)} 处错误，未导入任何内容：{listed}")
        return redirect("core:calendar")
    if not days:
        messages.error(request, "文件中没有日期。")
        return redirect("core:calendar")
    try:
        whole, reaching = workdays.whole_and_reaching(days, years)
        count = workdays.load_arrangement(days=days, years=whole, adding=reaching, actor=request.user,
                                          source=f"上传 {upload.name}")
    except workdays.ArrangementRefused as error:
        messages.error(request, str(error))
        return redirect("core:calendar")
    messages.success(request, f"{_loaded_text(days, years)}，共 {count} 天。")
    return redirect(f"{reverse('core:calendar')}?year={min(whole or years)}")


@staff_view(CLASSIFICATION_MANAGE)
def classifications_page(request):
    """The occupation table as loaded (rows per level, rows still without a name) and the upload of a full one."""
    found = classifications.counts()
    levels = [(label, *found.get(level, (0, 0))) for level, label in ((1, "大类"), (2, "中类"), (3, "小类"), (4, "细类"))]
    return render(request, "core/classifications.html", {"levels": levels, "form": OccupationUploadForm()})


@require_POST
@staff_view(CLASSIFICATION_MANAGE)
def classifications_upload(request):
    form = OccupationUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, form_errors_text(form))
        return redirect("core:classifications")
    try:
        with uploaded_file(form.cleaned_data["file"]) as path:
            created, updated = classifications.import_occupations(actor=request.user, path=path)
    except SpreadsheetRefused as error:
        messages.error(request, str(error))
    except classifications.ImportRefused as error:
        listed = "；".join(f"第{e.row}行【{e.column}】{e.reason}" for e in error.errors[:20])
        messages.error(request, f"{error}{listed}")
    else:
        messages.success(request, f"已导入职业分类：新增 {created} 条，更新 {updated} 条。")
    return redirect("core:classifications")


@scoping.public
def healthz(request):
    return JsonResponse({"status": "ok"})


# --- error pages ----------------------------------------------------------------------------------------------
# Chinese, in the site's layout, each with a way back and a way out (hrss/urls.py names them as Django's handlers).
# The API answers JSON, as its own errors do.

ERROR_PAGES = {
    400: ("请求有误", "提交的内容无法处理。请返回上一页检查后重新提交。"),
    403: ("没有权限", "您的账号没有打开这个页面的权限。如需办理，请联系本级安全管理员分配相应角色。"),
    404: ("页面不存在", "您要找的页面不存在，或不在您的管辖范围内。请检查地址，或从工作台重新进入。"),
    500: ("系统出错", "系统处理时出错，您的操作可能没有保存。请稍后重试；如仍出错，请联系系统管理员并告知出错时间。"),
}


def _error_page(request, status, reason=""):
    title, message = ERROR_PAGES[status]
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": reason or message}, status=status)
    user = getattr(request, "user", None)  # absent when the request failed before authentication
    no_role = status == 403 and user is not None and user.is_authenticated and not user.role_list
    if no_role:  # a new account after its first password change: nothing to go back to yet
        title = "账号尚未分配角色"
        message = ("您的账号尚未分配角色，暂时不能办理业务。请联系本级安全管理员分配角色；"
                   "分配后点击“进入工作台”即可开始使用。")
    elif status == 403 and user is not None and user.is_authenticated and \
            set(user.role_list) & SEPARATED_ADMIN_ROLES:
        # The three administrators (三员) cannot also hold a business role: asking for one would be refused.
        message = ("这个页面不属于您的管理员角色。系统管理员、安全管理员、审计管理员各管一事（开设账号与区划、"
                   "分配角色与核准、查询审计日志），不能再分配其他角色；业务请由业务人员用其业务账号办理。")
    return render(request, "core/error.html", {
        "status": status, "title": title, "message": message, "reason": reason,
        "back": "" if no_role else _same_site_referer(request), "no_role": no_role,
        "can_open_home": user is not None and has_permission(user, REGION_VIEW),
    }, status=status)


def _same_site_referer(request):
    """The page the user came from, when it is one of ours and not this one (a way back that needs no script)."""
    referer = request.headers.get("referer", "")
    try:
        host, here = request.get_host(), request.build_absolute_uri()
    except DisallowedHost:  # the 400 of a request for a host we do not serve
        return ""
    ours = url_has_allowed_host_and_scheme(referer, allowed_hosts={host}, require_https=request.is_secure())
    return referer if referer and ours and referer != here else ""


def bad_request(request, exception):
    # BadRequest carries a Chinese sentence for the user (core.middleware); other 400s (SuspiciousOperation) say
    # nothing of why.
    told = isinstance(exception, BadRequest) and exception.args
    return _error_page(request, 400, reason=str(exception) if told else "")


def permission_denied(request, exception):
    # Services raise PermissionDenied with a Chinese sentence saying why; a bare one carries no text.
    return _error_page(request, 403, reason=str(exception) if exception and exception.args else "")


def page_not_found(request, exception):
    return _error_page(request, 404)


def server_error(request):
    # Rendered without the request's context: whatever broke (the database, a context processor) must not break
    # the error page too.
    title, message = ERROR_PAGES[500]
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=500)
    html = loader.get_template("core/error.html").render({
        "status": 500, "title": title, "message": message, "can_open_home": True,
        "request_id": getattr(request, "request_id", ""),
    })
    return HttpResponse(html, status=500)
