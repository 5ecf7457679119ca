"""The benefits part's .xlsx sheets (core.spreadsheets writes them): the 待遇发放台账 and the monthly roll for the
bank. Rows are plain values; money as numbers to the fen; ID numbers masked as on every sheet of the platform (the
bank matches by its own account records; residents.services.reveal_id_number reveals one person's number, with a
reason)."""

from hrss.core.selectors import place_names
from hrss.pensions.benefits import selectors
from hrss.pensions.models import CardApplication, PaymentKind
from hrss.pensions.models.cards import ENDED, NUMBERED

# The title row of the roll's sheet: the bank pays to the social-security card (社保卡), matched by its number.
ROLL_TITLE = "养老金发放名册：银行按社保卡号匹配入账（公民身份号码已脱敏，仅供核对）"


def _date(day):
    return f"{day:%Y-%m-%d}" if day else ""


def _month(day):
    return f"{day:%Y-%m}" if day else ""


def pension_rows(pensions):
    pensions = list(pensions)
    places = place_names(pension.region_code for pension in pensions)
    header = ["发放地", "姓名", "公民身份号码", "起领年月", "基础养老金（元/月）", "个人账户养老金（元/月）", "月养老金（元）",
              "状态", "核定日期", "暂停起始年月", "终止日期", "终止原因", "已发放月数", "多发待追回（元）"]
    rows = [[places.get(p.region_code, p.region_code), p.person.name, p.person.masked_id_number, _month(p.first_month),
             float(p.basic), float(p.account_part), float(p.total), p.get_state_display(), _date(p.approved_on),
             _month(p.suspended_from), _date(p.stopped_on), p.stop_reason, selectors.paid_months(p),
             float(selectors.outstanding(p))] for p in pensions]
    return header, rows


def roll_rows(lines):
    """The roll as the bank pays it: the title row first (the bank matches by 社保卡号; IDs masked), then the
    columns' names, one row a payment with the person's standing 社保卡号 (empty without a numbered card), a 签名
    column left empty for the payee's signature on the printed sheet, the sums last."""
    places = place_names(line.region_code for line in lines)
    cards = card_numbers({line.pension.person_id for line in lines})
    header = ["序号", "发放地", "姓名", "公民身份号码", "社保卡号", "所属年月", "类别", "金额（元）", "签名"]
    rows = [header] + [[number, places.get(line.region_code, line.region_code), line.pension.person.name,
             line.pension.person.masked_id_number, cards.get(line.pension.person_id, ""), _month(line.month),
             line.get_kind_display(), float(line.amount), ""]
            for number, line in enumerate(lines, start=1)]
    sums = selectors.roll_sums(lines)
    rows.append(["合计", "", f"{sums['people']}人", "", "", "", f"按月发放 {sums['regular']:,.2f}，补发 {sums['back_pay']:,.2f}",
                 float(sums["total"]), ""])
    return [ROLL_TITLE] + [""] * (len(header) - 1), rows


KINDS = dict(PaymentKind.choices)


def card_numbers(person_ids):
    """{person id: 社保卡号} of the people's standing cards that have a number (made and not lost or cancelled)."""
    standing = [state for state in NUMBERED if state not in ENDED]
    return dict(CardApplication.objects.filter(person_id__in=person_ids, state__in=standing)
                .exclude(card_number="").values_list("person_id", "card_number"))
