"""岗位空缺: the occupation coded at any level, ranges ordered, ages from 16 to retirement, a sex requirement only
with its legal reason, the place within scope; closing and filling."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.jobservices.employers import services
from hrss.jobservices.models import Vacancy, VacancyStatus
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, NEIGHBOUR_VILLAGE, TODAY, TOWNSHIP, VILLAGE

pytestmark = pytest.mark.django_db


def add(actor, employer, **fields):
    values = {"title": "营业员", "occupation_code": "4-01-02-03", "headcount": 3, "opens_on": TODAY, **fields}
    return services.add_vacancy(actor=actor, employer=employer, today=TODAY, **values)


def refusal(actor, employer, **fields):
    with pytest.raises(ValidationError) as refused:
        add(actor, employer, **fields)
    assert not Vacancy.objects.exists()
    return refused.value.message_dict


@pytest.mark.parametrize("code", ["4", "4-01", "4-01-02", "4-01-02-03"])
def test_an_occupation_at_any_level(village_assistant, employer, code):
    vacancy = add(village_assistant, employer, occupation_code=code)
    assert vacancy.occupation_code == code and vacancy.status == VacancyStatus.OPEN


def test_the_vacancy_takes_the_employer_s_place_and_industry(village_assistant, employer):
    vacancy = add(village_assistant, employer)
    assert vacancy.region_code == VILLAGE and vacancy.industry_code == "5212"
    assert AuditEntry.objects.filter(action="jobservices.vacancy.added", target_id=str(vacancy.pk)).exists()


def test_an_unknown_occupation_is_refused(village_assistant, employer):
    assert refusal(village_assistant, employer, occupation_code="4-01-02-77")["occupation_code"] == [
        "职业代码“4-01-02-77”不在职业分类大典（2022年版）中。"]


def test_an_unknown_industry_is_refused(village_assistant, employer):
    assert "GB/T 4754-2017" in refusal(village_assistant, employer, industry_code="0000")["industry_code"][0]


def test_wages_are_ordered(village_assistant, employer):
    assert refusal(village_assistant, employer, wage_min=5000, wage_max=3000)["wage_max"] == [
        "月薪上限（3000元）不能低于下限（5000元）。"]


def test_ages_are_ordered_and_within_working_age(village_assistant, employer):
    assert "不能低于16周岁" in refusal(village_assistant, employer, age_min=15)["age_min"][0]
    assert refusal(village_assistant, employer, age_max=64)["age_max"] == ["年龄上限不能超过法定退休年龄（63周岁）。"]
    assert "不能低于下限" in refusal(village_assistant, employer, age_min=40, age_max=30)["age_max"][0]
    assert add(village_assistant, employer, age_min=16, age_max=63).age_max == 63


def test_a_women_only_post_may_not_ask_beyond_women_s_retirement(village_assistant, employer):
    problems = refusal(village_assistant, employer, sex_required="F", sex_reason="women_care", age_max=60)
    assert problems["age_max"] == ["年龄上限不能超过法定退休年龄（58周岁）。"]


def test_a_sex_requirement_without_a_reason_is_refused(village_assistant, employer):
    message = refusal(village_assistant, employer, sex_required="M")["sex_reason"][0]
    assert "就业促进法第二十七条" in message and "矿山井下作业" in message


def test_a_sex_requirement_with_a_listed_reason(village_assistant, employer):
    vacancy = add(village_assistant, employer, sex_required="M", sex_reason="mine")
    assert vacancy.sex_reason.startswith("矿山井下作业")


def test_another_legal_reason_must_be_written_out(village_assistant, employer):
    assert "写明法律法规依据" in refusal(village_assistant, employer, sex_required="F",
                                       sex_reason="other")["sex_reason"][0]
    vacancy = add(village_assistant, employer, sex_required="F", sex_reason="other",
                  sex_reason_other="女子监狱管教岗位（监狱法）")
    assert vacancy.sex_reason == "其他法定情形：女子监狱管教岗位（监狱法）"


def test_a_reason_of_the_other_sex_is_not_accepted(village_assistant, employer):
    assert "sex_reason" in refusal(village_assistant, employer, sex_required="F", sex_reason="mine")


def test_dates_are_ordered(village_assistant, employer):
    problems = refusal(village_assistant, employer, closes_on=TODAY - datetime.timedelta(days=1))
    assert problems["closes_on"] == ["截止日期不能早于开始招聘日期。"]


def test_the_place_of_work_must_be_in_scope(village_assistant, township_officer, employer):
    with pytest.raises(PermissionDenied):
        add(village_assistant, employer, region_code=NEIGHBOUR_VILLAGE)
    assert add(township_officer, employer, region_code=TOWNSHIP).region_code == TOWNSHIP


def test_an_outsider_cannot_add_to_the_employer(neighbour_village_assistant, employer):
    with pytest.raises(PermissionDenied):
        add(neighbour_village_assistant, employer)
    with pytest.raises(PermissionDenied):
        add(neighbour_village_assistant, employer, region_code=NEIGHBOUR_COUNTY_VILLAGE)


def test_an_update_is_checked_like_an_addition(village_assistant, vacancy):
    vacancy = services.update_vacancy(actor=village_assistant, vacancy=vacancy, headcount=5, wage_max=4000)
    assert (vacancy.headcount, vacancy.wage_max) == (5, 4000)
    entry = AuditEntry.objects.get(action="jobservices.vacancy.updated")
    assert entry.before == {"headcount": 2, "wage_max": 3500} and entry.after == {"headcount": 5, "wage_max": 4000}
    with pytest.raises(ValidationError):
        services.update_vacancy(actor=village_assistant, vacancy=vacancy, wage_min=5000)


def test_the_headcount_may_not_fall_below_the_hires(village_assistant, vacancy):
    services.take_place(vacancy=vacancy, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.update_vacancy(actor=village_assistant, vacancy=vacancy, headcount=0)
    assert "headcount" in refused.value.message_dict


def test_closing(village_assistant, vacancy):
    vacancy = services.close_vacancy(actor=village_assistant, vacancy=vacancy, today=TODAY)
    assert vacancy.status == VacancyStatus.CLOSED and vacancy.closed_on == TODAY
    assert services.referral_problems(vacancy, today=TODAY) == ["岗位“收银员”已关闭，不能再推荐。"]
    with pytest.raises(ValidationError):
        services.close_vacancy(actor=village_assistant, vacancy=vacancy, today=TODAY)
    with pytest.raises(ValidationError):
        services.update_vacancy(actor=village_assistant, vacancy=vacancy, title="新名称")


def test_the_last_place_taken_fills_the_vacancy(vacancy):
    services.take_place(vacancy=vacancy, today=TODAY)
    assert vacancy.status == VacancyStatus.OPEN and vacancy.hired == 1
    services.take_place(vacancy=vacancy, today=TODAY)
    assert vacancy.status == VacancyStatus.FILLED and vacancy.closed_on == TODAY
    with pytest.raises(ValidationError):
        services.take_place(vacancy=vacancy, today=TODAY)
