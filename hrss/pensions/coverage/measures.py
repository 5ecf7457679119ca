"""How this part's records measure the platform's targets (core.targets, the network area's 五个100%): target 5,
“100%的城乡居民得到社会保险服务”, counted as the part's own coverage page counts it (selectors.tally_rows and
people_in_scope, rules.coverage_scope_on): on the period's last day, the residents in scope and those of them
insured. The platform holds the pension schemes only (the employees' scheme as given, enterprise retirees, the
residents' pension): medical and other insurance are not recorded, so "得到社会保险服务" is counted as being in a
pension scheme or drawing a pension."""

from hrss.core import targets
from hrss.core.targets import Measure, Missed
from hrss.pensions.coverage import rules
from hrss.pensions.coverage.selectors import UNINSURED, Counts, people_in_scope, tally_rows
from hrss.residents.models import Person

CODE_DIGITS = 12  # tally's prefix length that keeps the whole village code


def definition():
    scope = rules.COVERAGE_SCOPE[-1][1]
    return (f"分母：统计期最后一天（本月为今天）台账中年满{scope.minimum_age}周岁、"
            + ("非在校学生、" if scope.students_excluded else "")
            + "未死亡的居民，按所在村（社区）计；分子：其中职工养老保险在保、企业退休、领取居民养老金或城乡居民养老保险参保缴费的。"
            "系统只有养老保险数据，医疗等其他险种未纳入，故“得到社会保险服务”按参加养老保险或领取养老金统计。")


def count(region, first, last, today):
    found = tally_rows(lambda rows: targets.within(rows, region), last).get("", Counts())
    return found.insured, found.in_scope


def grouped(first, last, today):
    return {code: (found.insured, found.in_scope)
            for code, found in tally_rows(lambda rows: rows, last, CODE_DIGITS).items()}


def missed(region, first, last, today):
    rows = (people_in_scope(targets.within(Person.objects.all(), region), last).filter(coverage=UNINSURED)
            .order_by("region_code", "name", "pk"))
    return [Missed(person.pk, person.name, person.id_number, person.region_code,
                   f"截至{last:%Y-%m-%d}未参加养老保险、未领取养老金")
            for person in rows]


INSURANCE_SERVICES = Measure(target="insurance_services", label="城乡居民参加养老保险", count=count, grouped=grouped,
                             missed=missed, definition=definition())
