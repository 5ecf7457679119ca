"""KPI 2 (对参保资料齐全的群众100%当天办结参保手续): per region and month, of the enrolments whose documents became complete,
those enrolled that same day; a completion entered the next day is not the same day, and is listed as late."""

import datetime

from hrss.core.models import Region
from hrss.pensions.enrolment import selectors, services
from tests.conftest import TODAY, login
from tests.pensions.enrolment.conftest import enrol, make_person

DAY = datetime.timedelta(days=1)


def test_same_day_and_next_day(heyuan, village_assistant, county_officer):
    month_start = TODAY.replace(day=1)
    same = enrol(village_assistant, make_person(village_assistant, name="甲", serial=510))
    late = enrol(village_assistant, make_person(village_assistant, name="乙", serial=512), documents=["id_card"],
                 today=month_start)
    later = month_start + DAY if TODAY > month_start else month_start
    services.complete_documents(actor=village_assistant, enrolment=late, documents=["hukou", "form"],
                                today=later, received_on=month_start)
    late.refresh_from_db()
    enrol(village_assistant, make_person(village_assistant, name="丙", serial=514), documents=["id_card"])  # pending
    city = Region.objects.get(code="441600000000")
    rows = selectors.kpi_rows(county_officer, Region.objects.get(code="441602000000"), TODAY.year, TODAY.month)
    total = rows[0]
    if later == month_start:  # the 1st of the month: the completion came the same day
        assert (total[1], total[2]) == (2, 2)
    else:
        assert (total[1], total[2]) == (2, 1)
        assert selectors.rate(2, 1) == "50.0%"
    assert selectors.rate(0, 0) == "—"
    assert city.code not in [row[0].code for row in rows]
    assert same.enrolled_on == same.documents_complete_on


def test_a_completion_entered_the_next_day_is_late_on_the_page(client, heyuan, village_assistant):
    received = TODAY - DAY
    person = make_person(village_assistant, name="丁", serial=520)
    pending = enrol(village_assistant, person, documents=["id_card"], today=received)
    services.complete_documents(actor=village_assistant, enrolment=pending, documents=["hukou", "form"], today=TODAY,
                                received_on=received)
    pending.refresh_from_db()
    assert pending.enrolled_on == TODAY and pending.documents_complete_on == received
    login(client, village_assistant)
    page = client.get("/pensions/enrolment/kpi/", {"month": f"{received:%Y-%m}"}).content.decode()
    assert "丁" in page and "未当天" in page and "0.0%" in page
