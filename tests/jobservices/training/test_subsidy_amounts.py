"""The subsidy per qualified trainee is dated configuration: the amount in force on the day the trainee
completed, by course kind and certificate."""

import datetime

from hrss.jobservices.training import chains, services
from tests.conftest import TODAY

UPGRADE = chains.SKILLS_UPGRADE_FROM  # 2019-05-01


def test_the_amount_changes_on_its_effective_date():
    before = UPGRADE - datetime.timedelta(days=1)
    assert chains.subsidy_for("skills", "skill_level", before) == 800
    assert chains.subsidy_for("skills", "skill_level", UPGRADE) == 1500
    assert chains.subsidy_for("syb", "start_up", before) == chains.subsidy_for("syb", "start_up", UPGRADE) == 1000


def test_no_amount_before_the_first_date_or_for_a_pair_not_listed():
    assert chains.subsidy_for("syb", "start_up", datetime.date(2009, 12, 31)) == 0
    assert chains.subsidy_for("other", "training", TODAY) == 0
    assert chains.subsidy_for("syb", "skill_level", TODAY) == 0  # not the certificate of a SYB course
    assert chains.subsidy_for("skills", "", TODAY) == 0  # no certificate


def test_each_trainee_is_claimed_at_the_amount_of_their_completion_day(make_course, resident, county_officer):
    course = make_course(starts_on=datetime.date(2019, 4, 1), ends_on=datetime.date(2019, 5, 10))
    early, late, none = resident(name="早"), resident(name="晚"), resident(name="无证")
    for person, day, kind in ((early, datetime.date(2019, 4, 30), "skill_level"),
                              (late, datetime.date(2019, 5, 1), "skill_level"),
                              (none, datetime.date(2019, 5, 1), "")):
        enrolment = services.enrol(actor=county_officer, course=course, person=person, today=course.starts_on)
        services.complete(actor=county_officer, enrolment=enrolment, certificate_kind=kind,
                          certificate_number="S" if kind else "", completed_on=day, today=day)
    amounts = {enrolment.person.name: amount for enrolment, amount in services.claimable_enrolments(course)}
    assert amounts == {"早": 800, "晚": 1500}
    claim = services.prepare_subsidy_claim(actor=county_officer, course=course)
    assert claim.total == 2300
