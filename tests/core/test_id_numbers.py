import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrss.core.id_numbers import InvalidIdNumber, check_character, mask, parse

TODAY = datetime.date(2026, 11, 25)


def make(area="441621", birth="19800101", sequence="001"):
    first17 = area + birth + sequence
    return first17 + check_character(first17)


def test_a_valid_number_gives_birth_date_and_sex():
    number = make(birth="19800101", sequence="013")
    parsed = parse(number, today=TODAY)
    assert parsed.birth_date == datetime.date(1980, 1, 1)
    assert parsed.sex == "M"
    assert parse(make(sequence="014"), today=TODAY).sex == "F"


def test_a_heyuan_number_from_before_1988_is_accepted():
    # python-stdnum refuses this: 441621 (紫金县) is recorded only from 1988.
    parsed = parse(make(area="441621", birth="19520304"), today=TODAY)
    assert parsed.warnings == ()


def test_the_check_digit_x():
    for sequence in range(1000):
        number = make(sequence=f"{sequence:03d}")
        if number.endswith("X"):
            assert parse(number.lower(), today=TODAY).number == number
            break
    else:
        pytest.fail("no number with check character X in 1000 sequences")


def test_what_spreadsheets_contain_is_tolerated():
    number = make()
    assert parse(f"  {number[:6]} {number[6:14]} {number[14:]} ", today=TODAY).number == number
    full_width = number.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    assert parse(full_width, today=TODAY).number == number
    assert parse(f"'{number}", today=TODAY).number == number


def test_a_number_stored_as_a_spreadsheet_number_is_refused_not_guessed():
    with pytest.raises(InvalidIdNumber, match="存成了数字"):
        parse(441621198001010000.0, today=TODAY)
    with pytest.raises(InvalidIdNumber, match="存成了数字"):
        parse("4.41621198001E+17", today=TODAY)


def test_fifteen_digit_numbers_are_converted_to_eighteen():
    parsed = parse("441621800101001", today=TODAY)
    assert parsed.number == make(birth="19800101", sequence="001")
    assert parsed.birth_date == datetime.date(1980, 1, 1)


@pytest.mark.parametrize("birth, reason", [("19800230", "不是真实的日期"), ("20261126", "晚于今天"),
                                           ("19801301", "不是真实的日期")])
def test_impossible_birth_dates_are_refused(birth, reason):
    first17 = "441621" + birth + "001"
    with pytest.raises(InvalidIdNumber, match=reason):
        parse(first17 + check_character(first17), today=TODAY)


def test_born_today_is_accepted_and_tomorrow_is_not():
    assert parse(make(birth="20261125"), today=TODAY).birth_date == TODAY
    with pytest.raises(InvalidIdNumber):
        parse(make(birth="20261126"), today=TODAY)


def test_wrong_length_says_how_long_it_is():
    with pytest.raises(InvalidIdNumber, match="这里是17位"):
        parse(make()[:17], today=TODAY)


def test_an_unknown_area_code_is_a_warning_not_a_rejection():
    parsed = parse(make(area="991621"), today=TODAY)
    assert parsed.warnings and "地址码" in parsed.warnings[0]


@given(st.text(alphabet="0123456789", min_size=3, max_size=3), st.dates(datetime.date(1900, 1, 1), TODAY),
       st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=9))
def test_every_single_digit_change_is_caught(sequence, birth, position, shift):
    number = make(birth=birth.strftime("%Y%m%d"), sequence=sequence)
    assert parse(number, today=TODAY).number == number
    characters = list(number)
    if characters[position] == "X":
        characters[position] = str(shift)
    else:
        characters[position] = str((int(characters[position]) + shift) % 10)
    with pytest.raises(InvalidIdNumber):
        parse("".join(characters), today=TODAY)


def test_masking_hides_the_birth_date():
    assert mask("44162119800101017X") == "441621********017X"


def test_digits_of_other_scripts_are_refused():
    arabic_indic = "".join(chr(0x0660 + int(digit)) for digit in make()[:17]) + "X"
    with pytest.raises(InvalidIdNumber, match="前17位须为数字"):
        parse(arabic_indic, today=TODAY)
