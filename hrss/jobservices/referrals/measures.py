"""How this area's cases measure the platform's targets (core.targets, the network area's 五个100%), counted with the
rules of this part's KPI pages (kpi.py), for a region and a period instead of a user's scope:

- target 1, “免费为100%有就业愿望且对工作不挑不拣的劳动者在10个工作日内提供合适的就业岗位”: the 不挑不拣 求职登记
  registered in the period whose 10 working days (core.workdays) have run out or who had a suitable offer
  (kpi.offer_rows: on time or late); those offered on or before the 10th working day count in the numerator.
- target 3, “100%的劳动者得到免费公共就业服务”: the people who on the period's last day had an open 求职登记 or stood
  registered unemployed (失业登记), and those of them with a free service recorded by that day (kpi.served_people:
  a referral, a 职业指导 record or a training enrolment)."""

from collections import Counter

from django.db.models import Q

from hrss.core import targets
from hrss.core.targets import Measure, Missed
from hrss.employment.models import Standing, UnemploymentRegistration
from hrss.jobservices.models import JobSeeker
from hrss.jobservices.referrals import kpi
from hrss.residents.models import Person

# --- target 1 ----------------------------------------------------------------------------------------------------

OFFER_DEFINITION = (
    "分母：统计期内登记求职、标明“对工作不挑不拣”的求职登记中，已到期（求职登记日后第10个工作日已过，按节假日安排计算）"
    "或已获推荐合适岗位的，按求职登记所在村（社区）计；分子：其中在第10个工作日当天或之前获推荐合适岗位（推荐时匹配为合适岗位）的。"
    "尚未到期且未获推荐的暂不计入；到期前已结束求职（已就业、本人不再求职、迁出）且未获推荐的不计入；"
    "所在年份节假日安排未录入、无法计算期限的不计入。")


def _seekers(first, last):
    return JobSeeker.objects.filter(not_selective=True, registered_on__range=(first, last))


def _decided(rows):
    return [row for row in rows if row.status in (kpi.ON_TIME, kpi.LATE)]


def offer_count(region, first, last, today):
    rows = _decided(kpi.offer_rows(targets.within(_seekers(first, last), region), today=today))
    return sum(row.status == kpi.ON_TIME for row in rows), len(rows)


def offer_grouped(first, last, today):
    numerators, denominators = Counter(), Counter()
    for row in _decided(kpi.offer_rows(_seekers(first, last), today=today)):
        denominators[row.region_code] += 1
        numerators[row.region_code] += row.status == kpi.ON_TIME
    return {code: (numerators[code], denominators[code]) for code in denominators}


def offer_missed(region, first, last, today):
    out = []
    for row in kpi.offer_rows(targets.within(_seekers(first, last), region), today=today):
        if row.status != kpi.LATE:
            continue
        what = f"求职登记{row.registered_on:%Y-%m-%d}，应在{row.due_on:%Y-%m-%d}（第10个工作日）前提供合适岗位，"
        what += f"{row.offer_on:%Y-%m-%d}才推荐" if row.offer_on else "至今未推荐合适岗位"
        out.append(Missed(row.person_id, row.name, row.id_number, row.region_code, what))
    return out


JOB_OFFER_10_DAYS = Measure(target="job_offer_10_days", label="不挑不拣求职者10个工作日内获推荐合适岗位",
                            count=offer_count, grouped=offer_grouped, missed=offer_missed,
                            definition=OFFER_DEFINITION)

# --- target 3 ----------------------------------------------------------------------------------------------------

SERVICE_DEFINITION = (
    "分母：统计期最后一天（本月为今天）有未结束的求职登记，或处于登记失业状态的劳动者（每人计一次，按求职登记所在村（社区），"
    "无求职登记的按失业登记受理村（社区）计）；分子：其中截至当天已得到至少一次免费公共就业服务的：推荐就业、职业指导或参加培训。"
    "未到公共就业服务机构登记的劳动者系统无从统计，不计入。")


def _population(region, day):
    """{person id: the village counted in} of the people of `region` (or all) looking for work on `day`, and the
    two querysets of their ids (kpi.served_people reads them as subqueries)."""
    seekers = JobSeeker.objects.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day), registered_on__lte=day)
    unemployed = UnemploymentRegistration.objects.filter(
        Q(cancelled_on__isnull=True) | Q(cancelled_on__gt=day), registered_on__lte=day,
        standing__in=[Standing.REGISTERED, Standing.CANCELLED])
    if region is not None:
        seekers, unemployed = targets.within(seekers, region), targets.within(unemployed, region)
    people = dict(unemployed.values_list("person_id", "region_code"))
    people.update(seekers.values_list("person_id", "region_code"))  # the seeker's village first
    return people, [seekers.values("person_id"), unemployed.values("person_id")]


def service_count(region, first, last, today):
    people, subqueries = _population(region, last)
    served = kpi.served_people(subqueries, today=last)
    return sum(person_id in served for person_id in people), len(people)


def service_grouped(first, last, today):
    people, subqueries = _population(None, last)
    served = kpi.served_people(subqueries, today=last)
    numerators, denominators = Counter(), Counter()
    for person_id, code in people.items():
        denominators[code] += 1
        numerators[code] += person_id in served
    return {code: (numerators[code], denominators[code]) for code in denominators}


def service_missed(region, first, last, today):
    people, subqueries = _population(region, last)
    missing = set(people) - kpi.served_people(subqueries, today=last)
    rows = Person.objects.filter(pk__in=list(missing)).order_by("region_code", "name", "pk")
    return [Missed(person.pk, person.name, person.id_number, people[person.pk],
                   f"截至{last:%Y-%m-%d}未得到推荐就业、职业指导或培训服务") for person in rows]


FREE_EMPLOYMENT_SERVICES = Measure(target="free_employment_services", label="求职和登记失业人员得到免费公共就业服务",
                                   count=service_count, grouped=service_grouped, missed=service_missed,
                                   definition=SERVICE_DEFINITION)
