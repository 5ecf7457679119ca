"""单位招用登记: the employer's village is picked by name with its township and code, not from a flat list of bare
names (a city has some 1,400 villages, dozens of them sharing a name)."""

from django.test import Client

from hrss.employment.models import EmploymentRegistration
from hrss.residents import services
from hrss.residents.models import LabourStatus
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE
from tests.residents.factories import MAN_1980


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_employers_village_is_offered_with_its_township_and_code(county_officer):
    html = logged_in(county_officer).get("/employment/hires/").content.decode()
    assert f'<option value="下城社区（上城街道） {VILLAGE}">' in html
    assert 'name="employer_region"' in html and "data-region-picker" in html
    assert f'<option value="{VILLAGE}">下城社区</option>' not in html


def test_a_village_typed_by_name_is_where_the_hire_is_registered(heyuan, county_officer, village_assistant):
    services.register_person(actor=village_assistant, id_number=MAN_1980, name="张三", village=heyuan[VILLAGE],
                             status=LabourStatus.UNEMPLOYED)
    page = logged_in(county_officer).post("/employment/hires/", {
        "employer_name": "河源某厂", "employer_region": "公园社区", "hired_on": TODAY.isoformat(),
        "lines": MAN_1980}).content.decode()
    assert "已登记 <strong>1</strong> 人" in page
    assert EmploymentRegistration.objects.get().region_code == NEIGHBOUR_VILLAGE


def test_an_unknown_village_name_says_what_to_fix(county_officer):
    page = logged_in(county_officer).post("/employment/hires/", {
        "employer_name": "河源某厂", "employer_region": "没有这个村", "lines": MAN_1980}).content.decode()
    assert "没有名称为“没有这个村”的村(社区)" in page
