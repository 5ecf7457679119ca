"""The categories of 就业困难人员 (援助对象类别) as dated configuration: each row has the days it is in force, the
province whose rule it is, the documents the village sees at the intake, its source, and [believed] where the text
was not checked. A recognition keeps the code of a category in force on its application date; a changed list is new
rows (the old ones given a valid_to), never an edit of rows already used.

Sources:
- S-GD-2023: 广东省人力资源和社会保障厅《广东省就业困难人员认定管理办法》(粤人社规〔2023〕11号). Categories 1-10
  and their definitions as quoted in 深圳市人社局's 问答 citing 深人社规〔2023〕10号 (its forwarding of the 办法);
  the 退役军人 row as domain-rules §4 has it. Its effective date (2023-07-01) is [believed]: not confirmed.
- 2011-era list: the usual 广东/河源 list under 粤府〔2009〕… and 就业促进法 art. 52 [believed]: 4050, 残疾, 低保,
  连续失业1年以上, 失地农民, 零就业家庭成员 (domain-rules §4), not checked against a document.
"""

import datetime
from dataclasses import dataclass

D = datetime.date

# The day 粤人社规〔2023〕11号 took effect [believed]; the 2011-era rows end the day before.
GD_2023_FROM = D(2023, 7, 1)
GD_2011_FROM = D(2011, 1, 1)  # [believed: the rows are taken to hold from 2011; nothing earlier is kept]

ID_CARD = "居民身份证"
HUKOU = "户口簿"
REGISTRATION = "就业创业证（就业失业登记证）"
# One name per document across the old and the new rows, so a ticked document is never reported under another name.
DISABILITY = "残疾人证（或退役军人伤残证件）"
SUBSISTENCE = "最低生活保障证明"
LAND = "征地证明"
ZERO = "零就业家庭证明"


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    valid_from: datetime.date
    valid_to: datetime.date | None  # the last day in force; None: in force
    documents: tuple  # what the village sees at the intake (ID, 户口簿 and the category's proof)
    province: str = "广东"
    source: str = ""
    believed: bool = False
    # Checked from the ledger: a minimum age by sex on the application date ({"F": 40, "M": 50}).
    minimum_age: dict | None = None
    # Checked from 失业登记 and the ledger: out of work this many months before the application date.
    unemployed_months: int | None = None

    def in_force(self, day):
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def as_json(self):
        return {"code": self.code, "name": self.name, "valid_from": self.valid_from.isoformat(),
                "valid_to": self.valid_to.isoformat() if self.valid_to else None, "documents": list(self.documents)}


_OLD_TO = GD_2023_FROM - datetime.timedelta(days=1)
OLD = "广东省就业困难人员认定（2011年前后各地通行口径）[believed]"
NEW = "粤人社规〔2023〕11号《广东省就业困难人员认定管理办法》"
AGED = {"F": 40, "M": 50}


def _old(code, name, proof):
    return Category(code, name, GD_2011_FROM, _OLD_TO, (ID_CARD, HUKOU, REGISTRATION, *proof), source=OLD,
                    believed=True, minimum_age=AGED if code == "aged_4050" else None,
                    unemployed_months=12 if code == "long_unemployed_2011" else None)


def _new(code, name, proof, believed=False):
    return Category(code, name, GD_2023_FROM, None, (ID_CARD, HUKOU, REGISTRATION, *proof),
                    source=NEW + (" [believed]" if believed else ""), believed=believed,
                    minimum_age=AGED if code == "aged" else None,
                    unemployed_months=12 if code == "long_unemployed" else None)


CATEGORIES = (
    # --- the 2011-era list [believed] ---------------------------------------------------------------------------
    _old("aged_4050", "“4050”大龄失业人员（女40周岁以上、男50周岁以上）", ()),
    _old("disabled_2011", "残疾人员", (DISABILITY,)),
    _old("subsistence_2011", "享受城乡居民最低生活保障人员", (SUBSISTENCE,)),
    _old("long_unemployed_2011", "连续失业1年以上人员", ()),
    _old("land_lost_2011", "失地农民", (LAND,)),
    _old("zero_employment_2011", "城镇零就业家庭成员", (ZERO,)),
    # --- 粤人社规〔2023〕11号 (S-GD-2023) --------------------------------------------------------------------------
    _new("aged", "大龄失业人员（女40周岁以上、男50周岁以上）", ()),
    _new("disabled", "残疾人员（持残疾人证或退役军人伤残证件）", (DISABILITY,)),
    _new("subsistence", "享受最低生活保障待遇人员", (SUBSISTENCE,)),
    _new("zero_employment_urban", "城镇“零就业家庭”人员", (ZERO,)),
    _new("rural_zero_transfer", "农村零转移就业原建档立卡贫困家庭人员", ("原建档立卡贫困家庭证明",)),
    _new("land_lost", "失地农民（依法征地失去全部土地）", (LAND,)),
    _new("long_unemployed", "连续失业1年以上人员（最近一次失业登记后）", ()),
    _new("drug_rehabilitated", "戒毒康复人员", ("戒毒康复证明",)),
    _new("released", "刑满释放人员", ("刑满释放证明",)),
    _new("mental_rehabilitated", "精神障碍康复人员", ("精神障碍康复证明",)),
    _new("veteran_unemployed", "退役军人（登记失业6个月以上）", ("退役证明",), believed=True),
    _new("caring_for_ill", "需赡养患重大疾病直系亲属人员", ("直系亲属重大疾病诊断证明",), believed=True),
)

BY_CODE = {category.code: category for category in CATEGORIES}


def categories_on(day):
    """The categories in force on `day`, in their order."""
    return [category for category in CATEGORIES if category.in_force(day)]


def for_filter(day):
    """(code, label) of every category for a list's filter: those in force on `day` first, then the expired ones
    marked 已失效."""
    return ([(row.code, row.name) for row in CATEGORIES if row.in_force(day)]
            + [(row.code, f"{row.name}（已失效）") for row in CATEGORIES if not row.in_force(day)])


def category(code):
    """The category row of `code`, or None."""
    return BY_CODE.get(code)


def name_of(code):
    row = BY_CODE.get(code)
    return row.name if row else code
