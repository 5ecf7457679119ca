"""登记用人单位: codes checked with the failing position, duplicates named, a USCC registered outside the county a
warning, and the place within the officer's scope."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.jobservices.codes import complete_orgcode, complete_uscc
from hrss.jobservices.employers import services
from hrss.jobservices.models import Employer
from tests.conftest import COUNTY, NEIGHBOUR_VILLAGE, TOWNSHIP, VILLAGE
from tests.jobservices.employers.conftest import USCC_HERE

pytestmark = pytest.mark.django_db


def register(actor, **fields):
    values = {"name": "下城五金店", "uscc": USCC_HERE, "region_code": VILLAGE, **fields}
    return services.register_employer(actor=actor, **values)


def test_a_village_assistant_registers_an_employer_of_her_village(heyuan, village_assistant):
    employer, warnings = register(village_assistant, uscc=USCC_HERE.lower() + " ", phone="0762-3330000")
    assert warnings == []
    assert employer.uscc == USCC_HERE and employer.region_code == VILLAGE and employer.created_by == village_assistant
    entry = AuditEntry.objects.get(action="jobservices.employer.registered")
    assert entry.region_code == VILLAGE and entry.after["uscc"] == USCC_HERE


def test_an_invalid_code_is_refused_with_its_position_and_nothing_is_saved(heyuan, village_assistant):
    wrong = "0" if USCC_HERE[17] != "0" else "1"
    with pytest.raises(ValidationError) as refused:
        register(village_assistant, uscc=USCC_HERE[:17] + wrong)
    assert refused.value.message_dict["uscc"] == [
        f"统一社会信用代码有误：第18位校验码应为 {USCC_HERE[17]}，实为 {wrong}。"]
    assert not Employer.objects.exists()


def test_an_organisation_code_alone_is_enough(heyuan, village_assistant):
    org_code = complete_orgcode("MA4UX001")
    employer, _ = register(village_assistant, uscc="", org_code=org_code[:8] + "-" + org_code[8])
    assert employer.org_code == org_code and employer.code == org_code


def test_a_wrong_organisation_code_names_position_9(heyuan, village_assistant):
    org_code = complete_orgcode("12345678")
    wrong = "0" if org_code[8] != "0" else "1"
    with pytest.raises(ValidationError) as refused:
        register(village_assistant, uscc="", org_code=org_code[:8] + wrong)
    assert "第9位组织机构代码校验码应为" in refused.value.message_dict["org_code"][0]


def test_no_code_at_all_is_refused(heyuan, village_assistant):
    with pytest.raises(ValidationError) as refused:
        register(village_assistant, uscc="", org_code="")
    assert "请填写统一社会信用代码" in refused.value.message_dict["uscc"][0]


def test_both_codes_must_agree(heyuan, village_assistant):
    with pytest.raises(ValidationError) as refused:
        register(village_assistant, org_code=complete_orgcode("12345678"))
    assert "应与统一社会信用代码第9–17位" in refused.value.message_dict["org_code"][0]


def test_a_second_registration_of_a_code_names_the_first_employer(heyuan, village_assistant, township_officer):
    register(village_assistant, name="下城五金店")
    with pytest.raises(ValidationError) as refused:
        register(township_officer, name="另一个名字", region_code=TOWNSHIP)
    assert "已登记为用人单位“下城五金店”" in refused.value.message_dict["uscc"][0]
    assert Employer.objects.count() == 1


def test_a_code_from_another_county_of_heyuan_is_a_warning(heyuan, village_assistant):
    employer, warnings = register(village_assistant, uscc=complete_uscc("91441621MA4UX0020"))  # 紫金县
    assert employer.pk and len(warnings) == 1
    assert "紫金县" in warnings[0] and "源城区" in warnings[0]


def test_a_code_from_outside_heyuan_is_a_warning(heyuan, village_assistant):
    _employer, warnings = register(village_assistant, uscc=complete_uscc("91440300MA4UX0030"))  # 深圳
    assert len(warnings) == 1 and "不在河源市" in warnings[0]


@pytest.mark.parametrize("area", ["441600", "440000"])
def test_a_code_registered_by_the_city_or_the_province_is_no_warning(heyuan, village_assistant, area):
    assert register(village_assistant, uscc=complete_uscc(f"91{area}MA4UX0040"))[1] == []


def test_n_and_y_codes_register(heyuan, village_assistant):
    assert register(village_assistant, name="下城社区居委会", uscc=complete_uscc("N2441602MA4UX0050"))[0].pk
    assert register(village_assistant, name="其他组织", uscc=complete_uscc("Y1441602MA4UX0060"))[0].pk


def test_a_neighbour_village_is_out_of_the_assistant_s_scope(heyuan, village_assistant):
    with pytest.raises(PermissionDenied):
        register(village_assistant, region_code=NEIGHBOUR_VILLAGE)
    assert AuditEntry.objects.filter(action="jobservices.employer.register", actor=village_assistant,
                                     outcome=AuditEntry.Outcome.DENIED).exists()
    assert not Employer.objects.exists()


def test_a_township_officer_registers_at_the_township_or_its_villages(heyuan, township_officer):
    assert register(township_officer, region_code=TOWNSHIP)[0].region_code == TOWNSHIP
    assert register(township_officer, name="公园社区商店", uscc=complete_uscc("91441602MA4UX0070"),
                    region_code=NEIGHBOUR_VILLAGE)[0].pk


def test_a_county_is_not_a_place(heyuan, county_officer):
    with pytest.raises(ValidationError) as refused:
        register(county_officer, region_code=COUNTY)
    assert "应为村(社区)或乡镇(街道)" in refused.value.message_dict["region_code"][0]


def test_an_unknown_industry_is_refused(heyuan, village_assistant):
    with pytest.raises(ValidationError) as refused:
        register(village_assistant, industry_code="9999")
    assert "GB/T 4754-2017" in refused.value.message_dict["industry_code"][0]


def test_an_update_is_audited_with_before_and_after(heyuan, village_assistant, employer):
    employer, warnings = services.update_employer(actor=village_assistant, employer=employer, phone="13800000000",
                                                  contact_person="李经理")
    assert warnings == [] and employer.phone == "13800000000"
    entry = AuditEntry.objects.get(action="jobservices.employer.updated")
    assert entry.before == {"phone": "", "contact_person": "王经理"}
    assert entry.after == {"phone": "13800000000", "contact_person": "李经理"}


def test_an_update_keeps_its_own_code(heyuan, village_assistant, employer):
    assert services.update_employer(actor=village_assistant, employer=employer, uscc=employer.uscc,
                                    name="新名字")[0].name == "新名字"


def test_an_update_may_not_move_the_employer_out_of_scope(heyuan, village_assistant, employer):
    with pytest.raises(PermissionDenied):
        services.update_employer(actor=village_assistant, employer=employer, region_code=NEIGHBOUR_VILLAGE)
    employer.refresh_from_db()
    assert employer.region_code == VILLAGE


def test_an_organisation_code_already_inside_a_registered_uscc_is_a_duplicate(heyuan, village_assistant, employer):
    with pytest.raises(ValidationError) as refused:
        register(village_assistant, name="同一单位", uscc="", org_code=employer.uscc[8:17])
    assert "已登记为用人单位“下城优品超市”" in refused.value.message_dict["org_code"][0]
