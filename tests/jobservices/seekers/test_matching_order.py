"""The order of matches, both ways: occupation group first, then place, wage, education, age and refusals; ties
by date and id; what is beyond the seeker's reach is not suitable and not listed."""

import datetime

from hrss.jobservices.models import Referral
from hrss.jobservices.seekers import matching
from tests.conftest import TODAY, VILLAGE
from tests.jobservices.seekers.conftest import (
    NEIGHBOUR_VILLAGE_CODE,
    OTHER_COUNTY_VILLAGE,
    OTHER_TOWNSHIP_VILLAGE,
    OUTSIDE_PROVINCE,
)


def titles(matches):
    return [match.vacancy.title for match in matches]


def test_the_same_detailed_occupation_beats_the_same_minor_group(make_seeker, make_vacancy):
    seeker = make_seeker(occupations=["4-02-06-01"])
    make_vacancy("4-02-06-02", title="理货员")
    make_vacancy("4-02-06-01", title="仓储管理员")
    make_vacancy("4-02-07-08", title="快递员")
    matches = matching.matches_for_seeker(seeker, today=TODAY)
    assert titles(matches) == ["仓储管理员", "理货员", "快递员"]
    assert "意向职业与岗位同属细类 4-02-06-01 仓储管理员" in matches[0].reasons
    assert "意向职业与岗位同属小类 4-02-06 仓储物流服务人员" in matches[1].reasons
    assert [match.suitable for match in matches] == [True, True, True]


def test_a_nearer_place_beats_a_farther_one(make_seeker, make_vacancy):
    seeker = make_seeker(mobility="province")
    make_vacancy(region_code=OTHER_COUNTY_VILLAGE, title="紫金")
    make_vacancy(region_code=OTHER_TOWNSHIP_VILLAGE, title="新江")
    make_vacancy(region_code=NEIGHBOUR_VILLAGE_CODE, title="公园")
    make_vacancy(region_code=VILLAGE, title="下城")
    matches = matching.matches_for_seeker(seeker, today=TODAY)
    assert titles(matches) == ["下城", "公园", "新江", "紫金"]
    assert "工作地点在本乡镇(街道)" in matches[1].reasons
    assert matches[0].score > matches[1].score > matches[2].score > matches[3].score


def test_a_vacancy_beyond_the_seekers_reach_is_not_suitable_nor_listed(make_seeker, make_vacancy):
    seeker = make_seeker(mobility="county")
    far = make_vacancy(region_code=OTHER_COUNTY_VILLAGE, title="紫金")
    near = make_vacancy(region_code=OTHER_TOWNSHIP_VILLAGE, title="新江")
    assessed = matching.assess(seeker, far, today=TODAY)
    assert not assessed.suitable
    assert "工作地点在本市，超出本人愿意去的范围（本县(区)）" in assessed.reasons
    assert matching.assess(seeker, near, today=TODAY).suitable
    assert titles(matching.matches_for_seeker(seeker, today=TODAY)) == ["新江"]


def test_work_outside_the_province_is_for_those_who_go_anywhere(make_seeker, make_vacancy, person_born):
    make_vacancy(region_code=OUTSIDE_PROVINCE, title="南宁")
    staying = make_seeker(mobility="province")
    going = make_seeker(mobility="anywhere")
    assert titles(matching.matches_for_seeker(staying, today=TODAY)) == []
    assert titles(matching.matches_for_seeker(going, today=TODAY)) == ["南宁"]


def test_a_refusal_lowers_the_rank(make_seeker, make_vacancy, employer, village_assistant, county_officer):
    from hrss.jobservices.models import Employer

    seeker = make_seeker()
    other = Employer.objects.create(name="另一家公司", uscc="91441602MA4UYYYY2Y", region_code=VILLAGE,
                                    created_by=county_officer)
    refused = make_vacancy(title="拒绝过的单位的岗位")
    make_vacancy(title="另一家的岗位", employer=other)
    before = titles(matching.matches_for_seeker(seeker, today=TODAY))
    assert before == ["拒绝过的单位的岗位", "另一家的岗位"]  # equal scores: the one opened first (then the lower id)
    Referral.objects.create(seeker=seeker, vacancy=refused, region_code=VILLAGE, number="TJ1", referred_on=TODAY,
                            due_on=TODAY, outcome="refused_without_reason", outcome_on=TODAY,
                            created_by=village_assistant)
    matches = matching.matches_for_seeker(seeker, today=TODAY)
    assert titles(matches) == ["另一家的岗位", "拒绝过的单位的岗位"]
    assert "曾无正当理由拒绝该岗位" in matches[1].reasons
    assert matches[0].score - matches[1].score == 30


