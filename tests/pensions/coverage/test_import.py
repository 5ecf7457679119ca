"""The tax office's or the agency's list: rows applied only where the ID number and the name both match the ledger
of the region; unmatched rows reported; the same list twice changes nothing; a list's end date ends the record."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from hrss.core.tabular import ImportRefused
from hrss.pensions.coverage import services
from hrss.pensions.models import EmployeeSchemeRecord
from tests.conftest import NEIGHBOUR_VILLAGE, TODAY, VILLAGE

LAST_MONTH = TODAY - datetime.timedelta(days=30)


@pytest.fixture
def list_file(tmp_path):
    def make(rows, header="公民身份号码,姓名,参保单位,参保起始日期,终止日期"):
        path = tmp_path / f"list{len(list(tmp_path.iterdir()))}.csv"
        path.write_text("\n".join([header, *(",".join(row) for row in rows)]) + "\n", encoding="utf-8")
        return str(path)

    return make


def run(actor, region, path):
    return services.import_employee_schemes(actor=actor, region=region, path=path, source="市税务局名单", today=TODAY)


def test_matched_rows_are_recorded_and_the_others_reported(make_person, village_assistant, heyuan, list_file):
    one, two = make_person("甲职工"), make_person("乙职工")
    neighbour = make_person("丙邻村", code=NEIGHBOUR_VILLAGE)
    path = list_file([
        (one.id_number, "甲职工", "甲公司", "2019-05-01", ""),
        (two.id_number, "乙职工", "乙公司", "2018-01-01", LAST_MONTH.isoformat()),
        (two.id_number[:17] + ("0" if two.id_number[17] != "0" else "1"), "乙职工", "乙公司", "2018-01-01", ""),
        (one.id_number, "甲职公", "甲公司", "2017-01-01", ""),
        (neighbour.id_number, "丙邻村", "丙公司", "2019-01-01", ""),
        ("441602198001010011", "不存在", "丁公司", "2019-01-01", ""),
        (make_person("戊无日期").id_number, "戊无日期", "戊公司", "", ""),
    ])
    result = run(village_assistant, heyuan[VILLAGE], path)
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    reasons = {error.row: error.reason for error in result.rejected}
    assert set(reasons) == {4, 5, 6, 7, 8}
    assert "校验码" in reasons[4]
    assert "姓名“甲职公”与台账" in reasons[5]
    assert "未匹配" in reasons[6] and "丙" not in reasons[6]  # the neighbour village is not this import's
    assert "未匹配" in reasons[7]
    assert "请填写参保起始日期" in reasons[8]
    assert not EmployeeSchemeRecord.objects.filter(person=neighbour).exists()
    assert EmployeeSchemeRecord.objects.get(person=two).until == LAST_MONTH


def test_the_same_list_twice_changes_nothing_and_a_later_list_ends_a_record(make_person, village_assistant, heyuan,
                                                                           list_file):
    one = make_person("甲职工")
    first = list_file([(one.id_number, "甲职工", "甲公司", "2019-05-01", "")])
    assert run(village_assistant, heyuan[VILLAGE], first).created == 1
    again = run(village_assistant, heyuan[VILLAGE], first)
    assert (again.created, again.unchanged, again.rejected) == (0, 1, [])
    ended = list_file([(one.id_number, "甲职工", "甲公司", "2019-05-01", LAST_MONTH.isoformat())])
    later = run(village_assistant, heyuan[VILLAGE], ended)
    assert later.updated == 1
    assert EmployeeSchemeRecord.objects.get(person=one).until == LAST_MONTH
    assert EmployeeSchemeRecord.objects.count() == 1


def test_a_list_without_the_columns_is_refused(village_assistant, heyuan, list_file):
    with pytest.raises(ImportRefused) as refused:
        run(village_assistant, heyuan[VILLAGE], list_file([("x", "y")], header="编号,名字"))
    assert "公民身份号码" in str(refused.value)


def test_an_outsider_cannot_import_for_the_village(make_person, neighbour_village_assistant, heyuan, list_file):
    one = make_person("甲职工")
    with pytest.raises(PermissionDenied):
        run(neighbour_village_assistant, heyuan[VILLAGE], list_file([(one.id_number, "甲职工", "甲公司",
                                                                      "2019-05-01", "")]))
    assert not EmployeeSchemeRecord.objects.exists()
