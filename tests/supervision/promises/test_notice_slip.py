"""一次性告知: the officer ticks what the citizen lacks from the service's full checklist, and the slip is recorded
(the ledger), audited and printed with the citizen's name, the missing documents, the office, the date and the
officer. A slip saying nothing is missing is refused, as is one given for an office outside the officer's scope."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from hrss.core import catalogue
from hrss.core.models import AuditEntry
from hrss.core.permissions import Role
from hrss.supervision.models import NoticeSlip
from hrss.supervision.promises import services
from tests.conftest import PROVINCE, TODAY, VILLAGE, login
from tests.residents.factories import MAN_1980

CODE = "employment/unemployment_registration"


@pytest.fixture
def checklist():
    return [document.name for document in catalogue.service(CODE).documents_on(TODAY)]


def give(actor, heyuan, **kwargs):
    return services.give_notice_slip(actor=actor, region=heyuan[kwargs.pop("region", VILLAGE)], service_code=CODE,
                                     citizen_name=kwargs.pop("citizen_name", "张三"), **kwargs)


def test_a_slip_records_what_is_missing_in_the_checklists_order_and_is_audited(heyuan, village_assistant, checklist):
    slip = give(village_assistant, heyuan, missing=[checklist[3], checklist[1]], other="近期一寸照片", id_number=MAN_1980)
    assert slip.missing == [checklist[1], checklist[3], "近期一寸照片"]
    assert (slip.region_code, slip.service_name, slip.given_by, slip.given_on) == (
        VILLAGE, "失业登记", village_assistant, TODAY)
    entry = AuditEntry.objects.get(action="supervision.promises.slip_given")
    assert entry.subject_id_number == MAN_1980 and checklist[1] in entry.after["missing"]


def test_a_slip_without_a_missing_item_is_refused_and_nothing_is_written(heyuan, village_assistant):
    with pytest.raises(ValidationError) as refused:
        give(village_assistant, heyuan, missing=[], other="  ")
    assert "请勾选办事人缺少的材料" in str(refused.value)
    assert not NoticeSlip.objects.exists()


def test_an_item_not_on_todays_checklist_a_bad_id_number_and_no_name_are_each_refused(heyuan, village_assistant):
    with pytest.raises(ValidationError) as refused:
        give(village_assistant, heyuan, missing=["营业执照"], citizen_name=" ", id_number="441602198001011234")
    messages = refused.value.message_dict
    assert "不在该事项今天的材料清单中" in messages["missing"][0]
    assert "请填写办事人姓名" in messages["citizen_name"][0]
    assert "校验码" in messages["id_number"][0]
    assert not NoticeSlip.objects.exists()


def test_an_office_outside_the_officers_scope_is_refused_with_an_audit_entry(heyuan, neighbour_village_assistant,
                                                                             checklist):
    with pytest.raises(PermissionDenied):
        give(neighbour_village_assistant, heyuan, missing=[checklist[0]])
    assert AuditEntry.objects.filter(action="supervision.promises.give_slip", outcome="denied").exists()
    assert not NoticeSlip.objects.exists()


def test_the_officer_ticks_the_missing_documents_and_the_printed_slip_shows_them(heyuan, village_assistant,
                                                                                 checklist):
    client = login(Client(), village_assistant)
    page = client.get("/supervision/promises/notice/", {"service": CODE})
    body = page.content.decode()
    assert page.status_code == 200 and all(name in body for name in checklist)  # the full list at once
    assert "一次性告知书" in body and "10个工作日" in body

    refused = client.post(f"/supervision/promises/notice/?service={CODE}",
                          {"service": CODE, "region": VILLAGE, "citizen_name": "张三"})
    assert refused.status_code == 200 and "请勾选办事人缺少的材料" in refused.content.decode()
    assert not NoticeSlip.objects.exists()

    done = client.post(f"/supervision/promises/notice/?service={CODE}",
                       {"service": CODE, "region": VILLAGE, "citizen_name": "张三", "missing": [checklist[1]]})
    slip = NoticeSlip.objects.get()
    assert done.status_code == 302 and done["Location"] == f"/supervision/promises/slips/{slip.pk}/"
    printed = client.get(done["Location"]).content.decode()
    for shown in ("张三", checklist[1], "下城社区", "alice", f"{TODAY.year}年{TODAY.month}月{TODAY.day}日",
                  slip.number, "@page"):
        assert shown in printed, shown
    assert checklist[2] not in printed  # only what is missing


def test_the_ledger_lists_the_slips_of_the_region_and_a_neighbour_sees_none(heyuan, village_assistant,
                                                                            neighbour_village_assistant, checklist):
    give(village_assistant, heyuan, missing=[checklist[0]], citizen_name="李四")
    assert "李四" in login(Client(), village_assistant).get("/supervision/promises/slips/").content.decode()
    neighbour = login(Client(), neighbour_village_assistant)
    assert "李四" not in neighbour.get("/supervision/promises/slips/").content.decode()
    slip = NoticeSlip.objects.get()
    assert neighbour.get(f"/supervision/promises/slips/{slip.pk}/").status_code == 404
    assert neighbour.get("/supervision/promises/slips/", {"region": VILLAGE}).status_code == 404


def test_a_reader_without_the_handling_permission_sees_the_list_but_cannot_give_a_slip(heyuan, make_user, checklist):
    viewer = make_user("pat", PROVINCE, Role.PROVINCE_VIEWER)
    client = login(Client(), viewer)
    page = client.get("/supervision/promises/notice/", {"service": CODE})
    assert page.status_code == 200 and checklist[0] in page.content.decode()
    assert "保存并打印" not in page.content.decode()
    refused = client.post(f"/supervision/promises/notice/?service={CODE}", {
        "service": CODE, "region": VILLAGE, "citizen_name": "张三", "missing": [checklist[0]]})
    assert refused.status_code == 403 and not NoticeSlip.objects.exists()
    assert AuditEntry.objects.filter(actor=viewer, outcome="denied").exists()
