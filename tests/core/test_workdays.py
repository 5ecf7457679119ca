import datetime

import pytest
from django.core.management import CommandError, call_command

from hrss.core import workdays
from hrss.core.models import AuditEntry, CalendarDay, CalendarYear

# A year without an arrangement is 2027 here, whatever the seed holds by now.
pytestmark = pytest.mark.usefixtures("calendar_as_seeded_in_2026")

D = datetime.date


@pytest.mark.django_db
@pytest.mark.parametrize(("start", "count", "expected"), [
    (D(2026, 9, 30), 10, D(2026, 10, 20)),  # National Day 10/1-7, and Saturday 10/10 worked
    (D(2026, 9, 18), 1, D(2026, 9, 20)),  # Sunday 9/20 is an adjusted working day
    (D(2026, 9, 24), 1, D(2026, 9, 28)),  # Mid-autumn 9/25-27
    (D(2026, 2, 12), 1, D(2026, 2, 13)),
    (D(2026, 2, 13), 1, D(2026, 2, 14)),  # Saturday before the Spring Festival is worked
    (D(2026, 2, 14), 1, D(2026, 2, 24)),  # Spring Festival 2/15-23
    (D(2026, 2, 27), 1, D(2026, 2, 28)),  # and the Saturday after it
    (D(2026, 2, 28), 1, D(2026, 3, 2)),
    (D(2026, 2, 10), 10, D(2026, 3, 2)),
    (D(2026, 3, 6), 1, D(2026, 3, 9)),  # an ordinary weekend
    (D(2026, 3, 6), 0, D(2026, 3, 6)),
])
def test_working_days_are_counted_with_2026s_holidays_and_adjusted_days(start, count, expected):
    assert workdays.add_working_days(start, count) == expected


@pytest.mark.django_db
def test_the_seeded_arrangement_covers_2004_to_2026():
    workdays.load_seed()  # the seed as shipped, with any year after 2026 it holds by now
    years = list(CalendarYear.objects.order_by("year").values_list("year", flat=True))
    assert years[:23] == list(range(2004, 2027)) and years == list(range(2004, years[-1] + 1))
    calendar = workdays.Calendar.load()
    assert not calendar.is_working_day(D(2004, 1, 1))
    assert calendar.is_working_day(D(2026, 10, 10))


@pytest.mark.django_db
def test_counting_into_a_year_without_an_arrangement_fails_and_names_the_year():
    assert workdays.add_working_days(D(2026, 12, 17), 10) == D(2026, 12, 31)
    with pytest.raises(workdays.UnknownArrangement, match="2027年"):
        workdays.add_working_days(D(2026, 12, 18), 10)
    with pytest.raises(workdays.UnknownArrangement, match="2003年"):
        workdays.is_working_day(D(2003, 12, 31))


def write_csv(path, lines):
    path.write_text("\n".join(["日期,类型,名称", *lines]) + "\n", encoding="utf-8")
    return path


# A made-up whole year (at least workdays.WHOLE_YEAR_HOLIDAYS days 放假), as the State Council's notice arrives.
ARRANGEMENT_2027 = ["2027-01-01,放假,元旦", "2027-01-02,放假,元旦", "2027-01-03,放假,元旦",
                    "2027/2/6,上班,春节调休", "2027-02-08,放假,春节",
                    *(f"2027-10-0{day},放假,国庆节" for day in range(1, 8)), "2027-10-09,上班,国庆节调休"]


@pytest.mark.django_db
def test_an_imported_arrangement_extends_the_calendar(tmp_path, capsys):
    call_command("holidays", "import", str(write_csv(tmp_path / "2027.csv", ARRANGEMENT_2027)))
    assert "2027" in capsys.readouterr().out
    assert workdays.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert workdays.add_working_days(D(2027, 2, 5), 1) == D(2027, 2, 6)
    assert workdays.add_working_days(D(2027, 2, 5), 2) == D(2027, 2, 9)
    assert AuditEntry.objects.filter(action="core.calendar.loaded").exists()


