"""An inspection case names its employer by USCC; the case page says what the employer registry (就业服务's
用人单位台账) knows of that code, within the viewer's scope, and warns when the names differ."""

from django.test import Client

from hrss.jobservices.employers import services as employers
from hrss.supervision.inspection import services
from tests.conftest import TODAY, VILLAGE
from tests.jobservices.employers.conftest import USCC_HERE


def _page(user, case):
    client = Client()
    client.force_login(user)
    return client.get(f"/supervision/inspection/{case.pk}/").content.decode()


def test_the_case_page_shows_the_registered_employer(heyuan, village_assistant, inspector):
    registered = employers.register_employer(actor=village_assistant, name="河源市东埔建筑劳务有限公司", uscc=USCC_HERE,
                                             region_code=VILLAGE, address="东埔大道1号")[0]
    case = services.receive_complaint(actor=inspector, region_code=VILLAGE, source="complaint",
                                      employer_name="东埔建筑劳务公司", employer_uscc=USCC_HERE,
                                      summary="拖欠3个月工资", received_on=TODAY, today=TODAY)
    page = _page(inspector, case)
    assert 'data-testid="known-employer"' in page and "河源市东埔建筑劳务有限公司" in page and "东埔大道1号" in page
    assert "与登记的单位名称不同" in page
    # The inspector holds no 就业服务 permission: the registry's name without a link to its page.
    assert f"/jobservices/employers/{registered.pk}/" not in page


def test_a_code_the_registry_does_not_hold(heyuan, inspector):
    case = services.receive_complaint(actor=inspector, region_code=VILLAGE, source="complaint", employer_name="某厂",
                                      employer_uscc=USCC_HERE, summary="拖欠工资", received_on=TODAY, today=TODAY)
    assert "用人单位台账中没有该统一社会信用代码的单位" in _page(inspector, case)
