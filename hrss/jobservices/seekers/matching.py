"""人岗匹配: a job seeker and a vacancy scored 0-100, with the reasons in Chinese, in both directions (the best
vacancies for a seeker, the best seekers for a vacancy).

The score (WEIGHTS, all [believed]: the plan names the components, not their weights):

    occupation  40  the closest group a wanted occupation shares with the vacancy's: same 细类 40, 小类 30, 中类 20,
                    大类 10, none 0 (codes at any level: "4-02" and "4-02-06-01" share the 中类 4-02)
    place       25  where the work is, from the seeker's village: same village 25, township 20, county 14, city 8,
                    province 4, beyond 0
    wage        15  the vacancy's pay (its maximum, else its minimum) at least the seeker's lowest: 15; below it: 0;
                    either not stated: 8
    education   10  no minimum, or the seeker's 文化程度 reaches it: 10; not recorded: 5; below: 0
    age         10  no range, or the seeker's age on the day inside it: 10; outside: 0
    refusals   -30  the seeker refused this vacancy before without a good reason (-30) or with one (-10), or another
                    vacancy of the same employer without (-15) or with (-5) a reason: the worst one counts

A match is `suitable` when nothing rules it out: the vacancy is open, the registration is open, the sex requirement
(where the law allows one) is met, the age is inside the range, the education reaches the minimum, the place is
within how far the seeker will go (`mobility`), and the occupations share at least a 中类 (any occupation for a
seeker who is 不挑不拣). Lists rank suitable matches first, then by score, then the vacancy open longest (the
seeker registered longest) first, then by id: the same data gives the same list.

Lists hold the open vacancies (active seekers) within the seeker's reach, without a sex, age or education conflict
(those are filtered out in SQL: a list never offers what the vacancy rules out; `assess` still explains such a pair),
sharing at least a 大类 with a wanted occupation (any, for a 不挑不拣 seeker). They are searched best first and never
scored in full: the candidates fall into cells by occupation group and place ring (same 细类 in the same village,
same 细类 in the same township, ...; the city, the province and beyond are read as one ring), each one indexed read
(prefixes of the 大典 code: the vacancies' codes as lists from the table, the seekers' groups as columns of
WantedOccupation under partial indexes); a cell's best possible score is its occupation and place points plus the
35 of wage, education and age, and the search stops when the list's last entry beats every cell not read yet. A
cell holding more than CELL_CAP candidates is read in its first CELL_CAP rows of the index (by region code): only
the broadest cells get that big, and they are read only when the nearer ones leave the list short.

Vacancies are public offers: a seeker's matches may list any open vacancy (its employer, title, place and pay; no
personal data). A vacancy's matches list seekers, so the caller fetches them within their scope (`user`).
"""

import datetime
import heapq
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection
from django.db.models import Q

from hrss.core import classifications, scoping
from hrss.core.dates import age_on, years_before
from hrss.core.models import Level, Occupation
from hrss.jobservices.models import (
    JobSeeker,
    Mobility,
    Referral,
    ReferralOutcome,
    SeekerStatus,
    SexRequirement,
    Vacancy,
    VacancyStatus,
    WantedOccupation,
)
from hrss.residents.models import Education

WEIGHTS = {"occupation": 40, "place": 25, "wage": 15, "education": 10, "age": 10}
OCCUPATION_POINTS = {4: 40, 3: 30, 2: 20, 1: 10, 0: 0}
LEVEL_NAMES = {4: "细类", 3: "小类", 2: "中类", 1: "大类"}
SUITABLE_OCCUPATION_LEVEL = 2  # at least the same 中类, unless the seeker is 不挑不拣
LISTED_OCCUPATION_LEVEL = 1  # lists hold candidates sharing at least the 大类 (any occupation when 不挑不拣)

# Place rings, nearest first: the level of the region both places lie in.
RINGS = (Level.VILLAGE, Level.TOWNSHIP, Level.COUNTY, Level.CITY, Level.PROVINCE)
BEYOND = len(RINGS)  # outside the province
PLACE_POINTS = (25, 20, 14, 8, 4, 0)
PLACE_WORDS = ("工作地点在本村(社区)", "工作地点在本乡镇(街道)", "工作地点在本县(区)", "工作地点在本市", "工作地点在省内",
               "工作地点在省外")
