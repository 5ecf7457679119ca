"""The checks of an employer's codes (one home for every area: jobservices' employer registry, supervision's
labour-inspection cases): the 18-character 统一社会信用代码 (GB 32100-2015) and the older
9-character 组织机构代码 (GB 11714-1997). python-stdnum refuses the USCCs of social organisations (5x), village
committees (N) and others (Y), which are valid; so the rules are written here, each error naming the position.

统一社会信用代码 (USCC), 18 characters from `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I O S V Z):
  1      登记管理部门码: 1–9, A–N (without I) or Y
  2      机构类别码: a character of the alphabet
  3–8    登记管理机关行政区划码: 6 digits (the area part; `region_code` of the result)
  9–17   主体标识码: itself a 组织机构代码 (8 characters + its GB 11714 check character, 0–9 or X)
  18     校验码: 31 − (Σ value × 3^i mod 31) mod 31, where 31 → 0, written as the alphabet's character

组织机构代码 (orgcode), 9 characters: 8 digits or upper-case letters (A=10 … Z=35) and the check character
11 − (Σ value × (3,7,9,10,5,8,4,2)) mod 11, where 10 → X and 11 → 0. Written also as `XXXXXXXX-X`: the hyphen is
dropped.

Normalised before checking: surrounding spaces, full-width characters (ＡＢ１２ → AB12, NFKC) and lower case.
Which kind a code is checked as is decided by its length once normalised: more than 10 characters → "uscc"
(wrong length reported as a USCC's), otherwise "orgcode".
"""

import unicodedata
from dataclasses import dataclass

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_VALUES = {char: index for index, char in enumerate(USCC_ALPHABET)}
USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, ...
USCC_AUTHORITIES = "123456789ABCDEFGHJKLMNY"  # 登记管理部门码 in use (GB 32100-2015 table 1 and later additions)
ORGCODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
ORGCODE_BODY = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
FORBIDDEN_IN_USCC = "IOSVZ"


@dataclass(frozen=True)
class CodeCheck:
    code: str  # normalised
    kind: str  # "uscc" or "orgcode"
    valid: bool
    error: str | None = None
    region_code: str | None = None  # the 6-digit area part of a valid USCC

    def as_json(self):
        return {"valid": self.valid, "error": self.error, "kind": self.kind, "region_code": self.region_code}


def normalise(text):
    text = unicodedata.normalize("NFKC", str(text or "")).strip().upper()
    return text


def kind_of(text):
    return "uscc" if len(text) > 10 else "orgcode"


def orgcode_check_char(body):
    """The GB 11714 check character of the 8-character `body` (digits and upper-case letters)."""
    total = sum(ORGCODE_BODY.index(char) * weight for char, weight in zip(body, ORGCODE_WEIGHTS, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def uscc_check_char(first17):
    """The GB 32100 check character of the first 17 characters (all in the USCC alphabet)."""
    total = sum(USCC_VALUES[char] * weight for char, weight in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def check_orgcode(text):
    """Check a 组织机构代码 (GB 11714): a CodeCheck with the first error found, naming its position."""
    text = normalise(text)
    if len(text) == 10 and text[8] == "-":
        text = text[:8] + text[9]
    error = _orgcode_error(text, offset=0, label="组织机构代码")
    return CodeCheck(code=text, kind="orgcode", valid=error is None, error=error)


def _orgcode_error(text, *, offset, label):
    if len(text) != 9:
        return f"{label}应为9位，实为{len(text)}位。"
    for index, char in enumerate(text[:8]):
        if char not in ORGCODE_BODY:
            return f"第{offset + index + 1}位“{char}”不是{label}可用的字符（应为数字或大写字母）。"
    expected = orgcode_check_char(text[:8])
    if text[8] != expected:
        return f"第{offset + 9}位{label}校验码应为 {expected}，实为 {text[8]}。"
    return None


def check_uscc(text):
    """Check a 统一社会信用代码 (GB 32100-2015): a CodeCheck with the first error found, naming its position."""
    text = normalise(text)
    error = _uscc_error(text)
    return CodeCheck(code=text, kind="uscc", valid=error is None, error=error,
                     region_code=text[2:8] if error is None else None)


def _uscc_error(text):
    if len(text) != 18:
        return f"统一社会信用代码应为18位，实为{len(text)}位。"
    for index, char in enumerate(text):
        if char not in USCC_VALUES:
            if char in FORBIDDEN_IN_USCC:
                return f"第{index + 1}位“{char}”不能出现在统一社会信用代码中（不使用 I、O、S、V、Z）。"
            return f"第{index + 1}位“{char}”不是统一社会信用代码可用的字符（应为数字或大写字母，不含 I、O、S、V、Z）。"
    if text[0] not in USCC_AUTHORITIES:
        return f"第1位登记管理部门码“{text[0]}”无效（应为1–9、A–N或Y）。"
    for index in range(2, 8):
        if not text[index].isdigit():
            return f"第{index + 1}位“{text[index]}”有误：第3–8位登记管理机关行政区划码应为6位数字。"
    error = _orgcode_error(text[8:17], offset=8, label="主体标识码（组织机构代码）")
    if error:
        return error
    expected = uscc_check_char(text[:17])
    if text[17] != expected:
        return f"第18位校验码应为 {expected}，实为 {text[17]}。"
    return None


def check_code(text):
    """Check either kind, chosen by the normalised length (more than 10 characters: USCC)."""
    text = normalise(text)
    return check_uscc(text) if kind_of(text) == "uscc" else check_orgcode(text)


def complete_uscc(first17):
    """The 18-character USCC of `first17` with the check characters of its 主体标识码 (position 17) and of the
    whole (position 18) computed; `first17` may end its 主体标识码 with any placeholder. For tests and demos."""
    first17 = normalise(first17)
    body = first17[8:16]
    first17 = first17[:16] + orgcode_check_char(body)
    return first17 + uscc_check_char(first17)


def complete_orgcode(body):
    body = normalise(body)[:8]
    return body + orgcode_check_char(body)
