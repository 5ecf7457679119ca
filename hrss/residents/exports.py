"""The ledger as .xlsx: the people of a region (ID numbers masked), and the totals per village and township."""

import hashlib
from dataclasses import dataclass

from django.db.models import Count, Q

from hrss.core import scoping
from hrss.core.id_numbers import mask
from hrss.core.models import Level, Region
from hrss.core.spreadsheets import xlsx_bytes
from hrss.residents import selectors
from hrss.residents.models import (
    Education,
    FlexibleForm,
    HukouType,
    LabourStatus,
    MigrantDestination,
    Relation,
)

PEOPLE_HEADER = ["村(社区)", "公民身份号码", "姓名", "性别", "出生日期", "与户主关系", "户籍性质", "文化程度", "就业状态",
                 "转移去向或灵活就业形式", "状态起始日期", "联系电话"]


@dataclass
class Export:
    data: bytes
    rows: int
    sha256: str


def _labels(*choice_lists):
    """value -> label text, built once: an export of a county writes hundreds of thousands of rows."""
    return {value: str(label) for choices in choice_lists for value, label in choices}


def ledger_xlsx(user, region):
    people = scoping.within_region(selectors.people_visible_to(user), region).order_by("region_code", "household_id", "id")
    villages = {r.code: r for r in scoping.within_region(scoping.regions_visible_to(user), region).filter(level=Level.VILLAGE)}
    townships = {r.code: r for r in Region.objects.filter(
        level=Level.TOWNSHIP, code__in={scoping.township_code_of(code) for code in villages})}
    relations, hukou_types, educations, statuses = (_labels(choices) for choices in (
        Relation.choices, HukouType.choices, Education.choices, LabourStatus.choices))
    details = _labels(MigrantDestination.choices, FlexibleForm.choices)
    rows = 0

    def people_rows():
        nonlocal rows
        fields = ("region_code", "id_number", "name", "sex", "birth_date", "relation_to_head", "hukou_type",
                  "education", "labour_status", "status_detail", "status_since", "phone")
        for (code, id_number, name, sex, birth, relation, hukou, education, status, detail, since,
             phone) in people.values_list(*fields).iterator(chunk_size=2000):
            rows += 1
            village = villages.get(code)
            yield [village.name if village else code, mask(id_number), name, "男" if sex == "M" else "女",
                   birth.isoformat(), relations.get(relation, ""), hukou_types.get(hukou, ""),
                   educations.get(education, ""), statuses.get(status, ""), details.get(detail, ""),
                   since.isoformat() if since else "", phone]

    status_columns = [status for status in LabourStatus]
    aggregates = {status.value: Count("id", filter=Q(labour_status=status.value)) for status in status_columns}
    per_village = {row["region_code"]: row for row in scoping.within_region(selectors.people_visible_to(user), region)
                   .values("region_code").annotate(total=Count("id"), **aggregates).order_by()}

    def totals_rows():
        township_totals = {}
        for code in sorted(villages):
            counts = per_village.get(code, {})
            line = [counts.get(status.value, 0) for status in status_columns]
            total = counts.get("total", 0)
            key = scoping.township_code_of(code)
            township = townships.get(key)
            summary = township_totals.setdefault(key, [0] * (len(status_columns) + 1))
            summary[0] += total
            for index, value in enumerate(line):
                summary[index + 1] += value
            yield [township.name if township else "", villages[code].name, total, *line]
        for key, summary in township_totals.items():
            township = townships.get(key)
            yield [f"{township.name if township else key}合计", "", *summary]

    # The people sheet is written first, so the row count is known when the totals follow.
    data = xlsx_bytes([
        ("人员台账", PEOPLE_HEADER, people_rows()),
        ("分村汇总", ["乡镇(街道)", "村(社区)", "合计", *[str(status.label) for status in status_columns]], totals_rows()),
    ])
    return Export(data=data, rows=rows, sha256=hashlib.sha256(data).hexdigest())