REACH = {Mobility.VILLAGE: 0, Mobility.TOWNSHIP: 1, Mobility.COUNTY: 2, Mobility.CITY: 3, Mobility.PROVINCE: 4,
         Mobility.ANYWHERE: BEYOND}

WAGE_MET, WAGE_UNKNOWN = 15, 8
EDUCATION_MET, EDUCATION_UNKNOWN = 10, 5
AGE_MET = 10
REST = WAGE_MET + EDUCATION_MET + AGE_MET  # the most a candidate adds to its cell's occupation and place points

# GB/T 4658 文化程度 as steps: 中专, 技校 and 高中 are one step (高中阶段).
EDUCATION_STEP = {"10": 6, "20": 5, "30": 4, "40": 3, "50": 3, "60": 3, "70": 2, "80": 1, "90": 0}

REFUSED = (ReferralOutcome.REFUSED_WITHOUT_REASON, ReferralOutcome.REFUSED_WITH_REASON)
PENALTIES = {
    ("vacancy", ReferralOutcome.REFUSED_WITHOUT_REASON): (30, "曾无正当理由拒绝该岗位"),
    ("vacancy", ReferralOutcome.REFUSED_WITH_REASON): (10, "曾有正当理由拒绝该岗位"),
    ("employer", ReferralOutcome.REFUSED_WITHOUT_REASON): (15, "曾无正当理由拒绝该单位岗位"),
    ("employer", ReferralOutcome.REFUSED_WITH_REASON): (5, "曾有正当理由拒绝该单位岗位"),
}

CELL_CAP = 500
MAX_LIMIT = 50


@dataclass(frozen=True)
class Match:
    score: int
    suitable: bool
    reasons: tuple = ()
    seeker: JobSeeker | None = None
    vacancy: Vacancy | None = None


# --- the facts a score is computed from (plain tuples: candidates are not model instances) ----------------------


@dataclass
class SeekerFacts:
    id: int
    region_code: str
    wage_min: int | None
    mobility: str
    not_selective: bool
    registered_on: datetime.date
    status: str
    available_from: datetime.date | None
    birth_date: datetime.date
    sex: str
    education: str
    wanted: list = field(default_factory=list)  # codes in order of preference


SEEKER_FIELDS = ("id", "region_code", "wage_min", "mobility", "not_selective", "registered_on", "status",
                 "available_from", "person__birth_date", "person__sex", "person__education")

VACANCY_FIELDS = ("id", "employer_id", "region_code", "occupation_code", "wage_min", "wage_max", "education_min",
                  "age_min", "age_max", "sex_required", "sex_reason", "opens_on", "closes_on", "status")
V_ID, V_EMPLOYER, V_REGION, V_CODE, V_WAGE_MIN, V_WAGE_MAX, V_EDUCATION, V_AGE_MIN, V_AGE_MAX, V_SEX, V_SEX_REASON, \
    V_OPENS, V_CLOSES, V_STATUS = range(len(VACANCY_FIELDS))


def _seeker_facts(rows, wanted_rows):
    facts = {row[0]: SeekerFacts(*row) for row in rows}
    for seeker_id, code in wanted_rows:  # ordered by rank
        if seeker_id in facts:
            facts[seeker_id].wanted.append(code)
    return facts


def _wanted_of(seeker_ids):
    return WantedOccupation.objects.filter(seeker_id__in=seeker_ids).order_by("seeker_id", "rank", "id").values_list(
        "seeker_id", "occupation_code")


# --- the parts of a score -------------------------------------------------------------------------------------


def shared_level(first, second):
    """How many leading groups two 大典 codes share: 4 for one 细类, ... 1 for one 大类, 0 for none."""
    count = 0
    for one, other in zip(first.split("-"), second.split("-"), strict=False):
        if one != other:
            break
        count += 1
    return count