@pytest.mark.django_db
def test_importing_the_same_arrangement_twice_changes_nothing_and_a_corrected_one_replaces_it(tmp_path):
    path = write_csv(tmp_path / "2027.csv", ARRANGEMENT_2027)
    call_command("holidays", "import", str(path))
    first = list(CalendarDay.objects.filter(date__year=2027).values_list("date", "kind", "name"))
    call_command("holidays", "import", str(path))
    assert list(CalendarDay.objects.filter(date__year=2027).values_list("date", "kind", "name")) == first
    fixed = [line for line in ARRANGEMENT_2027 if not line.startswith("2027-02-08")]
    call_command("holidays", "import", str(write_csv(tmp_path / "fixed.csv", fixed)))
    assert CalendarDay.objects.filter(date__year=2027).count() == len(fixed)
    assert workdays.is_working_day(D(2027, 2, 8))


@pytest.mark.django_db
def test_a_notice_reaching_into_the_year_before_adds_its_days_and_keeps_that_years_arrangement(tmp_path, capsys):
    """The 2023 notice's 元旦 began on 2022-12-31: a file's few days of a loaded year are added to it, never put in
    place of its whole arrangement (which held 2026's 国庆节 and 春节)."""
    before = CalendarDay.objects.filter(date__year=2026).count()
    assert before >= workdays.WHOLE_YEAR_HOLIDAYS and not workdays.is_working_day(D(2026, 10, 2))
    call_command("holidays", "import", str(write_csv(tmp_path / "2027.csv", ["2026-12-31,放假,元旦",
                                                                            *ARRANGEMENT_2027])))
    assert "已导入 2027 年的安排（2026年的1天并入该年已有的安排）" in capsys.readouterr().out
    assert CalendarDay.objects.filter(date__year=2026).count() == before + 1
    assert not workdays.is_working_day(D(2026, 12, 31)) and not workdays.is_working_day(D(2026, 10, 2))
    assert CalendarYear.objects.filter(year=2027).exists()


@pytest.mark.django_db
def test_a_few_days_of_a_year_not_loaded_are_refused_and_nothing_is_loaded(tmp_path):
    """Two days of 2028 are no arrangement of 2028: loading them as one would count every other holiday of 2028 as
    a working day. Refused in Chinese, and the whole 2027 in the same file is not loaded either."""
    with pytest.raises(CommandError) as refused:
        call_command("holidays", "import", str(write_csv(tmp_path / "2027.csv", [
            *ARRANGEMENT_2027, "2028-01-01,放假,元旦", "2028-01-02,放假,元旦"])))
    assert "文件中2028年只有2天，不像是该年全年的节假日安排" in str(refused.value)
    assert "未导入任何内容" in str(refused.value)
    assert not CalendarYear.objects.filter(year__in=[2027, 2028]).exists()
    assert not CalendarDay.objects.filter(date__year__in=[2027, 2028]).exists()


@pytest.mark.django_db
def test_a_file_with_errors_is_refused_whole_with_each_row_named(tmp_path):
    path = write_csv(tmp_path / "bad.csv", ["2027-01-01,放假,元旦", "2027-01-05,上班,", "2027-01-01,放假,元旦",
                                            "2027-13-01,放假,", "2027-01-09,加班,"])
    with pytest.raises(CommandError) as refused:
        call_command("holidays", "import", str(path))
    message = str(refused.value)
    assert "未导入任何内容" in message
    assert "第3行【类型】2027-01-05 本来就是工作日" in message
    assert "第4行【日期】2027-01-01 与第2行重复" in message
    assert "第5行【日期】“2027-13-01”不是日期" in message
    assert "第6行【类型】“加班”应为“放假”或“上班”" in message
    assert not CalendarYear.objects.filter(year=2027).exists()


@pytest.mark.django_db
def test_a_file_without_the_columns_is_refused(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("日子,备注\n2027-01-01,元旦\n", encoding="utf-8")
    with pytest.raises(CommandError, match="日期”和“类型"):
        call_command("holidays", "import", str(path))


@pytest.mark.django_db
def test_the_workdays_command_prints_the_nth_working_day(capsys):
    call_command("workdays", "add", "2026-09-30", "10")
    assert capsys.readouterr().out.strip() == "2026-10-20"
    with pytest.raises(CommandError, match="2027年"):
        call_command("workdays", "add", "2026-12-30", "5")
    with pytest.raises(CommandError, match="不是日期"):
        call_command("workdays", "add", "30/9/2026", "5")
