"""The 八统一 standards as dated configuration: a rule is in force from its row's date, a withdrawn row ends it, the
central town's staff minimum, the minimum wage of the day, unknown where nothing was recorded."""

import datetime

import pytest

from hrss.core.models import Region
from hrss.network.models import Office
from hrss.network.offices import services
from hrss.network.standards import compliance, rules
from tests.conftest import TODAY, TOWNSHIP, VILLAGE

DAY = datetime.timedelta(days=1)


def results(office, on=TODAY):
    return {r.rule: r for r in compliance.check(office, on).results}


@pytest.fixture
def township(county_officer):
    return services.office_for(actor=county_officer, region=Region.objects.get(code=TOWNSHIP), today=TODAY)


def add_staff(actor, office, count, pay="2500"):
    for index in range(count):
        services.add_staff(actor=actor, office=office, name=f"工作人员{index + 1}", employment="purchased",
                           monthly_pay=pay, today=TODAY)


def test_the_plans_rules_are_in_force_from_its_date_and_not_before():
    before = rules.rules_in_force(rules.TOWNSHIP, rules.PLAN - DAY)
    assert before == []
    codes = [rule.code for rule, _ in rules.rules_in_force(rules.TOWNSHIP, rules.PLAN)]
    assert "staff_count" in codes and "windows" in codes and "software" in codes
    village = [rule.code for rule, _ in rules.rules_in_force(rules.VILLAGE, rules.PLAN)]
    assert "windows" not in village and "area_windows" not in village  # the six windows are a township's


def test_a_rule_added_later_is_not_in_force_before_its_date_and_a_withdrawn_row_ends_it(
        monkeypatch, county_officer, township):
    start, end = TODAY - 10 * DAY, TODAY + 10 * DAY
    later = rules.Rule("self_service", "自助服务终端", "boards", rules.ALL_KINDS,
                       ((start, {kind: ("info_board",) for kind in rules.ALL_KINDS}), (end, None)))
    monkeypatch.setattr(rules, "RULES", (*rules.RULES, later))
    assert "self_service" not in results(township, start - DAY)
    assert "self_service" in results(township, start)
    assert "self_service" in results(township, end - DAY)
    assert "self_service" not in results(township, end)  # withdrawn
    assert rules.history(later)[0] == (start, end - DAY, later.rows[0][1])
    assert rules.history(later)[1] == (end, None, None)


def test_a_changed_requirement_keeps_the_old_one_for_the_days_before(monkeypatch, county_officer, township):
    changed = TODAY - 5 * DAY
    staff_rule = rules.RULES_BY_CODE["staff_count"]
    raised = rules.Rule(staff_rule.code, staff_rule.title, staff_rule.measure, staff_rule.kinds,
                        (*staff_rule.rows, (changed, {rules.CENTRAL_TOWN: 8, rules.TOWNSHIP: 6, rules.VILLAGE: 3})))
    monkeypatch.setattr(rules, "RULES", tuple(raised if r.code == "staff_count" else r for r in rules.RULES))
    add_staff(county_officer, township, 4)
    assert results(township, changed - DAY)["staff_count"].ok is True
    after = results(township, changed)["staff_count"]
    assert after.ok is False and after.required == "不少于6名工作人员"


def test_a_central_town_needs_five_staff_another_township_three(county_officer, township):
    add_staff(county_officer, township, 4)
    Region.objects.filter(code=TOWNSHIP).update(is_central_town=False)
    plain = results(township)["staff_count"]
    assert (plain.ok, plain.required) == (True, "不少于3名工作人员")
    Region.objects.filter(code=TOWNSHIP).update(is_central_town=True)
    central = results(township)["staff_count"]
    assert (central.ok, central.required) == (False, "不少于5名工作人员")
    assert central.actual.startswith("4名")
    add_staff(county_officer, township, 1)
    assert results(township)["staff_count"].ok is True


def test_a_village_needs_two(county_officer):
    office = services.office_for(actor=county_officer, region=Region.objects.get(code=VILLAGE), today=TODAY)
    add_staff(county_officer, office, 1)
    assert results(office)["staff_count"].ok is False
    add_staff(county_officer, office, 1)
    assert results(office)["staff_count"].ok is True


def test_pay_is_held_to_the_minimum_wage_of_the_day(county_officer, township):
    add_staff(county_officer, township, 3, pay="1500")
    in_2019 = results(township, datetime.date(2019, 6, 1))["staff_pay"]
    in_2022 = results(township, datetime.date(2022, 6, 1))["staff_pay"]
    assert in_2019.ok is True and "1,410.00" in in_2019.required
    assert in_2022.ok is False and "1,620.00" in in_2022.required and "1,500.00元" in in_2022.actual


def test_pay_not_recorded_is_unknown_not_passed(county_officer, township):
    services.add_staff(actor=county_officer, office=township, name="王敏", employment="purchased", today=TODAY)
    result = results(township)["staff_pay"]
    assert result.ok is None and "王敏" in result.actual


def test_a_part_time_civil_servant_paid_fails(county_officer, township):
    staff = services.add_staff(actor=county_officer, office=township, name="黄主任", employment="part_time",
                               is_civil_servant=True, paid_for_part_time=True, monthly_pay="500", today=TODAY)
    result = results(township)["part_time_pay"]
    assert result.ok is False and "黄主任" in result.actual
    assert results(township)["staff_pay"].actual != "低于标准：黄主任500.00元"  # his pay is not held to the wage
    services.update_staff(actor=county_officer, staff=staff, name="黄主任", employment="part_time",
                          is_civil_servant=True, paid_for_part_time=False, today=TODAY)
    assert results(township)["part_time_pay"].ok is True