@lru_cache(maxsize=65536)
def ring_of(seeker_code, work_code):
    """The place ring of the work seen from the seeker's village: 0 same village ... 4 same province, 5 beyond."""
    for ring, level in enumerate(RINGS):
        if scoping.ancestor_code(seeker_code, level) == scoping.ancestor_code(work_code, level):
            return ring
    return BEYOND


def _group_label(code):
    name = classifications.occupation_name(code)
    return f"{code} {name}" if name else code


def evaluate(seeker, vacancy, penalty, *, today, explain):
    """(score, suitable, reasons or None) of SeekerFacts and a vacancy row (VACANCY_FIELDS); `penalty` is the
    worst (points, reason) of the seeker's refusals of this vacancy or its employer, or None."""
    reasons = [] if explain else None
    suitable = True
    code = vacancy[V_CODE]

    level, best = 0, ""
    for wanted in seeker.wanted:
        shared = shared_level(wanted, code)
        if shared > level:
            level, best = shared, wanted
    score = OCCUPATION_POINTS[level]
    needed = 0 if seeker.not_selective else SUITABLE_OCCUPATION_LEVEL
    if level < needed:
        suitable = False
    if explain:
        if level:
            group = "-".join(best.split("-")[:level])
            reasons.append(f"意向职业与岗位同属{LEVEL_NAMES[level]} {_group_label(group)}")
        else:
            reasons.append(f"意向职业与岗位职业（{_group_label(code)}）不属同一大类")
        if level < needed:
            reasons.append("意向职业与岗位不属同一中类，不算合适岗位")
        elif level < SUITABLE_OCCUPATION_LEVEL:
            reasons.append("本人对工作不挑不拣，不限职业")

    ring = ring_of(seeker.region_code, vacancy[V_REGION])
    score += PLACE_POINTS[ring]
    reach = REACH.get(seeker.mobility, 2)
    if ring > reach:
        suitable = False
    if explain:
        if ring > reach:
            reasons.append(f"{PLACE_WORDS[ring]}，超出本人愿意去的范围（{Mobility(seeker.mobility).label}）")
        else:
            reasons.append(PLACE_WORDS[ring])

    offered = vacancy[V_WAGE_MAX] if vacancy[V_WAGE_MAX] is not None else vacancy[V_WAGE_MIN]
    if seeker.wage_min is None or offered is None:
        score += WAGE_UNKNOWN
        if explain:
            reasons.append("未填期望月薪" if seeker.wage_min is None else "岗位未写明月薪")
    elif offered >= seeker.wage_min:
        score += WAGE_MET
        if explain:
            relation = "低于" if seeker.wage_min < offered else "等于"
            reasons.append(f"期望月薪下限 {seeker.wage_min} 元{relation}岗位上限 {offered} 元")
    elif explain:
        reasons.append(f"岗位月薪上限 {offered} 元低于期望月薪下限 {seeker.wage_min} 元")

    minimum = vacancy[V_EDUCATION]
    if not minimum:
        score += EDUCATION_MET
    elif not seeker.education:
        score += EDUCATION_UNKNOWN
        if explain:
            reasons.append(f"文化程度未登记（岗位要求{Education(minimum).label}及以上）")
    elif EDUCATION_STEP.get(seeker.education, 0) >= EDUCATION_STEP.get(minimum, 0):
        score += EDUCATION_MET
        if explain:
            reasons.append(f"文化程度{Education(seeker.education).label}，达到岗位要求（{Education(minimum).label}）")
    else:
        suitable = False
        if explain:
            reasons.append(f"文化程度{Education(seeker.education).label}，低于岗位要求（{Education(minimum).label}）")

    low, high = vacancy[V_AGE_MIN], vacancy[V_AGE_MAX]
    if low is None and high is None:
        score += AGE_MET
    else:
        age = age_on(seeker.birth_date, today)
        if high is not None and age > high:
            suitable = False
            if explain:
                reasons.append(f"年龄 {age} 超出岗位上限 {high}")
        elif low is not None and age < low:
            suitable = False
            if explain:
                reasons.append(f"年龄 {age} 低于岗位下限 {low}")
        else:
            score += AGE_MET
            if explain:
                reasons.append(f"年龄 {age} 在岗位要求的 {low or 16}–{high or '退休年龄'} 岁内")

    required = vacancy[V_SEX]
    if required and seeker.sex != required:
        suitable = False
        if explain:
            reasons.append(f"岗位{SexRequirement(required).label}（{vacancy[V_SEX_REASON]}）")

    if penalty is not None:
        score -= penalty[0]
        if explain:
            reasons.append(penalty[1])

    if explain:
        if vacancy[V_STATUS] != VacancyStatus.OPEN:
            reasons.append(f"岗位{VacancyStatus(vacancy[V_STATUS]).label}")
        elif vacancy[V_CLOSES] is not None and vacancy[V_CLOSES] < today:
            reasons.append(f"岗位已于 {vacancy[V_CLOSES]:%Y-%m-%d} 截止")
        elif vacancy[V_OPENS] > today:
            reasons.append(f"岗位 {vacancy[V_OPENS]:%Y-%m-%d} 起招聘")
        if seeker.status != SeekerStatus.ACTIVE:
            reasons.append("求职登记已结束")
        if seeker.available_from and seeker.available_from > today:
            reasons.append(f"可上岗日期 {seeker.available_from:%Y-%m-%d}")
    if (vacancy[V_STATUS] != VacancyStatus.OPEN or (vacancy[V_CLOSES] is not None and vacancy[V_CLOSES] < today)
            or vacancy[V_OPENS] > today or seeker.status != SeekerStatus.ACTIVE):
        suitable = False
    return max(0, min(100, score)), suitable, reasons


