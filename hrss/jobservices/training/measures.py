"""How this part's records measure the platform's targets (core.targets, the network area's 五个100%): target 4,
“100%有培训就业需求的农村劳动力享受免费技能培训服务”, counted with the rules of this part's KPI page (kpi.py:
candidates, trained) on the period's last day, for a region instead of a user's scope."""

from hrss.core import targets
from hrss.core.targets import Measure, Missed
from hrss.jobservices.training import kpi
from hrss.residents.models import Person

DEFINITION = ("统计期最后一天（本月为今天）。分母：" + kpi.DEFINITION.replace("得到免费培训：", "分子：其中得到免费培训的：")
              + "户籍、劳动力状态按当前台账。按所在村（社区）计。")


def count(region, first, last, today):
    return targets.counted(kpi.candidates(targets.within(Person.objects.all(), region), last), kpi.trained(last))


def grouped(first, last, today):
    return targets.counted_by_code(kpi.candidates(Person.objects.all(), last), kpi.trained(last))


def missed(region, first, last, today):
    rows = (kpi.candidates(targets.within(Person.objects.all(), region), last).exclude(kpi.trained(last))
            .order_by("region_code", "name", "pk"))
    return [Missed(person.pk, person.name, person.id_number, person.region_code,
                   f"有培训需求，截至{last:%Y-%m-%d}未参加免费技能培训") for person in rows]


RURAL_TRAINING = Measure(target="rural_training", label="有培训需求的农村劳动力得到免费技能培训", count=count,
                         grouped=grouped, missed=missed, definition=DEFINITION)
