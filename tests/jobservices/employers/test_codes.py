"""统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714) as our own code checks them."""

import json

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from hrss.jobservices.codes import (
    USCC_ALPHABET,
    check_code,
    check_orgcode,
    check_uscc,
    complete_orgcode,
    complete_uscc,
    uscc_check_char,
)

# Published codes (a company in Fuzhou, one in Beijing): their check characters were not computed by us.
PUBLISHED = ["91350100M000100Y43", "91110108551385082Q"]


@pytest.mark.parametrize("code", PUBLISHED)
def test_published_codes_are_valid(code):
    result = check_uscc(code)
    assert result.valid and result.error is None and result.region_code == code[2:8]


@pytest.mark.parametrize("start", [
    "N2441602MA0000000",  # 村民委员会 (N: 农业/基层群众自治组织)
    "Y1441602MA0000000",  # 其他登记管理部门
    "51441602MA0000000",  # 社会团体 (5: 民政)
    "52441602MA0000000",  # 民办非企业单位
    "91441602MA4UUUUUU",  # 企业 (工商)
    "12441602X00000000",  # 事业单位 (1: 机构编制)
    "A1441602000000000",
])
def test_codes_of_every_authority_in_use_are_valid(start):
    code = complete_uscc(start)
    result = check_uscc(code)
    assert result.valid, result.error
    assert result.kind == "uscc" and result.region_code == "441602"


def test_spaces_lower_case_and_full_width_are_normalised():
    code = complete_uscc("91441602MA4UUUUUU")
    assert check_uscc(f"  {code.lower()} ").code == code
    full_width = "".join(chr(ord(char) + 0xFEE0) for char in code)
    assert check_uscc(full_width).valid


def test_the_check_character_position_18():
    code = complete_uscc("91441602MA4UUUUUU")
    wrong = USCC_ALPHABET[(USCC_ALPHABET.index(code[17]) + 1) % 31]
    result = check_uscc(code[:17] + wrong)
    assert not result.valid and result.error == f"第18位校验码应为 {code[17]}，实为 {wrong}。"
    assert result.region_code is None


def test_a_forbidden_letter_names_its_position():
    code = complete_uscc("91441602MA4UUUUUU")
    result = check_uscc(code[:10] + "O" + code[11:])
    assert result.error.startswith("第11位“O”不能出现在统一社会信用代码中")


def test_a_punctuation_mark_names_its_position():
    result = check_uscc("914416-2MA4UUUUUU0")
    assert result.error.startswith("第7位“-”不是统一社会信用代码可用的字符")


@pytest.mark.parametrize("first", ["0", "P", "Q", "X"])
def test_an_authority_code_not_in_use_is_refused(first):
    code = complete_uscc(first + "1441602MA4UUUUUU")
    assert check_uscc(code).error == f"第1位登记管理部门码“{first}”无效（应为1–9、A–N或Y）。"


def test_the_area_part_is_six_digits():
    code = complete_uscc("9144A602MA4UUUUUU")
    assert check_uscc(code).error.startswith("第5位“A”有误：第3–8位登记管理机关行政区划码应为6位数字")


def test_the_organisation_code_inside_is_checked_at_position_17():
    code = complete_uscc("91441602MA4UUUUUU")
    wrong = "0" if code[16] != "0" else "1"
    first17 = code[:16] + wrong
    result = check_uscc(first17 + uscc_check_char(first17))  # the whole code's check is right, the inner wrong
    assert result.error == f"第17位主体标识码（组织机构代码）校验码应为 {code[16]}，实为 {wrong}。"


@pytest.mark.parametrize("code,length", [("9144160", 7), ("91441602MA4UUUUUU01", 19), ("", 0)])
def test_the_length(code, length):
    result = check_code(code)
    assert not result.valid and f"{length}位" in result.error


def test_kind_is_decided_by_length():
    assert check_code("91441602MA4UUUUU").kind == "uscc"  # 16 characters: a USCC with a wrong length
    assert check_code("1234567").kind == "orgcode"


def test_organisation_codes():
    assert check_orgcode("D2143827-6").valid  # a published one, written with its hyphen
    assert check_orgcode("d21438276").code == "D21438276"
    assert complete_orgcode("12345678") == "123456788"
    # 11 - Σ mod 11 = 10 is written X: find a body whose check is X and one whose is 0.
    bodies = [f"{number:08d}" for number in range(200)]
    x_body = next(body for body in bodies if complete_orgcode(body).endswith("X"))
    zero_body = next(body for body in bodies if complete_orgcode(body)[8] == "0")
    assert check_orgcode(x_body + "X").valid and check_orgcode(zero_body + "0").valid
    assert check_orgcode(x_body + "0").error == "第9位组织机构代码校验码应为 X，实为 0。"
    assert check_orgcode("1234#678X").error.startswith("第5位“#”不是组织机构代码可用的字符")


bodies = st.text(alphabet=USCC_ALPHABET, min_size=15, max_size=15)


@given(authority=st.sampled_from("123456789ABCDEFGHJKLMNY"), rest=bodies, position=st.integers(0, 17),
       replacement=st.sampled_from(USCC_ALPHABET))
def test_a_valid_code_with_any_one_character_changed_is_refused(authority, rest, position, replacement):
    start = authority + rest[0] + "441602" + rest[7:15] + "0"
    code = complete_uscc(start)
    assert check_uscc(code).valid
    if code[position] == replacement:
        return
    changed = code[:position] + replacement + code[position + 1:]
    assert not check_uscc(changed).valid


def run(capsys, code):
    try:
        call_command("uscc", code)
        status = 0
    except SystemExit as stop:
        status = stop.code
    return status, capsys.readouterr().out.strip()


def test_the_command_prints_the_json(capsys):
    code = complete_uscc("N2441602MA0000000")
    status, out = run(capsys, code)
    assert status == 0
    assert out == json.dumps({"valid": True, "error": None, "kind": "uscc", "region_code": "441602"})


def test_the_command_fails_on_an_invalid_code(capsys):
    code = complete_uscc("91441602MA4UUUUUU")
    wrong = "0" if code[17] != "0" else "1"
    status, out = run(capsys, code[:17] + wrong)
    assert status == 1
    assert out == ('{"valid": false, "error": "第18位校验码应为 ' + code[17] + "，实为 " + wrong
                   + '。", "kind": "uscc", "region_code": null}')


def test_the_command_on_an_organisation_code(capsys):
    status, out = run(capsys, "D2143827-6")
    assert status == 0 and json.loads(out) == {"valid": True, "error": None, "kind": "orgcode", "region_code": None}
