"""The training-subsidy claim's review chain and the subsidy amounts, as dated configuration.

A claim (培训补贴申领) is prepared for one course and its completed trainees by the office that ran the course: the
township's 经办员 (or, for a course the county runs, the county's 经办员), then the county's 经办员 checks it (the
officer who prepared a claim does not check it: services.decide_claim) and the county's 审批员 approves it.
Which role does what, and the working days of each step, are [believed], not sourced; a changed rule is a new
(date, value) pair, and a claim already under way keeps the deadline of the day it reached the step.

Amounts per qualified trainee, by course kind and certificate, in yuan, in force on the day the trainee completed
the course (结业日期). All [believed]: 河源's 2011 figures were not found. The shape follows 财社〔2008〕8号 (补贴 by
the certificate gained) and the 2019 职业技能提升行动 (a higher rate for a 职业技能等级证书 from 2019-05-01); the SYB
figure is Guangdong's 创业培训补贴 as commonly quoted (1,000 yuan per 合格学员)."""

import datetime

from hrss.core.permissions import Role
from hrss.core.review import Chain, Step
from hrss.jobservices.models import CertificateKind, CourseKind

SINCE_2010 = datetime.date(2010, 1, 1)
SKILLS_UPGRADE_FROM = datetime.date(2019, 5, 1)  # 国办发〔2019〕24号 职业技能提升行动 [believed]

# Working days at each step [believed].
COUNTY_HANDLING_DAYS = ((SINCE_2010, 10),)
COUNTY_APPROVAL_DAYS = ((SINCE_2010, 10),)

PREPARING_ROLES = frozenset({Role.TOWNSHIP_OFFICER, Role.COUNTY_OFFICER})

TRAINING_SUBSIDY = Chain(
    case_type="jobservices.training_subsidy",
    label="培训补贴申领",
    steps=(
        Step("office_prepare", "举办地经办员申报（乡镇(街道)或县(区)经办员）", PREPARING_ROLES, moves=frozenset()),
        Step("county_handling", "县(区)经办（经办员复核）", frozenset({Role.COUNTY_OFFICER}),
             deadline_days=COUNTY_HANDLING_DAYS),
        Step("county_approval", "县(区)审批（审批员）", frozenset({Role.COUNTY_APPROVER}),
             deadline_days=COUNTY_APPROVAL_DAYS),
    ),
)

# (course kind, certificate kind) -> ((effective from, yuan per trainee), ...), dates ascending. A pair not listed
# earns no subsidy (a course of kind "other", or a certificate that does not fit the course).
SUBSIDY_PER_TRAINEE = {
    (CourseKind.SYB, CertificateKind.START_UP): ((SINCE_2010, 1000),),
    (CourseKind.SKILLS, CertificateKind.QUALIFICATION): ((SINCE_2010, 800), (SKILLS_UPGRADE_FROM, 1000)),
    (CourseKind.SKILLS, CertificateKind.SKILL_LEVEL): ((SINCE_2010, 800), (SKILLS_UPGRADE_FROM, 1500)),
    (CourseKind.SKILLS, CertificateKind.SPECIAL_ABILITY): ((SINCE_2010, 500), (SKILLS_UPGRADE_FROM, 600)),
    (CourseKind.SKILLS, CertificateKind.TRAINING): ((SINCE_2010, 300),),
    (CourseKind.RURAL_TRANSFER, CertificateKind.TRAINING): ((SINCE_2010, 400), (SKILLS_UPGRADE_FROM, 600)),
    (CourseKind.RURAL_TRANSFER, CertificateKind.SPECIAL_ABILITY): ((SINCE_2010, 500), (SKILLS_UPGRADE_FROM, 600)),
    (CourseKind.RURAL_TRANSFER, CertificateKind.SKILL_LEVEL): ((SINCE_2010, 800), (SKILLS_UPGRADE_FROM, 1500)),
}


def in_force(pairs, day):
    """The value of dated configuration ((effective from, value), ...) on `day`; None before the first date."""
    value = None
    for effective_from, candidate in pairs:
        if effective_from <= day:
            value = candidate
    return value


def subsidy_for(course_kind, certificate_kind, completed_on):
    """Yuan per qualified trainee for a course of `course_kind` completed on `completed_on` with a certificate of
    `certificate_kind`: 0 when none is due."""
    pairs = SUBSIDY_PER_TRAINEE.get((course_kind, certificate_kind))
    if not pairs or completed_on is None:
        return 0
    return in_force(pairs, completed_on) or 0
