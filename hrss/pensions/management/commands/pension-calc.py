import datetime
import json
import re
import sys
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand

from hrss.pensions.benefits.calc import DEFAULT_COUNTY, calculate
from hrss.pensions.schemes.rules import COUNTY_STARTS, SCHEMES

FIRST_DAY = SCHEMES[0][0]  # the residents' pension began on 2009-09-01 (国发〔2009〕32号)
LAST_DAY = datetime.date(2099, 12, 31)
OLDEST = 130  # years: a birth date making someone older on the day is a typing error
MOST = Decimal("9999999.99")  # yuan: more in a residents' personal account is a typing error


class Command(BaseCommand):
    help = ("计算城乡居民养老保险月养老金（基础养老金 + 个人账户储存额 ÷ 139）：hrss pension-calc --birth YYYY-MM-DD "
            "--account-balance AMOUNT --on YYYY-MM-DD [--county CODE] [--json]。基础养老金取该县(区)在计算日执行的"
            f"标准；--county 为6位县级代码，默认 {DEFAULT_COUNTY}（源城区）。输入有误时输出中文错误，退出码2。")

    def add_arguments(self, parser):
        parser.add_argument("--birth", default="", help="出生日期 YYYY-MM-DD")
        parser.add_argument("--account-balance", default="", help="个人账户储存额（元），如 13900 或 13900.00")
        parser.add_argument("--on", default="", help="计算日 YYYY-MM-DD")
        parser.add_argument("--county", default=DEFAULT_COUNTY,
                            help=f"6位县(区)代码，默认 {DEFAULT_COUNTY}（源城区）")
        parser.add_argument("--json", action="store_true", help="只输出 JSON")

    def handle(self, *args, **options):
        problems = []
        birth = _day(options["birth"], "出生日期（--birth）", problems)
        on = _day(options["on"], "计算日（--on）", problems)
        balance = None
        try:
            balance = Decimal(options["account_balance"].replace(",", ""))
            if not balance.is_finite() or balance < 0 or balance != balance.quantize(Decimal("0.01")):
                raise InvalidOperation
        except InvalidOperation:
            problems.append("个人账户储存额（--account-balance）须为不小于0的金额，最多两位小数，如 13900.00。")
        if balance is not None and balance > MOST:
            problems.append(f"个人账户储存额（--account-balance）{balance:,} 元超过 {MOST:,} 元：请核对金额。")
        county = options["county"] or DEFAULT_COUNTY
        if not re.fullmatch(r"\d{6}", county):
            problems.append("县(区)代码（--county）须为6位数字，如 441602。")
        elif county not in COUNTY_STARTS:
            problems.append(f"县(区)代码（--county）{county}不是本系统实施城乡居民养老保险的县(区)：可用 "
                            f"{'、'.join(sorted(COUNTY_STARTS))}。")
        if on and not FIRST_DAY <= on <= LAST_DAY:
            problems.append(f"计算日（--on）{on:%Y-%m-%d}须在{FIRST_DAY:%Y年%m月%d日}（城乡居民养老保险开始实施）"
                            f"至{LAST_DAY:%Y年%m月%d日}之间。")
        if birth and on and birth > on:
            problems.append("出生日期（--birth）不能晚于计算日。")
        elif birth and on and on.year - birth.year > OLDEST:
            problems.append(f"出生日期（--birth）{birth:%Y-%m-%d}到计算日已超过{OLDEST}岁：请核对出生日期。")
        if problems:
            sys.stderr.write("\n".join(problems) + "\n")
            raise SystemExit(2)
        result = calculate(birth_date=birth, account_balance=balance, on=on, county_code=county)
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            return
        for line in result.lines:
            self.stdout.write(line)
        self.stdout.write("已达领取年龄" if result.eligible_age else "未达领取年龄")
        self.stdout.write("依据：" + "；".join(result.rules))


def _day(text, label, problems):
    try:
        return datetime.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text or "") else _bad()
    except ValueError:
        problems.append(f"{label}须为 YYYY-MM-DD 格式的日期，如 1966-03-01。")
        return None


def _bad():
    raise ValueError
