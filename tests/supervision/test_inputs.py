"""The one telephone rule of supervision (inputs.phone_problem): what a petitioner, a complainant, a citizen asking
for a call back or a 网格员 leaves must be a number someone can call."""

import pytest

from hrss.supervision.inputs import phone_problem


@pytest.mark.parametrize("phone", ["13800000002", "138 0000 0002", "0762-3388123", "+86 138 0000 0002", "3388123",
                                   "07623388123"])
def test_a_callable_number_is_taken(phone):
    assert phone_problem(phone) is None


@pytest.mark.parametrize(("phone", "said"), [
    ("1380000", "手机号码应为11位数字（现有7位）"), ("138000000021", "手机号码应为11位数字（现有12位）"),
    ("abc", "只能填数字"), ("12345", "7至20位数字"), ("<b>x</b>", "只能填数字")])
def test_a_number_no_one_can_call_is_refused_saying_what_to_fix(phone, said):
    assert said in phone_problem(phone)
