"""What the user trial found on the promises pages, as a user checks it: no "[believed]" marker on the service list
(a basis not yet checked says 依据待核实), the printed 一次性告知书 says how each missing document is handed in
(原件 / 复印件N份, from the catalogue's checklist), 服务承诺 has a month picker, and 限时办结 links each case to its
page in its area."""

import datetime

from django.test import Client

from hrss.core import catalogue
from hrss.employment.models import UnemploymentCategory, UnemploymentRegistration
from hrss.residents.models import Person
from hrss.supervision.models import NoticeSlip
from hrss.supervision.promises import services
from tests.conftest import COUNTY, TODAY, VILLAGE, login

CODE = "employment/unemployment_registration"


def test_the_service_list_shows_no_believed_marker_but_says_the_basis_awaits_checking(township_officer):
    page = login(Client(), township_officer).get("/supervision/promises/services/").content.decode()
    assert "培训补贴申领" in page and "创业担保贷款" in page
    assert "[believed]" not in page
    assert "财金〔2008〕100号；财金〔2016〕85号（更名为创业担保贷款），依据待核实" in page
    assert "财社〔2008〕8号（按取得证书给予培训补贴），依据待核实" in page


def test_the_notice_handed_to_the_citizen_says_the_basis_without_the_staff_marker(township_officer):
    """依据待核实 is for staff on the service list; the 一次性告知书 a citizen takes home carries the basis alone."""
    page = login(Client(), township_officer).get("/supervision/promises/notice/",
                                                 {"service": "jobservices/training_subsidy"}).content.decode()
    assert "财社〔2008〕8号（按取得证书给予培训补贴）" in page and "依据待核实" not in page


def test_no_service_of_the_catalogue_carries_the_marker_in_its_basis():
    assert [service.code for service in catalogue.services() if "[believed]" in service.legal_basis] == []


def test_the_printed_slip_says_original_or_copies_for_each_missing_document(heyuan, village_assistant):
    documents = catalogue.service(CODE).documents_on(TODAY)
    shown = next(document for document in documents if document.original_shown)
    copied = next((document for document in documents if document.copies), shown)
    missing = list(dict.fromkeys([shown.name, copied.name]))
    client = login(Client(), village_assistant)
    form = client.get("/supervision/promises/notice/", {"service": CODE}).content.decode()
    assert f"{shown.name}（{shown.how}）" in form  # the officer sees it when ticking
    slip = services.give_notice_slip(actor=village_assistant, region=heyuan[VILLAGE], service_code=CODE,
                                     citizen_name="张三", missing=missing, other="近期一寸照片")
    page = client.get(f"/supervision/promises/slips/{slip.pk}/").content.decode()
    items = page.split('data-testid="slip-missing"')[1].split("</ol>")[0]
    assert f"{shown.name}（<span data-testid=\"slip-how\">{shown.how}</span>）" in items
    assert "原件" in shown.how
    if copied.copies:
        assert f"复印件{copied.copies}份" in items
    assert "近期一寸照片</li>" in items  # typed by hand: no way of handing in to say
    assert NoticeSlip.objects.get().missing[-1] == "近期一寸照片"


def test_the_promise_page_has_a_month_picker(township_officer):
    from hrss.core.dates import add_months

    earlier, earliest = add_months(TODAY.replace(day=1), -10), add_months(TODAY.replace(day=1), -13)
    client = login(Client(), township_officer)
    page = client.get("/supervision/promises/promise/", {"month": f"{earlier:%Y-%m}"}).content.decode()
    picker = page.split('data-testid="promises-month-form"')[1].split("</form>")[0]
    assert 'type="month"' in picker and 'name="month"' in picker and f'value="{earlier:%Y-%m}"' in picker
    assert f'max="{TODAY:%Y-%m}"' in picker
    chosen = client.get("/supervision/promises/promise/", {"month": f"{earliest:%Y-%m}",
                                                           "region": township_officer.region.code})
    assert f"{earliest.year}年{earliest.month}月办结" in chosen.content.decode()


def test_an_overdue_case_links_to_its_page_in_its_area(unemployment_case, county_officer, city_admin,
                                                       village_assistant):
    case = unemployment_case(TODAY - datetime.timedelta(days=30), name="甲")
    unlinked = unemployment_case(TODAY - datetime.timedelta(days=30), name="乙")  # no registration behind it
    person = Person.objects.create(id_number=case.subject_id_number, name="甲", sex="M",
                                   birth_date=datetime.date(1980, 1, 1), region_code=VILLAGE)
    registration = UnemploymentRegistration.objects.create(person=person, region_code=VILLAGE, case=case,
                                                           category=UnemploymentCategory.LOST_JOB,
                                                           applied_by=village_assistant)
    url = f"/employment/unemployment/{registration.pk}/"
    for viewer in (county_officer, city_admin):
        client = login(Client(), viewer)
        page = client.get("/supervision/promises/overdue/", {"region": COUNTY}).content.decode()
        assert f'<a href="{url}" data-testid="overdue-case-link">甲 失业登记</a>' in page
        assert f"<td>{unlinked.title}</td>" in page
        assert client.get(url).status_code == 200  # the case's page opens