def test_ties_go_to_the_vacancy_open_longest_then_the_lower_id(make_seeker, make_vacancy):
    seeker = make_seeker()
    first = make_vacancy(title="A", opens_on=TODAY - datetime.timedelta(days=2))
    second = make_vacancy(title="B", opens_on=TODAY - datetime.timedelta(days=9))
    third = make_vacancy(title="C", opens_on=TODAY - datetime.timedelta(days=2))
    matches = matching.matches_for_seeker(seeker, today=TODAY)
    assert [match.vacancy.pk for match in matches] == [second.pk, first.pk, third.pk]
    assert len({match.score for match in matches}) == 1


def test_a_sex_age_or_education_conflict_makes_a_vacancy_unsuitable_and_keeps_it_off_the_list(make_seeker,
                                                                                           make_vacancy):
    seeker = make_seeker(birth=datetime.date(TODAY.year - 46, 1, 1), education="70")  # 46, 初中
    too_old = make_vacancy(title="限年龄", age_max=40)
    schooled = make_vacancy(title="要高中", education_min="60")
    women = make_vacancy(title="限女性", sex_required="F", sex_reason="女职工劳动保护特别规定")
    make_vacancy(title="合适", age_min=18, age_max=50, education_min="70")
    matches = matching.matches_for_seeker(seeker, today=TODAY)
    assert titles(matches) == ["合适"] and matches[0].suitable
    assert "年龄 46 在岗位要求的 18–50 岁内" in matches[0].reasons
    assessed = {vacancy.title: matching.assess(seeker, vacancy, today=TODAY) for vacancy in (too_old, schooled, women)}
    assert not any(match.suitable for match in assessed.values())
    assert "年龄 46 超出岗位上限 40" in assessed["限年龄"].reasons
    assert "文化程度初中，低于岗位要求（高中）" in assessed["要高中"].reasons
    assert "岗位限女性（女职工劳动保护特别规定）" in assessed["限女性"].reasons


def test_seekers_with_a_conflict_are_not_listed_for_the_vacancy(make_seeker, make_vacancy):
    vacancy = make_vacancy(age_max=40, education_min="60")
    make_seeker(name="年龄超了", birth=datetime.date(TODAY.year - 46, 1, 1), education="60")
    make_seeker(name="学历不够", birth=datetime.date(1995, 1, 1), education="70")
    make_seeker(name="未登记学历", birth=datetime.date(1995, 1, 1))
    make_seeker(name="都符合", birth=datetime.date(1990, 1, 1), education="30")
    matches = matching.matches_for_vacancy(vacancy, today=TODAY)
    assert names(matches) == ["都符合", "未登记学历"]
    assert "文化程度未登记（岗位要求高中及以上）" in matches[1].reasons


def test_the_wage_reason_compares_the_lowest_wanted_with_the_vacancys_highest(make_seeker, make_vacancy):
    seeker = make_seeker(wage_min=3000)
    enough = make_vacancy(wage_max=4500)
    too_little = make_vacancy(wage_min=2000, wage_max=2500)
    assert "期望月薪下限 3000 元低于岗位上限 4500 元" in matching.assess(seeker, enough, today=TODAY).reasons
    low = matching.assess(seeker, too_little, today=TODAY)
    assert "岗位月薪上限 2500 元低于期望月薪下限 3000 元" in low.reasons
    assert matching.assess(seeker, enough, today=TODAY).score - low.score == 15


def test_a_selective_seeker_needs_the_same_mid_group_an_unselective_one_does_not(make_seeker, make_vacancy):
    make_vacancy("6-01-01-01", title="制造岗位")
    selective = make_seeker(occupations=["4-02-06-01"], not_selective=False)
    unselective = make_seeker(occupations=["4-02-06-01"], not_selective=True)
    assert titles(matching.matches_for_seeker(selective, today=TODAY)) == []  # not even the 大类 in common
    matches = matching.matches_for_seeker(unselective, today=TODAY)
    assert titles(matches) == ["制造岗位"] and matches[0].suitable


def test_few_of_the_same_occupation_falls_back_to_the_broader_groups(make_seeker, make_vacancy):
    seeker = make_seeker(occupations=["4-02-06-01"])
    make_vacancy("4-03-01-01", title="同大类")  # shares only 大类 4: listed, not suitable for a selective seeker
    make_vacancy("4-02-06-01", title="同细类")
    matches = matching.matches_for_seeker(seeker, today=TODAY)
    assert titles(matches) == ["同细类", "同大类"]
    assert [match.suitable for match in matches] == [True, False]