def test_nothing_recorded_is_unknown_never_passed(county_officer, township):
    found = results(township)
    assert all(r.ok is None and r.actual is None for r in found.values()), found
    assert compliance.check(township, TODAY).unknown == len(found)
    unsaved = compliance.check(Office(region_code=VILLAGE), TODAY)
    assert unsaved.ok == 0 and unsaved.failing == 0 and unsaved.unknown == len(unsaved.results)


def test_floor_area_windows_and_facts(county_officer, township):
    services.add_room(actor=county_officer, office=township, function="windows", area="90", today=TODAY)
    services.add_room(actor=county_officer, office=township, function="office", area="215.5", today=TODAY)
    found = results(township)
    assert found["area_total"].ok is True and found["area_total"].actual.startswith("共305.5平方米")
    assert found["area_windows"].ok is False and found["area_windows"].actual == "90平方米"
    assert found["area_other"].ok is True
    for kind in rules.SIX_WINDOWS[:5]:
        services.add_window(actor=county_officer, office=township, kind=kind, today=TODAY)
    windows = results(township)["windows"]
    assert windows.ok is False and "缺新农保经办" in windows.actual
    services.record_facts(actor=county_officer, office=township, publicity_board=True, suggestion_box=False,
                          today=TODAY)
    boards = results(township)["boards"]
    assert boards.ok is False and "缺意见箱" in boards.actual and "未登记信息发布栏" in boards.actual
    services.record_facts(actor=county_officer, office=township, suggestion_box=True, info_board=True, today=TODAY)
    assert results(township)["boards"].ok is True
    services.record_facts(actor=county_officer, office=township, rules_on_wall=["duties", "finance"], today=TODAY)
    wall = results(township)["rules_on_wall"]
    assert wall.ok is False and "村(社区)工作人员管理制度" in wall.actual


def test_software_use_is_read_from_the_audit_log_of_the_offices_own_staff(county_officer, township_officer,
                                                                          township, clock):
    assert results(township)["software"].ok is None  # only the county has acted for it
    services.record_facts(actor=township_officer, office=township, network_connected=True, today=TODAY)
    used = results(township)["software"]
    assert used.ok is True and "审计日志" in used.actual
    assert results(township, TODAY + 31 * DAY)["software"].ok is None  # a month without activity, no fact recorded
    services.record_facts(actor=county_officer, office=township, software_used=False, today=TODAY)
    later = results(township, TODAY + 31 * DAY)["software"]
    assert later.ok is False and "核实登记：未使用" in later.actual


def test_the_information_board_is_recorded_once_with_the_boards_not_again_as_equipment(county_officer, township):
    """The plan lists the 信息发布栏 among the equipment and among the boards: an office that said 是 for it with the
    boards does not fail 办公设备配备 for not entering it again as equipment; 否 fails both; unrecorded is unknown."""
    for item in rules.TOWNSHIP_EQUIPMENT:
        if item != "info_board":
            services.add_equipment(actor=county_officer, office=township, item=item, quantity=1, today=TODAY)
    equipment = results(township)["equipment"]
    assert equipment.ok is None and "未登记：信息发布栏" in equipment.actual and "不足" not in equipment.actual
    services.record_facts(actor=county_officer, office=township, publicity_board=True, suggestion_box=True,
                          info_board=True, today=TODAY)
    found = results(township)
    assert found["boards"].ok is True
    assert found["equipment"].ok is True and "信息发布栏1" in found["equipment"].actual
    assert "信息发布栏以“宣传栏、意见箱、信息发布栏”的登记为准" in found["equipment"].required
    services.record_facts(actor=county_officer, office=township, info_board=False, today=TODAY)
    found = results(township)
    assert found["boards"].ok is False
    assert found["equipment"].ok is False and "信息发布栏（有0，需1）" in found["equipment"].actual
    # the rule's dated rows are the plan's, unchanged: 信息发布栏 still required from the plan's date
    assert rules.RULES_BY_CODE["equipment"].requirement(rules.VILLAGE, rules.PLAN)["info_board"] == 1


def test_the_equipment_form_does_not_offer_the_information_board_again():
    from hrss.network.offices.forms import EquipmentForm

    assert "info_board" not in dict(EquipmentForm().fields["item"].choices)


def test_the_pay_result_names_who_is_not_counted_and_whose_pay_is_unknown(county_officer, township):
    add_staff(county_officer, township, 2, pay="1800")
    services.add_staff(actor=county_officer, office=township, name="王敏", employment="purchased", today=TODAY)
    result = results(township)["staff_pay"]
    assert result.ok is None
    assert "已登记报酬的2人都不低于标准（最低1,800.00元）" in result.actual
    assert "1人未登记报酬：王敏" in result.actual and "人均" not in result.actual
    services.add_staff(actor=county_officer, office=township, name="黄主任", employment="part_time",
                       is_civil_servant=True, today=TODAY)
    assert "1人为兼职公职人员，不计入：黄主任" in results(township)["staff_pay"].actual
    wang = township.staff.get(name="王敏")
    services.update_staff(actor=county_officer, staff=wang, name="王敏", employment="purchased", monthly_pay="2000",
                          today=TODAY)
    result = results(township)["staff_pay"]
    assert result.ok is True and result.actual.startswith("已登记报酬的3人都不低于标准（最低1,800.00元）")
