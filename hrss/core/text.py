"""The characters no text typed by staff or sent to the API may carry, in one place: the API's input types
(core.api_fields) and every staff form (core.forms.RefusesInvisibleCharacters) refuse them alike.

They are invisible, or change how the text around them is shown: U+202E makes "陈\u202e伟甲乙" display reversed in every
ledger, export and certificate; a zero-width space makes two equal names differ; a NUL breaks PostgreSQL. Refused:
- C0 and C1 controls and DEL (a multi-line field keeps tab, line feed and carriage return);
- the bidi marks, embeddings, overrides and isolates: U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069;
- zero-width and other invisible format characters: U+200B-U+200D, U+2060-U+2064, U+FEFF;
- the line and paragraph separators U+2028 and U+2029 (a line break no field expects)."""

import re

from django.core.exceptions import ValidationError

_INVISIBLE = "\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")
_LINES = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_INVISIBLE}]")


def has_invisible(value, *, lines=False):
    """Whether `value` holds a refused character (`lines`: a multi-line field, where tab and line breaks are text)."""
    return bool((_LINES if lines else _ONE_LINE).search(value))


def invisible_message(label=""):
    """What to fix, in Chinese, naming the field when its label is known."""
    if label:
        return f"「{label}」含有不可见的控制字符，请删除后重新输入。"
    return "含有不可见的控制字符（如换行、零宽空格或改变文字方向的字符），请删除后重新输入。"


def refuse_invisible(value, *, label="", lines=False):
    """Raise ValidationError (the Chinese message naming the field) when `value` holds a refused character."""
    if isinstance(value, str) and has_invisible(value, lines=lines):
        raise ValidationError(invisible_message(label), code="invisible")
    return value


class RefuseInvisible:
    """A form field's validator for refuse_invisible, naming the field."""

    def __init__(self, label="", *, lines=False):
        self.label, self.lines = label, lines

    def __call__(self, value):
        refuse_invisible(value, label=self.label, lines=self.lines)

    def __eq__(self, other):
        return isinstance(other, RefuseInvisible) and (self.label, self.lines) == (other.label, other.lines)


class RefuseWhitespace:
    """A form field's validator for a name that must be one word (a username): no space of any kind inside it."""

    def __init__(self, label=""):
        self.label = label

    def __call__(self, value):
        if isinstance(value, str) and any(character.isspace() for character in value):
            raise ValidationError(f"「{self.label}」不能含空格或其他空白字符，请删除后重新输入。", code="whitespace")

    def __eq__(self, other):
        return isinstance(other, RefuseWhitespace) and self.label == other.label


def money(amount, places=2):
    """Yuan as pages, lines and letters write them: 12,345.60 (thousands grouped, `places` decimals, half up); ""
    for None or an empty value, the value itself when it is no number."""
    from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount)).quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return amount
    return f"{value:,.{int(places)}f}"


def amount_of(value, *, bad=None):
    """An amount in yuan typed or sent ("12,800", " 12800.5 ") as a Decimal of two places; None when blank, `bad`
    when it is no finite number."""
    from decimal import Decimal, InvalidOperation

    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        return bad
    return amount.quantize(Decimal("0.01")) + 0 if amount.is_finite() else bad  # + 0: "-0" is 0.00, not -0.00