def _penalty(refusals, vacancy_id, employer_id):
    """The worst penalty among a seeker's refusals ({("vacancy", id) or ("employer", id): outcomes})."""
    worst = None
    for key in (("vacancy", vacancy_id), ("employer", employer_id)):
        for outcome in refusals.get(key, ()):
            penalty = PENALTIES[(key[0], outcome)]
            if worst is None or penalty[0] > worst[0]:
                worst = penalty
    return worst


def _refusals(rows):
    """{seeker id: {("vacancy", id) / ("employer", id): {outcomes}}} from (seeker, vacancy, employer, outcome)."""
    found = {}
    for seeker_id, vacancy_id, employer_id, outcome in rows:
        mine = found.setdefault(seeker_id, {})
        mine.setdefault(("vacancy", vacancy_id), set()).add(outcome)
        # A refusal of one vacancy says something of the employer's other vacancies too.
        mine.setdefault(("employer", employer_id), set()).add(outcome)
    return found


def _refusal_rows(**lookup):
    return Referral.objects.filter(outcome__in=REFUSED, **lookup).values_list(
        "seeker_id", "vacancy_id", "vacancy__employer_id", "outcome")


# --- one pair ---------------------------------------------------------------------------------------------------


def assess(seeker, vacancy, *, today):
    """The match of one seeker and one vacancy, with every reason."""
    facts = _seeker_facts(JobSeeker.objects.filter(pk=seeker.pk).values_list(*SEEKER_FIELDS),
                          _wanted_of([seeker.pk]))[seeker.pk]
    row = tuple(getattr(vacancy, name) for name in VACANCY_FIELDS)
    refusals = _refusals(_refusal_rows(seeker_id=seeker.pk, vacancy__employer_id=vacancy.employer_id))
    score, suitable, reasons = evaluate(facts, row, _penalty(refusals.get(seeker.pk, {}), vacancy.pk,
                                                             vacancy.employer_id), today=today, explain=True)
    return Match(score=score, suitable=suitable, reasons=tuple(reasons), seeker=seeker, vacancy=vacancy)


# --- the best-first search --------------------------------------------------------------------------------------


# The rings the search reads one by one: the village, the township, the county, and everything outside the county
# (city, province and beyond read together: few candidates lie there, and one query is cheaper than three; each
# row's own ring is scored and held against the seeker's reach).
FAR = 3
SEARCH_RINGS = (0, 1, 2, FAR)


