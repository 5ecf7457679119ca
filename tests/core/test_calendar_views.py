import pytest

from hrss.core.models import AuditEntry, CalendarDay, CalendarYear
from hrss.core.permissions import Role
from tests.conftest import TODAY, VILLAGE, login
from tests.core.test_workdays import ARRANGEMENT_2027 as WHOLE_2027

# A year without an arrangement is 2027 here, whatever the seed holds by now.
pytestmark = pytest.mark.usefixtures("calendar_as_seeded_in_2026")

ARRANGEMENT_2027 = "\n".join(["日期,类型,名称", *WHOLE_2027, ""]).encode()


def upload(client, content, name="2027.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post("/calendar/upload/", {"file": SimpleUploadedFile(name, content)}, follow=True)


def test_staff_see_the_years_holidays_and_count_working_days(client, village_assistant):
    page = login(client, village_assistant).get("/calendar/", {"year": "2026", "start": "2026-09-30", "count": "10"})
    body = page.content.decode()
    assert page.status_code == 200
    assert "2026-02-15" in body and "春节" in body and "2026-10-10" in body
    assert "2026-10-20" in page.content.decode().split('data-testid="workday-answer"')[1]
    assert "导入节假日安排" not in body  # only system administrators load arrangements


def test_the_page_warns_when_next_years_arrangement_is_missing(client, make_user, clock):
    clock.move_to("2026-11-30T09:00:00+08:00")
    assistant = make_user("alice", VILLAGE, Role.VILLAGE_ASSISTANT)
    assert "尚未录入 2027 年的节假日安排" in login(client, assistant).get("/calendar/").content.decode()


def test_the_page_does_not_warn_while_next_years_arrangement_is_known(client, make_user, clock):
    clock.move_to("2025-11-30T09:00:00+08:00")
    assistant = make_user("alice", VILLAGE, Role.VILLAGE_ASSISTANT)
    assert "尚未录入" not in login(client, assistant).get("/calendar/").content.decode()


def test_counting_past_the_known_years_says_which_year_is_missing(client, village_assistant):
    page = login(client, village_assistant).get("/calendar/", {"start": "2026-12-28", "count": "10"})
    assert "尚未录入2027年的节假日安排" in page.content.decode()


def test_a_city_system_administrator_uploads_next_years_arrangement(client, system_admin):
    page = upload(login(client, system_admin), ARRANGEMENT_2027)
    assert f"已导入 2027 年的节假日安排，共 {len(WHOLE_2027)} 天" in page.content.decode()
    assert CalendarYear.objects.filter(year=2027).exists()
    assert CalendarDay.objects.get(date="2027-02-06").kind == CalendarDay.Kind.WORKDAY


def test_a_few_days_of_a_year_not_loaded_are_refused_with_what_to_do(client, system_admin):
    page = upload(login(client, system_admin), "日期,类型,名称\n2027-01-01,放假,元旦\n2027-02-06,上班,春节调休\n".encode())
    assert "文件中2027年只有2天，不像是该年全年的节假日安排" in page.content.decode()
    assert not CalendarYear.objects.filter(year=2027).exists() and not CalendarDay.objects.filter(date__year=2027)


def test_a_file_with_errors_loads_nothing_and_lists_the_rows(client, system_admin):
    page = upload(login(client, system_admin), "日期,类型\n2027-01-01,放假\n2027-01-04,上班\n".encode())
    assert "第3行【类型】2027-01-04 本来就是工作日" in page.content.decode()
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_a_county_administrator_cannot_change_the_citys_calendar(client, neighbour_county_system_admin):
    response = upload(login(client, neighbour_county_system_admin), ARRANGEMENT_2027)
    assert response.status_code == 403
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert AuditEntry.objects.filter(action="core.calendar.load", outcome=AuditEntry.Outcome.DENIED).exists()


def test_a_village_assistant_cannot_upload(client, village_assistant):
    assert upload(login(client, village_assistant), ARRANGEMENT_2027).status_code == 403
    assert not CalendarYear.objects.filter(year=2027).exists()


@pytest.mark.parametrize("name", ["2027.exe", "2027.csv"])
def test_a_file_that_is_not_a_spreadsheet_is_refused_with_a_message(client, system_admin, name):
    page = upload(login(client, system_admin), b"\x00\x01MZ binary", name=name)
    assert page.status_code == 200
    assert not CalendarYear.objects.filter(year=2027).exists()


# Finding L3 of issue 9, section 4: these answered 500. The years that can be shown: those loaded (2004-2026 here)
# and the next one, which may still be missing.
SHOWABLE = f"2004–{max(2026, TODAY.year + 1)} 年"


@pytest.mark.parametrize("year", ["10000", "0", "-1", "99999999999999999999", "二〇二六", "１２３"])
def test_a_year_that_cannot_be_shown_says_which_can(client, village_assistant, year):
    page = login(client, village_assistant).get("/calendar/", {"year": year})
    body = page.content.decode()
    assert page.status_code == 200
    note = body.split('data-testid="year-problem">')[1].split("</div>")[0]
    assert f"可查看已录入节假日安排的年度（{SHOWABLE}）" in note and f"现显示 {TODAY.year} 年" in note


@pytest.mark.parametrize(("start", "count", "message"), [
    ("9999-12-31", "10", f"起算日期应在已录入节假日安排的年度内（{SHOWABLE}）"),
    ("0001-01-01", "1", f"起算日期应在已录入节假日安排的年度内（{SHOWABLE}）"),
    ("10000-01-01", "1", "起算日期应为有效日期，如 2026-09-30（年份 1–9999）"),
    ("2026-09-30", "367", "第几个工作日应为 0–366 之间的整数"),
    ("2026-09-30", "-1", "第几个工作日应为 0–366 之间的整数"),
    ("2026-09-30", "99999999999999999999", "第几个工作日应为 0–366 之间的整数"),
])
def test_a_working_day_question_out_of_range_says_the_range(client, village_assistant, start, count, message):
    page = login(client, village_assistant).get("/calendar/", {"year": "2026", "start": start, "count": count})
    assert page.status_code == 200 and message in page.content.decode()
    assert 'data-testid="workday-answer"' not in page.content.decode()
