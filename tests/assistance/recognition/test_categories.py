"""The categories of 就业困难人员 are dated: the 2011-era list up to the day before 粤人社规〔2023〕11号 takes effect,
its list from that day; and the command prints them in the contract's shape."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from hrss.assistance.recognition import categories
from hrss.assistance.recognition.categories import GD_2023_FROM

DAY_BEFORE = GD_2023_FROM - datetime.timedelta(days=1)


def codes(day):
    return {row.code for row in categories.categories_on(day)}


def test_the_old_list_holds_the_day_before_the_2023_rule_and_the_new_one_from_its_first_day():
    assert {"aged_4050", "disabled_2011", "land_lost_2011"} <= codes(DAY_BEFORE)
    assert "aged" not in codes(DAY_BEFORE)
    assert {"aged", "disabled", "drug_rehabilitated", "mental_rehabilitated", "released"} <= codes(GD_2023_FROM)
    assert not codes(DAY_BEFORE) & codes(GD_2023_FROM)


def test_every_row_has_documents_a_source_and_dates_in_order():
    for row in categories.CATEGORIES:
        assert row.documents and row.source and row.province == "广东"
        assert row.valid_to is None or row.valid_to >= row.valid_from
    assert len(categories.BY_CODE) == len(categories.CATEGORIES)


def test_the_command_prints_the_json_of_the_contract(capsys):
    call_command("assistance-categories", "--on", GD_2023_FROM.isoformat(), "--json")
    rows = json.loads(capsys.readouterr().out)
    assert {row["code"] for row in rows} == codes(GD_2023_FROM)
    aged = next(row for row in rows if row["code"] == "aged")
    assert set(aged) == {"code", "name", "valid_from", "valid_to", "documents"}
    assert aged["valid_from"] == GD_2023_FROM.isoformat() and aged["valid_to"] is None
    assert "居民身份证" in aged["documents"]
    call_command("assistance-categories", "--on", DAY_BEFORE.isoformat(), "--json")
    old = json.loads(capsys.readouterr().out)
    assert next(row for row in old if row["code"] == "aged_4050")["valid_to"] == DAY_BEFORE.isoformat()


def test_the_command_without_json_prints_a_chinese_table(capsys):
    call_command("assistance-categories", "--on", GD_2023_FROM.isoformat())
    out = capsys.readouterr().out
    assert "有效的就业困难人员认定类别" in out and "大龄失业人员" in out and "所需材料" in out


def test_a_bad_date_is_a_chinese_command_error():
    with pytest.raises(CommandError, match="日期“2023-02-30”无效"):
        call_command("assistance-categories", "--on", "2023-02-30", "--json")