class _Cells:
    """One queryset compiled once, read cell after cell with conditions added to its WHERE clause: the ORM builds
    the same statement for every cell otherwise, which cost more than the cells' reads (measured ~40% of a call).
    The base queryset has a WHERE clause and no ORDER BY; the columns named are quoted as the ORM quotes them."""

    def __init__(self, queryset, dates):
        self.sql, params = queryset.order_by().query.sql_with_params()
        self.params = list(params)
        self.dates = dates  # positions of date columns (SQLite hands back text)
        if " WHERE " not in self.sql or " ORDER BY " in self.sql:
            raise ValueError("a cell's base needs a WHERE clause and no ORDER BY")

    @staticmethod
    def column(model, name):
        quote = connection.ops.quote_name
        return f"{quote(model._meta.db_table)}.{quote(model._meta.get_field(name).column)}"

    def read(self, conditions, params, limit):
        sql = " AND ".join([self.sql, *conditions]) + f" LIMIT {int(limit)}"
        with connection.cursor() as cursor:
            cursor.execute(sql, self.params + params)
            rows = cursor.fetchall()
        if rows and self.dates and isinstance(rows[0][self.dates[0]], str):
            rows = [tuple(datetime.date.fromisoformat(value) if index in self.dates and value else value
                          for index, value in enumerate(row)) for row in rows]
        return rows


def _ring_sql(column, code, ring):
    """The SQL condition and parameters of search ring `ring` around `code` on a region-code column."""
    if ring == FAR:
        return f"NOT ({column} BETWEEN %s AND %s)", list(scoping.code_range(scoping.code_prefix(code, Level.COUNTY)))
    inside = list(scoping.code_range(scoping.code_prefix(code, RINGS[ring])))
    if ring == 0:
        return f"{column} BETWEEN %s AND %s", inside
    outside = list(scoping.code_range(scoping.code_prefix(code, RINGS[ring - 1])))
    return f"{column} BETWEEN %s AND %s AND NOT ({column} BETWEEN %s AND %s)", inside + outside


def _in_sql(column, values, *, negate=False):
    marks = ", ".join(["%s"] * len(values))
    return f"{column} {'NOT IN' if negate else 'IN'} ({marks})", list(values)


@dataclass(frozen=True)
class Cell:
    can_be_suitable: bool
    bound: int  # the best score a candidate of the cell can have
    level: int  # the occupation group shared
    ring: int
    selective: bool | None = None  # seekers for a vacancy: only (not) 不挑不拣 ones; None: both


def _ordered(cells):
    return sorted(cells, key=lambda cell: (not cell.can_be_suitable, -cell.bound, -cell.level, cell.ring))


def _bound(level, ring):
    return OCCUPATION_POINTS[level] + PLACE_POINTS[ring] + REST


def _done(ranked, limit, remaining):
    """Whether the list's `limit`-th entry beats the best any remaining cell could hold (ties go on reading)."""
    if len(ranked) < limit:
        return False
    suitable, score = ranked[limit - 1][0], ranked[limit - 1][1]
    return all((suitable and not cell.can_be_suitable) or (suitable == cell.can_be_suitable and score > cell.bound)
               for cell in remaining)


def _clamp(limit):
    return max(1, min(int(limit), MAX_LIMIT))


def _ancestor(code, level):
    parts = code.split("-")
    return "-".join(parts[:level]) if len(parts) >= level else None


_codes = {"count": -1, "codes": ()}


def _occupation_codes():
    """Every code of the 大典 table, sorted (kept per process; read again when the table's size changes, as an
    administrator's import adds codes)."""
    count = Occupation.objects.count()
    if count != _codes["count"]:
        _codes["codes"] = tuple(sorted(Occupation.objects.values_list("code", flat=True)))
        _codes["count"] = count
    return _codes["codes"]


