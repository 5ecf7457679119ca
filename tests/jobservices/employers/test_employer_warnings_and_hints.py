"""After saving, the out-of-region USCC warning is shown once; an industry code written with its 门类 letter is
refused with the code to write instead."""

import pytest
from django.core.exceptions import ValidationError

from hrss.jobservices.codes import complete_uscc
from hrss.jobservices.employers import services
from hrss.jobservices.models import Employer
from tests.conftest import VILLAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, township_officer):
    client.force_login(township_officer)
    return client


def test_the_warning_is_shown_once_after_registering_and_after_editing(officer_client, heyuan):
    uscc = complete_uscc("91441621MA4UX0090")  # registered in 紫金县
    response = officer_client.post("/jobservices/employers/new/", {
        "name": "紫金某建材公司下城仓库", "uscc": uscc, "region": VILLAGE}, follow=True)
    [warning] = services.uscc_area_warnings(uscc, VILLAGE)
    assert response.content.decode().count(warning) == 1
    employer = Employer.objects.get(uscc=uscc)
    response = officer_client.post(f"/jobservices/employers/{employer.pk}/edit/", {
        "name": "紫金某建材公司下城仓库", "uscc": uscc, "region": VILLAGE, "phone": "0762-1234567"}, follow=True)
    body = response.content.decode()
    assert "已保存" in body and body.count(warning) == 1


def test_an_industry_code_with_its_letter_is_told_the_code(heyuan, village_assistant):
    with pytest.raises(ValidationError) as refused:
        services.register_employer(actor=village_assistant, name="某养殖场", org_code="", uscc=complete_uscc(
            "91441602MA4UX0020"), region_code=VILLAGE, industry_code="A05")
    [message] = refused.value.message_dict["industry_code"]
    assert "“A05”不在国民经济行业分类" in message and "请填写“05”" in message
    assert not Employer.objects.exists()
    employer = services.register_employer(actor=village_assistant, name="某养殖场", uscc=complete_uscc(
        "91441602MA4UX0020"), region_code=VILLAGE, industry_code="05")[0]
    assert employer.industry_code == "05"


def test_an_unknown_code_gets_no_wrong_hint(heyuan, village_assistant):
    with pytest.raises(ValidationError) as refused:
        services.register_employer(actor=village_assistant, name="某厂", uscc=complete_uscc("91441602MA4UX0020"),
                                   region_code=VILLAGE, industry_code="Z99")
    assert "请填写" not in refused.value.message_dict["industry_code"][0]