def test_the_limit_cuts_the_list(make_seeker, make_vacancy):
    seeker = make_seeker()
    for index in range(5):
        make_vacancy(title=f"岗位{index}")
    assert len(matching.matches_for_seeker(seeker, limit=3, today=TODAY)) == 3


def test_closed_vacancies_are_not_listed(make_seeker, make_vacancy):
    seeker = make_seeker()
    make_vacancy(title="已关闭", status="closed", closed_on=TODAY)
    make_vacancy(title="已截止", closes_on=TODAY - datetime.timedelta(days=1))
    make_vacancy(title="未开始", opens_on=TODAY + datetime.timedelta(days=1))
    assert titles(matching.matches_for_seeker(seeker, today=TODAY)) == []


# --- the other way: seekers for a vacancy ---------------------------------------------------------------------


def names(matches):
    return [match.seeker.person.name for match in matches]


def test_seekers_for_a_vacancy_rank_the_same_way(make_seeker, make_vacancy):
    vacancy = make_vacancy("4-02-06-01")
    make_seeker(occupations=["4-02-06-02"], name="小类")
    make_seeker(occupations=["6", "4-02-06-01"], name="细类")
    make_seeker(occupations=["4-02"], name="中类")
    make_seeker(occupations=["4-03"], name="大类")
    make_seeker(occupations=["6"], name="无关")
    matches = matching.matches_for_vacancy(vacancy, today=TODAY)
    assert names(matches) == ["细类", "小类", "中类", "大类"]
    assert [match.suitable for match in matches] == [True, True, True, False]


def test_seekers_who_would_not_go_there_are_not_listed(make_seeker, make_vacancy):
    vacancy = make_vacancy(region_code=OTHER_TOWNSHIP_VILLAGE)
    make_seeker(mobility="village", name="只在本村")
    make_seeker(mobility="township", name="只在本镇")
    make_seeker(mobility="county", name="本县都行")
    assert names(matching.matches_for_vacancy(vacancy, today=TODAY)) == ["本县都行"]


def test_a_seeker_who_stopped_looking_is_not_listed(make_seeker, make_vacancy, village_assistant):
    from hrss.jobservices.seekers import services

    vacancy = make_vacancy()
    seeker = make_seeker(name="已就业")
    make_seeker(name="在找")
    services.end_seeking(actor=village_assistant, seeker=seeker, reason="hired", today=TODAY)
    assert names(matching.matches_for_vacancy(vacancy, today=TODAY)) == ["在找"]


def test_seekers_tie_by_registration_date_then_id(make_seeker, make_vacancy):
    vacancy = make_vacancy()
    late = make_seeker(name="后登记", today=TODAY - datetime.timedelta(days=1))
    early = make_seeker(name="先登记", today=TODAY - datetime.timedelta(days=8))
    same_day = make_seeker(name="同日", today=TODAY - datetime.timedelta(days=1))
    matches = matching.matches_for_vacancy(vacancy, today=TODAY)
    assert [match.seeker.pk for match in matches] == [early.pk, late.pk, same_day.pk]


def test_a_vacancys_matches_hold_only_seekers_in_the_callers_scope(make_seeker, make_vacancy,
                                                                   neighbour_village_assistant, township_officer):
    vacancy = make_vacancy(region_code=NEIGHBOUR_VILLAGE_CODE)
    make_seeker(name="下城的人")
    assert names(matching.matches_for_vacancy(vacancy, today=TODAY, user=township_officer)) == ["下城的人"]
    assert names(matching.matches_for_vacancy(vacancy, today=TODAY, user=neighbour_village_assistant)) == []


def test_a_seeker_who_refused_the_employer_ranks_lower_for_its_other_vacancy(make_seeker, make_vacancy,
                                                                           village_assistant):
    refused = make_vacancy(title="拒绝过的岗位")
    vacancy = make_vacancy(title="同单位另一岗位")
    refuser = make_seeker(name="拒绝过", today=TODAY - datetime.timedelta(days=9))
    make_seeker(name="没拒绝过")
    assert names(matching.matches_for_vacancy(vacancy, today=TODAY)) == ["拒绝过", "没拒绝过"]  # registered first
    Referral.objects.create(seeker=refuser, vacancy=refused, region_code=VILLAGE, number="TJ2", referred_on=TODAY,
                            due_on=TODAY, outcome="refused_with_reason", outcome_on=TODAY,
                            created_by=village_assistant)
    matches = matching.matches_for_vacancy(vacancy, today=TODAY)
    assert names(matches) == ["没拒绝过", "拒绝过"]
    assert "曾有正当理由拒绝该单位岗位" in matches[1].reasons and matches[0].score - matches[1].score == 5