def _codes_under(codes, group):
    """The codes of `group` and below it, from the sorted `codes` (a group's codes sort together)."""
    found = []
    for index in range(bisect_left(codes, group), len(codes)):
        code = codes[index]
        if code != group and not code.startswith(f"{group}-"):
            break
        found.append(code)
    return found


def _codes_sharing(codes, wanted, level):
    """The set of codes sharing at least the group at `level` with one of `wanted` (None: no wanted code is that
    fine). A wanted code the table lacks still matches itself."""
    found, any_group = set(), False
    for code in wanted:
        group = _ancestor(code, level)
        if group is not None:
            any_group = True
            found.add(group)
            found.update(_codes_under(codes, group))
    return found if any_group else None


def _education_at_least(minimum):
    return [code for code, step in EDUCATION_STEP.items() if step >= EDUCATION_STEP[minimum]]


def _vacancies_without_conflict(facts, today):
    """Open vacancies whose sex, age and education requirements the seeker meets (an unrecorded education is
    not a conflict)."""
    age = age_on(facts.birth_date, today)
    rows = Vacancy.objects.filter(status=VacancyStatus.OPEN, opens_on__lte=today, sex_required__in=["", facts.sex])
    rows = rows.filter(Q(closes_on__isnull=True) | Q(closes_on__gte=today))
    rows = rows.filter(Q(age_min__isnull=True) | Q(age_min__lte=age), Q(age_max__isnull=True) | Q(age_max__gte=age))
    if facts.education:
        step = EDUCATION_STEP.get(facts.education, 0)
        rows = rows.filter(education_min__in=[""] + [code for code, need in EDUCATION_STEP.items() if need <= step])
    return rows


def matches_for_seeker(seeker, *, limit=10, today):
    """The best open vacancies for `seeker` (Match with .vacancy, its employer loaded), best first. Listed:
    vacancies within the seeker's reach, without a sex, age or education conflict, sharing at least a 大类
    with a wanted occupation (any, when 不挑不拣)."""
    limit = _clamp(limit)
    facts = _seeker_facts(JobSeeker.objects.filter(pk=seeker.pk).values_list(*SEEKER_FIELDS),
                          _wanted_of([seeker.pk]))[seeker.pk]
    refusals = _refusals(_refusal_rows(seeker_id=seeker.pk)).get(seeker.pk, {})
    lowest = 0 if facts.not_selective else LISTED_OCCUPATION_LEVEL
    suitable_from = 0 if facts.not_selective else SUITABLE_OCCUPATION_LEVEL
    reach = REACH.get(facts.mobility, 2)
    candidates = _vacancies_without_conflict(facts, today)
    cells = _ordered(Cell(level >= suitable_from, _bound(level, ring), level, ring)
                     for level in range(4, lowest - 1, -1) for ring in SEARCH_RINGS if ring <= reach)
    ranked, seen = [], set()
    codes = _occupation_codes()
    sharing = {level: _codes_sharing(codes, facts.wanted, level) for level in range(1, 5)}
    base = _Cells(candidates.values_list(*VACANCY_FIELDS), dates=(V_OPENS, V_CLOSES))
    region, occupation = _Cells.column(Vacancy, "region_code"), _Cells.column(Vacancy, "occupation_code")
    for index, cell in enumerate(cells):
        ring_sql, params = _ring_sql(region, facts.region_code, cell.ring)
        if cell.level:
            if sharing[cell.level] is None:
                continue
            codes_sql, codes = _in_sql(occupation, sorted(sharing[cell.level] - (sharing.get(cell.level + 1) or set())))
        elif sharing[1] is not None:
            codes_sql, codes = _in_sql(occupation, sorted(sharing[1]), negate=True)
        else:
            codes_sql, codes = "1 = 1", []
        rows = base.read([ring_sql, codes_sql], params + codes, CELL_CAP)
        for row in rows:
            if row[V_ID] in seen or (cell.ring == FAR and ring_of(facts.region_code, row[V_REGION]) > reach):
                continue
            seen.add(row[V_ID])
            score, suitable, _ = evaluate(facts, row, _penalty(refusals, row[V_ID], row[V_EMPLOYER]), today=today,
                                          explain=False)
            ranked.append((suitable, score, row))
        ranked.sort(key=lambda item: (not item[0], -item[1], item[2][V_OPENS], item[2][V_ID]))
        del ranked[limit:]
        if _done(ranked, limit, cells[index + 1:]):
            break
    vacancies = Vacancy.objects.select_related("employer").in_bulk([row[V_ID] for _s, _score, row in ranked])
    out = []
    for _suitable, _score, row in ranked:
        score, suitable, reasons = evaluate(facts, row, _penalty(refusals, row[V_ID], row[V_EMPLOYER]), today=today,
                                            explain=True)
        out.append(Match(score=score, suitable=suitable, reasons=tuple(reasons), seeker=seeker,
                         vacancy=vacancies[row[V_ID]]))
    return out


