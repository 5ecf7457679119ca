"""登记企业退休人员: a person of the ledger in scope, retired on or before today, once; the ledger's labour status
becomes 退休; refused for someone registered already or dead, with the reason."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from hrss.pensions.models import Retiree, RetireeState
from hrss.pensions.retirees import services
from hrss.residents.models import LabourStatus
from tests.conftest import TODAY
from tests.pensions.retirees.conftest import days, make_person, make_retiree


def register(actor, person, **changes):
    values = {"employer_name": "河源市机械厂", "employer_code": "", "retired_on": TODAY - days(400),
              "pension_amount": Decimal("3250.00"), "phone": "13800000000", **changes}
    return services.register(actor=actor, person=person, **values)


def test_registered_not_yet_managed_and_the_ledger_says_retired(heyuan, village_assistant):
    person = make_person(village_assistant, "李工人", status="other")
    retiree = register(village_assistant, person)
    assert retiree.state == RetireeState.NOT_MANAGED and retiree.region_code == person.region_code
    person.refresh_from_db()
    assert person.labour_status == LabourStatus.RETIRED


def test_retired_today_is_allowed_tomorrow_is_not(heyuan, village_assistant):
    register(village_assistant, make_person(village_assistant, "今天退"), retired_on=TODAY)
    with pytest.raises(ValidationError, match="晚于今天"):
        register(village_assistant, make_person(village_assistant, "明天退"), retired_on=TODAY + days(1))


def test_registered_once(heyuan, village_assistant):
    person = make_person(village_assistant, "重复")
    register(village_assistant, person)
    with pytest.raises(ValidationError, match="已登记为企业退休人员"):
        register(village_assistant, person)
    assert Retiree.objects.filter(person=person).count() == 1


def test_a_dead_retiree_is_not_registered_again(heyuan, village_assistant):
    retiree = make_retiree(village_assistant, "已故")
    services.record_death(actor=village_assistant, retiree=retiree, died_on=TODAY - days(3))
    with pytest.raises(ValidationError, match="死亡"):
        register(village_assistant, retiree.person)


def test_bad_amount_and_code_are_said(heyuan, village_assistant):
    person = make_person(village_assistant, "填错")
    with pytest.raises(ValidationError) as refused:
        register(village_assistant, person, pension_amount="三千", employer_code="123", employer_name=" ")
    text = " ".join(refused.value.messages)
    assert "月养老金" in text and "统一社会信用代码" in text and "原工作单位" in text


def test_out_of_scope_is_refused(heyuan, village_assistant, neighbour_village_assistant):
    person = make_person(village_assistant, "外村人")
    with pytest.raises(PermissionDenied):
        register(neighbour_village_assistant, person)
    assert not Retiree.objects.exists()


def test_the_same_day_second_registration_through_the_page(client, heyuan, village_assistant):
    person = make_person(village_assistant, "页面登记")
    client.force_login(village_assistant)
    form = client.get("/pensions/retirees/new/", {"person": person.pk})
    assert form.status_code == 200 and person.id_number in form.content.decode()
    data = {"id_number": person.id_number, "employer_name": "河源市机械厂", "retired_on": str(TODAY - days(10)),
            "pension_amount": "3100.00"}
    done = client.post("/pensions/retirees/new/", data)
    retiree = Retiree.objects.get(person=person)
    assert done.status_code == 302 and done["Location"] == f"/pensions/retirees/{retiree.pk}/"
    again = client.post("/pensions/retirees/new/", data)
    assert "不能重复登记" in again.content.decode()
    unknown = client.post("/pensions/retirees/new/", {**data, "id_number": "441602194401010000"})
    assert "人员台账中没有该公民身份号码" in unknown.content.decode()


def test_person_panel_offers_registration_to_the_retired_and_shows_the_record(client, heyuan, village_assistant):
    old = make_person(village_assistant, "老人", birth=datetime.date(TODAY.year - 70, 1, 1))
    young = make_person(village_assistant, "青年", birth=datetime.date(TODAY.year - 30, 1, 1))
    client.force_login(village_assistant)
    assert "登记为企业退休人员" in client.get(reverse("residents:person-detail", args=[old.pk])).content.decode()
    assert 'data-testid="retiree-panel"' not in client.get(reverse("residents:person-detail", args=[young.pk])).content.decode()
    register(village_assistant, old)
    page = client.get(reverse("residents:person-detail", args=[old.pk])).content.decode()
    assert "未纳入社会化管理" in page and "河源市机械厂" in page


def test_a_retirement_younger_than_the_earliest_early_retirement_is_a_typing_error(heyuan, village_assistant):
    young = make_person(village_assistant, "年轻人", birth=datetime.date(TODAY.year - 36, 3, 1))
    with pytest.raises(ValidationError) as refused:
        register(village_assistant, young)
    text = " ".join(refused.value.messages)
    youngest = "50周岁" if young.sex == "M" else "45周岁"
    assert f"时年轻人{young.age_on(TODAY - days(400))}岁：企业职工最早{youngest}退休" in text
    assert "请核对退休日期和出生日期" in text and not Retiree.objects.filter(person=young).exists()
    fifty_one = make_person(village_assistant, "提前退", birth=datetime.date(TODAY.year - 52, 3, 1))
    assert register(village_assistant, fifty_one).state == RetireeState.NOT_MANAGED  # early retirement happens
