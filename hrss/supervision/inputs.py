"""The guards on typed input that several supervision parts share, written once: a month typed as YYYY-MM (a
ledger's filter, a figures page), and the bounds of a day a user enters (not before the rule or plan it falls
under, not after today, or for a day ahead not absurdly far). Each refusal is a message in Chinese saying what to
type instead; nothing here reads the clock (the caller passes `today`)."""

import datetime
import re

from hrss.core.dates import add_months, month_bounds

EARLIEST_MONTH = datetime.date(2000, 1, 1)  # no supervision record of the platform is older
# The first day a record of the grid or of publicity may carry (the year the platform's plan begins, the first row of
# the appraisal's weights): an earlier day is a typing error.
RECORDS_FROM = datetime.date(2011, 1, 1)
RECORDS_FROM_LABEL = "本平台可登记的最早日期"


class MonthRefused(ValueError):
    """A month that cannot be shown or filtered on (the message, in Chinese, says what to type)."""


def parse_month(text, today, *, earliest=EARLIEST_MONTH):
    """The first day of the month written "YYYY-MM"; MonthRefused for a malformed month, one that has not begun
    on `today`, or one before `earliest`."""
    year, _, month = (text or "").partition("-")
    try:
        first = datetime.date(int(year), int(month), 1)
    except ValueError:
        raise MonthRefused(f"月份“{(text or '')[:20]}”无法识别：请按“2026-05”的格式填写年份和月份。") from None
    if first > today:
        raise MonthRefused(f"{first:%Y年%m月}尚未开始：请选择本月或以前的月份。")
    if first < earliest:
        raise MonthRefused(f"请选择{earliest:%Y年%m月}以后的月份。")
    return first


def month_range(text, today, *, earliest=EARLIEST_MONTH):
    """(first day, last day) of the month written "YYYY-MM" (parse_month's refusals)."""
    first = parse_month(text, today, earliest=earliest)
    return month_bounds(first.year, first.month)


def date_problem(day, label, today, *, not_before, not_before_label, not_after=None, not_after_label=""):
    """Why the day `label` cannot be taken (a message in Chinese), or None. A day is not before `not_before` (the
    law's or the plan's first day, named `not_before_label`) and not after today, unless `not_after` allows a day
    ahead (e.g. a deadline set for others), up to that day (named `not_after_label`)."""
    if not isinstance(day, datetime.date):
        return f"请填写{label}。"
    if day < not_before:
        return f"{label}{day.isoformat()}早于{not_before_label}（{not_before.year}年{not_before.month}月{not_before.day}日），请核对。"
    if not_after is None and day > today:
        return f"{label}{day.isoformat()}晚于今天，请填写已经发生的日期。"
    if not_after is not None and day > not_after:
        return f"{label}{day.isoformat()}晚于{not_after_label}（{not_after.isoformat()}），请核对。"
    return None


def within_a_year(today):
    """The last day a day ahead may be set to: one year after `today`."""
    return add_months(today, 12)


def month_filter(text, today):
    """A ledger's month filter: (the month's (first day, last day), "") for a month, (None, "") when blank, and
    (None, the refusal in Chinese) for a month parse_month refuses (the page drops the filter and says why, the
    API answers 422, a download does not run)."""
    if not text:
        return None, ""
    try:
        return month_range(text, today), ""
    except MonthRefused as refused:
        return None, str(refused)


def month_kept(text, today):
    """A page's ?month=YYYY-MM: (the text to filter on, "" when blank or refused; the refusal or "")."""
    bounds, refused = month_filter(text, today)
    return (text if bounds else ""), refused


# --- telephone numbers ---------------------------------------------------------------------------------------

PHONE = re.compile(r"\+?[0-9][0-9 -]*")
PHONE_DIGITS = (7, 20)


def phone_problem(phone, label="联系电话"):
    """Why `phone` is not a telephone number, or None: digits, with a leading + and - or spaces between them,
    7 to 20 digits, at most 20 characters (a mobile 13800000000, a landline 0762-3388123, +86 138 0000 0000); a
    number beginning with 1 (no +) is a mobile of 11 digits."""
    digits = "".join(character for character in phone if character.isdigit())
    low, high = PHONE_DIGITS
    if not PHONE.fullmatch(phone) or not low <= len(digits) <= high or len(phone) > 20:
        return (f"{label}“{phone[:30]}”有误：只能填数字（可用开头的 + 和中间的 - 或空格），{low}至{high}位数字、"
                "不超过20个字符，如 13800000000 或 0762-3388123。")
    if not phone.startswith("+") and digits.startswith("1") and len(digits) != MOBILE_DIGITS:
        # A mainland mobile number has 11 digits: "1380000" would leave a promised call-back unmade.
        return f"{label}“{phone[:30]}”有误：手机号码应为11位数字（现有{len(digits)}位），请核对。"
    return None


MOBILE_DIGITS = 11
