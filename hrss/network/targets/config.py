"""The plan's 五个100% as dated configuration (core.dated): each target's code (the key an area's measure names,
core.targets.Measure.target), its number, and its wording by the day it applies from. A later plan that rewords a
target or adds one is a new row; the figures of a month read the wording in force on the month's first day.

Source: 河源市人民政府办公室《关于加强基层人力资源社会保障公共服务平台建设的实施意见》(2011-11-21), section 三(三)
(../shared/seed/heyuan-2011-platform-plan.txt, domain-rules §10) [sourced: S-plan]."""

import datetime
from dataclasses import dataclass

from hrss.core.dated import in_force

PLAN_DAY = datetime.date(2011, 11, 21)

JOB_OFFER_10_DAYS = "job_offer_10_days"
SAME_DAY_ENROLMENT = "same_day_enrolment"
FREE_EMPLOYMENT_SERVICES = "free_employment_services"
RURAL_TRAINING = "rural_training"
INSURANCE_SERVICES = "insurance_services"


@dataclass(frozen=True)
class Target:
    code: str
    number: int  # 之一 … 之五
    short: str  # a column's heading
    titles: tuple  # ((effective from, the plan's wording), ...), dates ascending

    def title_on(self, day):
        return in_force(self.titles, day)

    def in_force_on(self, day):
        return self.title_on(day) is not None


TARGETS = (
    Target(JOB_OFFER_10_DAYS, 1, "10个工作日内提供合适岗位", (
        (PLAN_DAY, "免费为100%有就业愿望且对工作不挑不拣的劳动者在10个工作日内提供合适的就业岗位"),)),
    Target(SAME_DAY_ENROLMENT, 2, "参保手续当天办结", (
        (PLAN_DAY, "对参保资料齐全的群众100%当天办结参保手续"),)),
    Target(FREE_EMPLOYMENT_SERVICES, 3, "得到免费公共就业服务", (
        (PLAN_DAY, "100%的劳动者得到免费公共就业服务"),)),
    Target(RURAL_TRAINING, 4, "农村劳动力免费技能培训", (
        (PLAN_DAY, "100%有培训就业需求的农村劳动力享受免费技能培训服务"),)),
    Target(INSURANCE_SERVICES, 5, "城乡居民得到社会保险服务", (
        (PLAN_DAY, "100%的城乡居民得到社会保险服务"),)),
)

_extra = []  # targets added by a test (a target no area measures), see add_target


def targets_on(day):
    """The targets in force on `day`, in their order."""
    return [target for target in (*TARGETS, *_extra) if target.in_force_on(day)]


def target(code):
    for found in (*TARGETS, *_extra):
        if found.code == code:
            return found
    return None


def add_target(found):
    """A target beside the plan's five (tests: a target that no area measures is shown as not measured)."""
    _extra.append(found)


def remove_target(code):
    _extra[:] = [found for found in _extra if found.code != code]
