"""公民身份号码 (GB 11643-1999): parsing what people and spreadsheets actually contain, checking, masking.

Our own implementation because python-stdnum's `cn.ric` rejects real people: it checks the address code against
the birth year (紫金县 441621 "exists" only from 1988, so everyone born there earlier fails) and raises a bare
KeyError on unknown county codes, while it accepts birth dates in the future. Here the address code is only a
warning: the code is where the number was issued, and abolished codes stay valid for life.
"""

import datetime
import unicodedata
from functools import lru_cache
from operator import mul
from typing import NamedTuple

from django.utils import timezone

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"

# GB/T 2260 province-level codes (first two digits).
PROVINCE_CODES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82", "83",
})

EARLIEST_BIRTH_DATE = datetime.date(1890, 1, 1)


class InvalidIdNumber(ValueError):
    """The number cannot be a resident ID number; the message (in Chinese) says what to fix."""


class IdNumber(NamedTuple):
    # A named tuple, not a frozen dataclass: built for every row of an import, and a frozen dataclass's
    # __init__ (object.__setattr__ per field) cost twice as much.
    number: str
    birth_date: datetime.date
    sex: str  # "M" or "F"
    warnings: tuple = ()

    @property
    def area_code(self):
        return self.number[:6]


_DIGIT_ZERO_WEIGHT = ord("0") * sum(WEIGHTS)


def check_character(first17):
    """ISO 7064 MOD 11-2 over 17 ASCII digits. Weighting the characters' codes and taking away the weighted code
    of "0" once is the same sum without an int() per digit (an import computes this for every row)."""
    return CHECK_CHARACTERS[(sum(map(mul, first17.encode("ascii"), WEIGHTS)) - _DIGIT_ZERO_WEIGHT) % 11]


def normalise(raw):
    """What a person or a spreadsheet typed, made comparable: full-width characters folded, spaces and dashes
    removed, a lower-case x raised. Numbers stored as spreadsheet numbers are refused: they lost their last
    digits to floating point and cannot be recovered."""
    if type(raw) is str and len(raw) == 18 and raw.isascii() and raw[:17].isdigit():
        return raw.upper()  # the common case, already clean: skip the character-by-character folding
    if raw is None:
        raise InvalidIdNumber("公民身份号码为空。")
    if isinstance(raw, bool):
        raise InvalidIdNumber("公民身份号码格式不对。")
    if isinstance(raw, float | int):
        raise InvalidIdNumber(
            "公民身份号码被表格存成了数字，末几位已丢失，无法还原；请把该列设为“文本”格式后重新录入。"
        )
    text = unicodedata.normalize("NFKC", str(raw))
    text = "".join(ch for ch in text if not ch.isspace() and ch not in "-'‘’\"")
    if text.lower().endswith(".0") or "e+" in text.lower():
        raise InvalidIdNumber(
            "公民身份号码被表格存成了数字，末几位已丢失，无法还原；请把该列设为“文本”格式后重新录入。"
        )
    return text.upper()


def upgrade_15_to_18(number15):
    """Convert a first-generation 15-digit number (no century, no check digit): all were issued to people born
    in the 1900s."""
    first17 = number15[:6] + "19" + number15[6:]
    return first17 + check_character(first17)


def parse(raw, *, today=None):
    """Return an IdNumber or raise InvalidIdNumber with a reason in Chinese."""
    today = today or timezone.localdate()  # the date in Heyuan (TIME_ZONE), not the server's
    text = normalise(raw)
    if not text:
        raise InvalidIdNumber("公民身份号码为空。")
    if len(text) == 15:
        if not (text.isascii() and text.isdigit()):
            raise InvalidIdNumber("15位公民身份号码只能由数字组成。")
        text = upgrade_15_to_18(text)
    elif len(text) != 18:
        raise InvalidIdNumber(f"公民身份号码应为18位（或旧式15位），这里是{len(text)}位。")
    # isascii: str.isdigit() also accepts other scripts' digits, which are not an ID number's.
    if not text.isascii() or not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise InvalidIdNumber("公民身份号码前17位须为数字，最后一位为数字或X。")
    birth_date = _calendar_date(text[6:14])
    if birth_date is None:
        raise InvalidIdNumber(f"公民身份号码中的出生日期 {text[6:14]} 不是真实的日期。")
    if birth_date > today:
        raise InvalidIdNumber(f"公民身份号码中的出生日期 {birth_date:%Y-%m-%d} 晚于今天。")
    if birth_date < EARLIEST_BIRTH_DATE:
        raise InvalidIdNumber(f"公民身份号码中的出生日期 {birth_date:%Y-%m-%d} 不合理。")
    expected = check_character(text[:17])
    if text[17] != expected:
        raise InvalidIdNumber("公民身份号码校验码不符，请逐位核对（常见为某一位录错或两位颠倒）。")
    warnings = () if text[:2] in PROVINCE_CODES else (f"地址码 {text[:6]} 不属于已知的省级行政区，请核对。",)
    return IdNumber(text, birth_date, "M" if text[16] in "13579" else "F", warnings)


@lru_cache(maxsize=1 << 16)
def _calendar_date(yyyymmdd):
    """The date written as 8 digits, or None if there is no such day. Cached: a city's numbers share some 40,000
    birth dates, and an import parses a million numbers."""
    try:
        return datetime.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:]))
    except ValueError:
        return None


def mask(number):
    """441621********017X: area code and the last four characters stay, the birth date is hidden."""
    if not number or len(number) != 18:
        return "******"
    return number[:6] + "*" * 8 + number[14:]
