"""Demo referrals for `hrss demo`: the demo job seekers of 下城社区 referred to open vacancies by the township's
officer (`shangcheng`): one hired (its employment registration follows), one refused with a reason, the others
waiting for the employer's answer. Nothing when 下城社区 has referrals already, or the seekers, vacancies or the
demo user are missing."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from hrss.accounts.models import User
from hrss.jobservices.models import JobSeeker, Referral, SeekerStatus, Vacancy, VacancyStatus
from hrss.jobservices.referrals import services
from hrss.jobservices.seekers import matching

DEMO_VILLAGE = "441602001003"  # 下城社区


def _best_vacancy(seeker, today, taken):
    """The seeker's best match not given to another demo seeker, else any open vacancy."""
    for match in matching.matches_for_seeker(seeker, limit=10, today=today):
        if match.vacancy is not None and match.vacancy.pk not in taken:
            return match.vacancy
    return (Vacancy.objects.filter(status=VacancyStatus.OPEN, opens_on__lte=today).exclude(pk__in=taken)
            .order_by("pk").first())


def make_demo_referrals(stdout, options):
    officer = User.objects.filter(username="shangcheng").first()
    if officer is None or Referral.objects.filter(region_code=DEMO_VILLAGE).exists():
        return None
    today = timezone.localdate()
    seekers = list(JobSeeker.objects.filter(region_code=DEMO_VILLAGE, status=SeekerStatus.ACTIVE)
                   .select_related("person").order_by("pk")[:4])
    made, taken = [], set()
    for index, seeker in enumerate(seekers):
        vacancy = _best_vacancy(seeker, today, taken)
        if vacancy is None:
            break
        referred_on = max(today - datetime.timedelta(days=5 - index), vacancy.opens_on, seeker.registered_on)
        try:
            referral = services.refer(actor=officer, seeker=seeker, vacancy=vacancy, today=referred_on)
            if index == 0:
                services.record_outcome(actor=officer, referral=referral, outcome="hired", outcome_on=today,
                                        note="单位回执：已录用", today=today)
            elif index == 1:
                services.record_outcome(actor=officer, referral=referral, outcome="refused_with_reason",
                                        outcome_on=today, note="岗位需倒班，本人需照顾老人", today=today)
        except ValidationError as error:
            stdout.write(f"演示推荐未能生成（{seeker.person.name}）：{'；'.join(error.messages)}")
            continue
        made.append(referral)
        taken.add(vacancy.pk)
    if made:
        stdout.write(f"就业服务：推荐就业 {len(made)} 条（下城社区，含录用和拒绝各一条）。")
    return None
