"""The cards part's rules that change with time, as dated configuration: each a tuple of (effective_from, value)
rows, ascending; the row in force on a day is the last one that has started (core.dated.in_force). A changed rule is
a new row, never an edit of an old one. The area's scheme rules (hrss/pensions/schemes/rules.py) hold none about the
card, so they are kept here.

Sources: none of these rows was checked against a document's text in this repository; each is marked [believed],
and pages show such a source as "依据待核实" (schemes.rules.shown_source).
"""

import datetime
import re
from dataclasses import dataclass

from hrss.core.dated import in_force
from hrss.pensions.schemes.rules import shown_source

D = datetime.date


@dataclass(frozen=True)
class PhotoRule:
    max_bytes: int
    formats: tuple  # Pillow's format names accepted
    source: str

    @property
    def max_label(self):
        return f"{self.max_bytes // (1024 * 1024)}MB" if self.max_bytes % (1024 * 1024) == 0 else \
            f"{self.max_bytes // 1024}KB"


# The application's photo: a colour ID photo as JPEG or PNG, at most 2 MB as uploaded [believed: 人社部社会保障卡
# 照片规格（JPEG，358×441）; the window's systems accept PNG too; the 2 MB limit is the window system's].
PHOTO = ((D(2011, 1, 1), PhotoRule(2 * 1024 * 1024, ("JPEG", "PNG"), "社会保障卡照片采集要求 [believed]")),)


def photo_rule(day):
    return in_force(PHOTO, day) or PHOTO[0][1]


@dataclass(frozen=True)
class NumberRule:
    pattern: str
    example: str
    description: str
    source: str

    def matches(self, number):
        return re.fullmatch(self.pattern, number) is not None


# The card number (社会保障卡卡号) returned by the card maker: nine characters, a capital letter and eight digits
# [believed: 社会保障卡规范（第二代卡）卡号格式].
CARD_NUMBER = ((D(2011, 1, 1), NumberRule(r"[A-Z][0-9]{8}", "A12345678", "1位大写字母加8位数字",
                                          "社会保障卡规范 [believed]")),)


def card_number_rule(day):
    return in_force(CARD_NUMBER, day) or CARD_NUMBER[0][1]


def sources(day):
    """The sources of the rules in force on `day`, as shown on pages."""
    return [shown_source(photo_rule(day).source), shown_source(card_number_rule(day).source)]
