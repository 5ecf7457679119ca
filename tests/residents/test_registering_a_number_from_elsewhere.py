"""Finding M1 of issue 9, section 4: registering a new person (API and web form) said whether an ID number was
registered anywhere in the city, before even checking the rest of the form, uncounted and unaudited. Now the form
is checked first, and "registered in another region" is answered as the import answers it: counted per user with
the import's answers, audited, refused past the limit."""

import pytest
from django.test import Client

from hrss.accounts import services as account_services
from hrss.core.models import AuditEntry
from hrss.residents import services
from hrss.residents.imports import ImportRefused
from hrss.residents.models import LabourStatus, Person
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, NEIGHBOUR_VILLAGE, VILLAGE, login
from tests.residents.factories import make_id_number
from tests.residents.test_import_registered_elsewhere import dry_run

IN_ZIJIN = [make_id_number(area="441621", sequence=2 * index + 301) for index in range(3)]
UNUSED = make_id_number(sequence=777)
ELSEWHERE = "该公民身份号码已在其他地区登记，请办理迁入"


@pytest.fixture
def zijin_people(heyuan, neighbour_county_officer):
    for index, id_number in enumerate(IN_ZIJIN):
        services.register_person(actor=neighbour_county_officer, id_number=id_number, name=f"紫金{index}",
                                 village=heyuan[NEIGHBOUR_COUNTY_VILLAGE], status=LabourStatus.FARMING)


def post_person(user, id_number, name="李四", village=NEIGHBOUR_VILLAGE):
    token = account_services.create_token(actor=None, user=user)
    response = Client(headers={"Authorization": f"Bearer {token}"}).post(
        "/api/v1/people", {"name": name, "id_number": id_number, "village_code": village},
        content_type="application/json")
    return response.status_code, response.json()["detail"] if response.status_code != 201 else ""


def lookups_of(user):
    return AuditEntry.objects.filter(actor=user, action__endswith="registered_elsewhere")


def test_a_half_filled_form_is_refused_for_itself_whoever_holds_the_number(zijin_people, neighbour_village_assistant):
    assert post_person(neighbour_village_assistant, IN_ZIJIN[0], name=" ") == (422, "姓名不能为空。")
    assert post_person(neighbour_village_assistant, UNUSED, name=" ") == (422, "姓名不能为空。")
    assert not lookups_of(neighbour_village_assistant).exists()


def test_registered_elsewhere_is_told_and_audited(zijin_people, neighbour_village_assistant):
    status, detail = post_person(neighbour_village_assistant, IN_ZIJIN[0])
    assert status == 422 and ELSEWHERE in detail
    entry = lookups_of(neighbour_village_assistant).get()
    assert (entry.action, entry.subject_id_number, entry.outcome) == (
        "residents.person.registered_elsewhere", IN_ZIJIN[0], "ok")
    assert Person.objects.get(id_number=IN_ZIJIN[0]).region_code == NEIGHBOUR_COUNTY_VILLAGE


def test_a_number_already_in_the_users_scope_points_to_the_move_uncounted(heyuan, village_assistant,
                                                                          neighbour_village_assistant,
                                                                          township_officer):
    services.register_person(actor=village_assistant, id_number=UNUSED, name="张三", village=heyuan[VILLAGE])
    status, detail = post_person(township_officer, UNUSED)
    assert status == 422 and "已登记在您的辖区内" in detail and "迁移" in detail
    assert not lookups_of(township_officer).exists()


def test_the_import_the_api_and_the_form_share_one_limit(settings, tmp_path, client, heyuan, zijin_people,
                                                         township_officer):
    settings.HRSS_RATE_LIMITS = {**settings.HRSS_RATE_LIMITS, "registered_elsewhere": (2, 3600)}
    assert len(dry_run(tmp_path, heyuan, township_officer, IN_ZIJIN[:1]).rejected) == 1
    assert ELSEWHERE in post_person(township_officer, IN_ZIJIN[1])[1]
    token = account_services.create_token(actor=None, user=township_officer)
    refused = Client(headers={"Authorization": f"Bearer {token}"}).post(
        "/api/v1/people", {"name": "李四", "id_number": IN_ZIJIN[2], "village_code": NEIGHBOUR_VILLAGE},
        content_type="application/json")
    # Past the limit the API answers as every limit does: 429, with when to try again.
    assert refused.status_code == 429 and 0 < int(refused["Retry-After"]) <= 3600
    assert "已达上限（2 次）" in refused.json()["detail"] and ELSEWHERE not in refused.json()["detail"]
    page = login(client, township_officer).post(f"/residents/new/?village={NEIGHBOUR_VILLAGE}", {
        "id_number": IN_ZIJIN[2], "name": "李四", "work_capacity": "full", "retirement_category": "worker",
        "status": LabourStatus.FARMING}).content.decode()
    assert "已达上限" in page and "已在其他地区登记" not in page
    with pytest.raises(ImportRefused):
        dry_run(tmp_path, heyuan, township_officer, IN_ZIJIN[2:])
    outcomes = lookups_of(township_officer).values_list("outcome", flat=True)
    assert sorted(outcomes) == ["denied", "denied", "denied", "ok", "ok"]


def test_the_web_form_answers_as_the_api(client, heyuan, zijin_people, neighbour_village_assistant):
    page = login(client, neighbour_village_assistant).post(f"/residents/new/?village={NEIGHBOUR_VILLAGE}", {
        "id_number": IN_ZIJIN[0], "name": "李四", "work_capacity": "full", "retirement_category": "worker",
        "status": LabourStatus.FARMING}).content.decode()
    assert ELSEWHERE in page
    assert lookups_of(neighbour_village_assistant).get().subject_id_number == IN_ZIJIN[0]
