"""hrss office-compliance REGION_CODE [--on] --json: its keys, nulls where nothing is recorded, Chinese errors."""

import io
import json

import pytest
from django.core.management import call_command

from hrss.core.models import Region
from hrss.network.offices import services
from tests.conftest import COUNTY, TODAY, TOWNSHIP, VILLAGE


def run(*args):
    out = io.StringIO()
    call_command("office-compliance", *args, stdout=out)
    return out.getvalue()


def test_json_keys_and_nulls_where_nothing_is_recorded(county_officer):
    office = services.office_for(actor=county_officer, region=Region.objects.get(code=VILLAGE), today=TODAY)
    services.add_staff(actor=county_officer, office=office, name="陈协理", employment="welfare_post", monthly_pay="100",
                       today=TODAY)
    data = json.loads(run(VILLAGE, "--json", "--on", TODAY.isoformat()))
    assert set(data) == {"office", "region_code", "rules", "ok", "failing", "unknown"}
    assert data["region_code"] == VILLAGE and data["office"] == "下城社区人力资源社会保障服务站"
    rules = {row["rule"]: row for row in data["rules"]}
    assert all(set(row) == {"rule", "required", "actual", "ok"} for row in data["rules"])
    assert rules["staff_count"]["ok"] is False and rules["staff_count"]["actual"].startswith("1名")
    assert rules["staff_pay"]["ok"] is False
    assert rules["network"] == {"rule": "network", "required": "与所属县区联网并能实时联接", "actual": None, "ok": None}
    assert data["failing"] == 2 and data["ok"] == 1  # the one part-time rule holds
    assert data["unknown"] == len(rules) - 3


def test_a_region_without_an_office_is_all_unknown(heyuan):
    data = json.loads(run(TOWNSHIP, "--json"))
    assert data["ok"] == 0 and data["failing"] == 0 and data["unknown"] == len(data["rules"]) > 0
    assert all(row["actual"] is None and row["ok"] is None for row in data["rules"])


def test_before_the_plan_no_rule_applies(heyuan):
    data = json.loads(run(TOWNSHIP, "--json", "--on", "2011-11-20"))
    assert data["rules"] == [] and data["unknown"] == 0


def test_the_table_without_json(heyuan):
    text = run(TOWNSHIP)
    assert "上城街道人力资源社会保障服务所" in text and "【未登记】人员配备" in text and "合计：达标0项" in text


@pytest.mark.parametrize(("code", "message"), [
    ("12345", "应为12位数字"), ("441699999999", "没有区划代码"), (COUNTY, "不是有效的乡镇(街道)或村(社区)"),
])
def test_a_bad_region_code_is_refused_in_chinese(heyuan, capsys, code, message):
    with pytest.raises(SystemExit) as exited:
        run(code, "--json")
    assert exited.value.code != 0
    assert message in capsys.readouterr().err


def test_a_bad_date_is_refused(heyuan, capsys):
    with pytest.raises(SystemExit) as exited:
        run(VILLAGE, "--on", "2026-02-30")
    assert exited.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_the_first_and_last_days_a_date_can_hold_answer_without_failing(heyuan, day):
    data = json.loads(run(VILLAGE, "--json", "--on", day))
    assert data["region_code"] == VILLAGE  # 0001: before the plan, no rule; 9999: the rules of today, all unknown
    assert data["failing"] == 0 and data["ok"] == 0 and data["unknown"] == len(data["rules"])
