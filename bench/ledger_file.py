"""A deterministic labour-force ledger spreadsheet of any size, spread over Heyuan's villages, for benchmarks.
Generated once per size and kept under bench/out/ (ignored by git)."""

import datetime
import random
from pathlib import Path

from hrss.core.id_numbers import check_character

OUT = Path(__file__).resolve().parent / "out"
HEADER = ["公民身份号码", "姓名", "与户主关系", "户主公民身份号码", "户籍性质", "文化程度", "就业状态", "联系电话",
          "村(社区)代码"]
STATUSES = ["务农", "转移就业（省外）", "转移就业（县内）", "单位就业", "灵活就业", "失业", "其他"]
EDUCATION = ["初中", "高中", "小学", "大学专科和专科学校", "中等专业学校"]
TODAY = datetime.date(2026, 11, 25)


def village_codes():
    from bench import setup_django

    setup_django()
    from hrss.core.models import Level
    from hrss.core.regions import heyuan_rows

    return [code for code, level, *_ in heyuan_rows() if level == Level.VILLAGE]


def ledger_rows(count, seed=2011):
    """Rows of working-age people (so every status is valid), in households of about three."""
    rng = random.Random(seed)
    villages = village_codes()
    surnames = "黄李陈张刘叶罗钟曾邱温林何谢赖朱吴杨王廖"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
    used = set()
    produced = 0
    household_head = None
    while produced < count:
        village = villages[produced // 700 % len(villages)]
        age = rng.randint(20, 48)
        birth = TODAY - datetime.timedelta(days=age * 365 + rng.randrange(365))
        while True:
            first17 = f"{village[:6]}{birth:%Y%m%d}{rng.randrange(1000):03d}"
            if first17 not in used:
                used.add(first17)
                break
        number = first17 + check_character(first17)
        if produced % 3 == 0:
            household_head, relation, head = number, "户主", ""
        else:
            relation, head = "配偶" if produced % 3 == 1 else "子女", household_head
        yield [number, rng.choice(surnames) + rng.choice(given) + rng.choice(given), relation, head, "农业",
               rng.choice(EDUCATION), rng.choice(STATUSES), f"13{rng.randrange(10**9):09d}", village]
        produced += 1


def ledger_xlsx(count, header=HEADER, rows=None, name=None):
    """The path of a ledger .xlsx with `count` rows, written once (xlsxwriter in constant memory)."""
    import xlsxwriter

    OUT.mkdir(exist_ok=True)
    path = OUT / (name or f"ledger-{count}.xlsx")
    if path.exists():
        return path
    partial = path.with_suffix(".partial.xlsx")
    workbook = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    sheet = workbook.add_worksheet("台账")
    sheet.write_row(0, 0, header)
    for index, row in enumerate(rows if rows is not None else ledger_rows(count), start=1):
        for column, value in enumerate(row):
            sheet.write_string(index, column, value)
    workbook.close()
    partial.rename(path)
    return path
