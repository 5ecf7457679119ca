"""就业援助台账 per village: every recognised person (standing or exited) with category, recognised date, plan items,
last visit and its outcome, referrals since the recognition, whether placed or exited; filters; the .xlsx."""

import datetime
import io

import openpyxl
from django.test import Client

from hrss.assistance.recognition import categories
from hrss.assistance.support import services
from hrss.core.id_numbers import mask
from hrss.jobservices.employers import services as employer_services
from hrss.jobservices.employers.sweep import USCC
from hrss.jobservices.referrals import services as referral_services
from hrss.jobservices.seekers import services as seeker_services
from hrss.residents.models import Person
from tests.assistance.support.conftest import recognise, register
from tests.conftest import TODAY, VILLAGE


def days(n):
    return datetime.timedelta(days=n)


def setup_village(alice):
    planned = recognise(register(alice, "钱有计划", serial=21), alice, days_ago=40)
    services.save_plan(actor=alice, recognition=planned, items=["guidance", "public_post"], responsible=alice,
                       target_on=TODAY + days(60), today=TODAY - days(20))
    services.record_visit(actor=alice, recognition=planned, visited_on=TODAY - days(20), way="home",
                          outcome="第一次走访")
    services.record_visit(actor=alice, recognition=planned, visited_on=TODAY - days(2), way="phone",
                          outcome="愿意从事保洁工作")
    # Referred twice since the recognition, hired on the second.
    employer, _ = employer_services.register_employer(actor=alice, name="下城物业公司", uscc=USCC,
                                                      region_code=VILLAGE, contact_person="刘经理")
    vacancies = [employer_services.add_vacancy(actor=alice, employer=employer, title=title,
                                               occupation_code="4-01-02-04", headcount=2,
                                               opens_on=TODAY - days(14)) for title in ("保洁员", "收银员")]
    seeker = seeker_services.register_seeker(actor=alice, person=planned.person, occupations=["4-01-02-04"],
                                             mobility="county", not_selective=True, wage_min=2000, phone="13800000001")
    first = referral_services.refer(actor=alice, seeker=seeker, vacancy=vacancies[0])
    referral_services.record_outcome(actor=alice, referral=first, outcome="not_hired", outcome_on=TODAY)
    referral_services.refer(actor=alice, seeker=seeker, vacancy=vacancies[1])
    unplanned = recognise(register(alice, "孙无计划", serial=23), alice, days_ago=45)
    exited = recognise(register(alice, "冯已退出", serial=25), alice, days_ago=300, status="exited",
                       exited_on=TODAY - days(10), exit_reason="stable_work")
    return planned, unplanned, exited


def test_the_ledger_shows_each_recognised_person(heyuan, village_assistant):
    planned, unplanned, exited = setup_village(village_assistant)
    client = Client()
    client.force_login(village_assistant)
    page = client.get("/assistance/support/ledger/").content.decode()
    for name in ("钱有计划", "孙无计划", "冯已退出"):
        assert name in page
    assert categories.name_of(planned.category) in page
    assert "职业指导、公益性岗位安置" in page and "愿意从事保洁工作" in page and "第一次走访" not in page
    assert "超期未走访" in page  # 孙无计划: recognised 45 days ago, never visited
    assert "已退出（实现稳定就业）" in page and "稳定就业退出" in page

    plan_no = client.get("/assistance/support/ledger/", {"plan": "no"}).content.decode()
    assert "孙无计划" in plan_no and "钱有计划" not in plan_no and "冯已退出" not in plan_no
    exited_only = client.get("/assistance/support/ledger/", {"state": "exited"}).content.decode()
    assert "冯已退出" in exited_only and "钱有计划" not in exited_only
    by_name = client.get("/assistance/support/ledger/", {"q": "钱有"}).content.decode()
    assert "钱有计划" in by_name and "孙无计划" not in by_name


def test_the_export_has_the_title_the_header_and_the_rows(heyuan, village_assistant, township_officer):
    _planned, unplanned, _exited = setup_village(village_assistant)
    Person.objects.filter(pk=unplanned.person_id).update(labour_status="flexible")  # in work by the ledger of people
    client = Client()
    client.force_login(township_officer)
    response = client.get("/assistance/support/ledger/export/", {"region": VILLAGE})
    assert response.status_code == 200
    assert "就业援助台账-下城社区-" in response["Content-Disposition"] or "attachment" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == f"就业援助台账（下城社区，{TODAY:%Y年%m月%d日}）"
    assert rows[1][:5] == ["村(社区)", "姓名", "公民身份号码", "援助对象类别", "认定日期"]
    by_name = {row[1]: row for row in rows[2:]}
    assert set(by_name) == {"钱有计划", "孙无计划", "冯已退出"}
    planned = by_name["钱有计划"]
    assert planned[6] == "职业指导、公益性岗位安置" and planned[8] == (TODAY - days(2)).isoformat()
    assert planned[9] == "愿意从事保洁工作" and planned[10] == 2 and planned[11] == "未就业"
    assert by_name["孙无计划"][6] == "未制定" and by_name["孙无计划"][8] == "未走访"
    assert by_name["孙无计划"][11] == "灵活就业"  # how, from the ledger of people (user #15)
    assert by_name["冯已退出"][11] == "稳定就业退出" and by_name["冯已退出"][12].startswith("已退出")
    # ID numbers masked like the other exports (user #2): area code and the last four stay.
    for name, row in by_name.items():
        full = Person.objects.get(name=name).id_number
        assert row[2] == mask(full) and row[2] != full and "********" in row[2]


def test_a_hire_on_a_referral_counts_as_placed(heyuan, village_assistant):
    planned, _unplanned, _exited = setup_village(village_assistant)
    pending = planned.person.job_seekings.get().referrals.get(outcome="pending")
    referral_services.record_outcome(actor=village_assistant, referral=pending, outcome="hired", outcome_on=TODAY)
    client = Client()
    client.force_login(village_assistant)
    response = client.get("/assistance/support/ledger/export/")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    row = next(r for r in ([c.value for c in row] for row in sheet.iter_rows()) if r[1] == "钱有计划")
    assert row[11] == "单位就业"  # the hire registered the job in the ledger of people
    detail = client.get(f"/assistance/support/{planned.pk}/").content.decode()
    assert "下城物业公司" in detail and "已录用" in detail


def test_outsiders_see_nothing_and_a_region_outside_is_404(heyuan, village_assistant, neighbour_village_assistant):
    setup_village(village_assistant)
    client = Client()
    client.force_login(neighbour_village_assistant)
    assert "钱有计划" not in client.get("/assistance/support/ledger/").content.decode()
    assert client.get("/assistance/support/ledger/", {"region": VILLAGE}).status_code == 404
    assert client.get("/assistance/support/ledger/export/", {"region": VILLAGE}).status_code == 404