WANTED_COLUMNS = {4: "occupation_code", 3: "minor", 2: "mid", 1: "major"}


def _people_without_conflict(vacancy, today, person):
    """The conditions (on the seeker's person, reached by `person`) of meeting the vacancy's sex, age and education
    requirements; an unrecorded education is not a conflict."""
    condition = Q()
    if vacancy.sex_required:
        condition &= Q(**{f"{person}sex": vacancy.sex_required})
    if vacancy.age_min is not None:
        condition &= Q(**{f"{person}birth_date__lte": years_before(today, vacancy.age_min)})
    if vacancy.age_max is not None:
        condition &= Q(**{f"{person}birth_date__gt": years_before(today, vacancy.age_max + 1)})
    if vacancy.education_min:
        condition &= Q(**{f"{person}education__in": ["", *_education_at_least(vacancy.education_min)]})
    return condition


def matches_for_vacancy(vacancy, *, limit=10, today, user=None):
    """The best active seekers for `vacancy` (Match with .seeker, its person loaded), best first; with `user`, only
    seekers in that user's scope. Listed: seekers who would go there, without a sex, age or education conflict,
    sharing at least a 大类 with the vacancy (any occupation, when 不挑不拣)."""
    limit = _clamp(limit)
    row = tuple(getattr(vacancy, name) for name in VACANCY_FIELDS)
    code, place = vacancy.occupation_code, vacancy.region_code
    refusals = _refusals(_refusal_rows(vacancy__employer_id=vacancy.employer_id))
    deepest = min(len(code.split("-")), 4)
    cells = []
    for ring in SEARCH_RINGS:
        for level in range(deepest, SUITABLE_OCCUPATION_LEVEL - 1, -1):
            cells.append(Cell(True, _bound(level, ring), level, ring))
        # Sharing a 大类 or nothing: suitable for a 不挑不拣 seeker only; a selective one sharing the 大类 is listed
        # after every suitable seeker.
        cells += [Cell(True, _bound(1, ring), 1, ring, selective=False), Cell(False, _bound(1, ring), 1, ring, True),
                  Cell(True, _bound(0, ring), 0, ring, selective=False)]
    cells = _ordered(cells)
    wanted = WantedOccupation.objects.filter(active=True).filter(_people_without_conflict(vacancy, today,
                                                                                          "seeker__person__"))
    seekers = JobSeeker.objects.filter(status=SeekerStatus.ACTIVE).filter(_people_without_conflict(vacancy, today,
                                                                                                 "person__"))
    if user is not None:
        wanted, seekers = scoping.visible_to(user, wanted), scoping.visible_to(user, seekers)
    # Each cell's rows carry their seeker's facts and one wanted code: a seeker is scored on the codes seen so
    # far, and scored again when a later cell shows a closer one (a seeker whose closest code lies in a cell not
    # read yet scores at most that cell's bound, which the stopping rule already holds against the list).
    evaluated, ranked = {}, []
    wanted_base = _Cells(wanted.filter(seeker__status=SeekerStatus.ACTIVE).values_list(
        *[f"seeker__{name}" if name != "id" else "seeker_id" for name in SEEKER_FIELDS], "occupation_code"),
        dates=(5, 7, 8))
    seekers_base = _Cells(seekers.values_list(*SEEKER_FIELDS), dates=(5, 7, 8))
    wanted_region = _Cells.column(WantedOccupation, "region_code")
    mobility, selective = _Cells.column(JobSeeker, "mobility"), _Cells.column(JobSeeker, "not_selective")
    seeker_region = _Cells.column(JobSeeker, "region_code")
    for index, cell in enumerate(cells):
        # Seekers whose village lies in the ring and who will go that far (a seeker of the vacancy's own
        # village goes anywhere in it).
        reaching = [value for value, reach in REACH.items() if reach >= cell.ring]
        if cell.level:
            conditions, params = [], []
            for sql, values in (_ring_sql(wanted_region, place, cell.ring),
                                (f"{_Cells.column(WantedOccupation, WANTED_COLUMNS[cell.level])} = %s",
                                 [_ancestor(code, cell.level)])):
                conditions.append(sql)
                params += values
            if cell.level < deepest:
                conditions.append(f"{_Cells.column(WantedOccupation, WANTED_COLUMNS[cell.level + 1])} <> %s")
                params.append(_ancestor(code, cell.level + 1))
            if cell.ring:
                sql, values = _in_sql(mobility, reaching)
                conditions.append(sql)
                params += values
            if cell.selective is not None:
                conditions.append(f"{selective} = %s")
                params.append(not cell.selective)
            rows = wanted_base.read(conditions, params, CELL_CAP)
        else:  # no group in common: 不挑不拣 seekers only
            ring_sql, params = _ring_sql(seeker_region, place, cell.ring)
            conditions = [ring_sql, f"{selective} = %s"]
            params.append(True)
            if cell.ring:
                sql, values = _in_sql(mobility, reaching)
                conditions.append(sql)
                params += values
            rows = seekers_base.read(conditions, params, CELL_CAP)
        changed = False
        for values in rows:  # read in index order: LIMIT stops early
            seeker_facts = evaluated.get(values[0], (None, None, None))[2]
            if seeker_facts is None:
                seeker_facts = SeekerFacts(*values[:len(SEEKER_FIELDS)])
                if cell.ring == FAR and ring_of(seeker_facts.region_code, place) > REACH.get(seeker_facts.mobility, 2):
                    continue
            elif len(values) == len(SEEKER_FIELDS) or values[-1] in seeker_facts.wanted:
                continue
            if len(values) > len(SEEKER_FIELDS):
                seeker_facts.wanted.append(values[-1])
            score, suitable, _ = evaluate(seeker_facts, row, _penalty(refusals.get(values[0], {}), vacancy.pk,
                                                                      vacancy.employer_id), today=today, explain=False)
            evaluated[values[0]] = (suitable, score, seeker_facts)
            changed = True
        if changed:
            ranked = heapq.nsmallest(limit, evaluated.values(),
                                     key=lambda item: (not item[0], -item[1], item[2].registered_on, item[2].id))
        if _done(ranked, limit, cells[index + 1:]):
            break
    # The list's seekers scored again on all their wanted occupations, with the reasons.
    ids = [facts.id for _s, _score, facts in ranked]
    full = _seeker_facts(JobSeeker.objects.filter(pk__in=ids).values_list(*SEEKER_FIELDS), _wanted_of(ids))
    ranked = [(suitable, score, full[facts.id]) for suitable, score, facts in ranked]
    loaded = JobSeeker.objects.select_related("person").prefetch_related("wanted").in_bulk(ids)
    out = []
    for _suitable, _score, facts in ranked:
        score, suitable, reasons = evaluate(facts, row, _penalty(refusals.get(facts.id, {}), vacancy.pk,
                                                                 vacancy.employer_id), today=today, explain=True)
        out.append(Match(score=score, suitable=suitable, reasons=tuple(reasons), seeker=loaded[facts.id],
                         vacancy=vacancy))
    # Exact already, unless a capped cell hid a closer code of one of them: the order is taken again.
    out.sort(key=lambda match: (not match.suitable, -match.score, match.seeker.registered_on, match.seeker.pk))
    return out
