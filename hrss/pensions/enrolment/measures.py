"""How this part's cases measure the platform's targets (core.targets, the network area's 五个100%): target 2,
“对参保资料齐全的群众100%当天办结参保手续”, counted as the part's own KPI page counts it (selectors.same_day_q):
the enrolments whose documents became complete in the period, and those of them enrolled that same day."""

from hrss.core import targets
from hrss.core.targets import Measure, Missed
from hrss.pensions.enrolment.selectors import same_day_q
from hrss.pensions.models import Enrolment

DEFINITION = ("分母：统计期内材料齐全（最后一份材料交齐之日在统计期内）的城乡居民养老保险参保登记，按参保地（村、社区）计；"
              "分子：其中参保日期即材料齐全当天的。材料不全的受理不计入（待补齐材料）。")


def _rows(first, last):
    return Enrolment.objects.filter(documents_complete_on__range=(first, last))


def count(region, first, last, today):
    return targets.counted(targets.within(_rows(first, last), region), same_day_q())


def grouped(first, last, today):
    return targets.counted_by_code(_rows(first, last), same_day_q())


def missed(region, first, last, today):
    rows = (targets.within(_rows(first, last), region).exclude(same_day_q()).select_related("person")
            .order_by("region_code", "person__name", "pk"))
    return [Missed(row.person_id, row.person.name, row.person.id_number, row.region_code,
                   f"材料齐全日期{row.documents_complete_on:%Y-%m-%d}，"
                   + (f"参保日期{row.enrolled_on:%Y-%m-%d}（未当天办结）" if row.enrolled_on else "尚未办结参保"))
            for row in rows]


SAME_DAY_ENROLMENT = Measure(target="same_day_enrolment", label="材料齐全当天办结参保", count=count, grouped=grouped,
                             missed=missed, definition=DEFINITION)
