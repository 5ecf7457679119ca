"""A review move is on time when made on or before its step's deadline, counted in working days from the day the
step started (the case's previous move, or its opening), holidays not counted: on the due day it is on time, on the
next working day late. A case sent back and forwarded again at the same step counts once, late if either was."""

import datetime

from hrss.core import review, workdays
from hrss.employment.chains import UNEMPLOYMENT_REGISTRATION
from hrss.supervision.appraisal import selectors
from hrss.supervision.appraisal.selectors import Whom
from tests.conftest import TOWNSHIP, VILLAGE
from tests.supervision.appraisal.conftest import DUE, MONTH, OPENED, on

NEXT_WORKING_DAY = datetime.date(2023, 10, 9)


def test_the_deadline_skips_the_national_day_holiday(db):
    step = UNEMPLOYMENT_REGISTRATION.step("township_review")
    assert step.due_date(OPENED, workdays.Calendar.load()) == DUE  # not 2 October: eight days of holiday between


def test_on_the_due_day_on_time_the_next_working_day_late(intake, move, township_reviewer):
    first, second = intake(OPENED, "失业登记：准时"), intake(OPENED, "失业登记：逾期")
    move(first, township_reviewer, DUE)
    move(second, township_reviewer, NEXT_WORKING_DAY)
    mine = selectors.figures_of(MONTH, Whom(staff=frozenset({township_reviewer.pk})))[township_reviewer.pk]
    assert (mine.handled, mine.measured, mine.on_time, mine.late) == (2, 2, 1, 1)
    office = selectors.figures_of(MONTH, Whom(offices=frozenset({TOWNSHIP})))[TOWNSHIP]
    assert (office.handled, office.on_time, office.late) == (2, 1, 1)
    items = selectors.work_items(MONTH, Whom(staff=frozenset({township_reviewer.pk})))
    assert {(item.done_on, item.due_date, item.on_time) for item in items} == {
        (DUE, DUE, True), (NEXT_WORKING_DAY, DUE, False)}


def test_the_intake_counts_in_the_month_it_was_made(intake, village_assistant):
    intake(OPENED)
    september = selectors.figures_of(datetime.date(2023, 9, 1), Whom(offices=frozenset({VILLAGE})))[VILLAGE]
    assert (september.handled, september.on_time, september.late) == (1, 1, 0)
    assert VILLAGE not in selectors.figures_of(MONTH, Whom(offices=frozenset({VILLAGE})))


def test_a_step_counts_once_and_late_if_either_move_was(intake, move, village_assistant, township_reviewer,
                                                        county_officer):
    case = intake(OPENED)
    move(case, township_reviewer, DUE)  # on time
    move(case, county_officer, datetime.date(2023, 10, 10), action="return", reason="缺少解除劳动合同证明")
    move(case, village_assistant, datetime.date(2023, 10, 11), action="resubmit")
    # Back at the township on 11 October: due five working days later, on 18 October; forwarded on the 19th.
    move(case, township_reviewer, datetime.date(2023, 10, 19))
    mine = selectors.figures_of(MONTH, Whom(staff=frozenset({township_reviewer.pk})))[township_reviewer.pk]
    assert (mine.handled, mine.on_time, mine.late) == (1, 0, 1)
    theirs = selectors.figures_of(MONTH, Whom(staff=frozenset({county_officer.pk, village_assistant.pk})))
    assert theirs[county_officer.pk].handled == 1 and theirs[county_officer.pk].late == 0
    assert theirs[village_assistant.pk].handled == 1  # the resubmission, within the intake's five days


def test_a_withdrawal_is_not_work(intake, move, village_assistant):
    case = intake(OPENED)
    move(case, village_assistant, datetime.date(2023, 10, 9), action="withdraw", reason="申请人已就业")
    assert village_assistant.pk not in selectors.figures_of(MONTH, Whom(staff=frozenset({village_assistant.pk})))


def test_a_month_ends_at_midnight_in_heyuan(intake, township_reviewer, clock):
    case = intake(datetime.date(2023, 9, 28))
    on(clock, datetime.date(2023, 9, 30), hour=23)  # 15:00 UTC: still 30 September in Heyuan
    review.act(case=case, actor=township_reviewer, action="forward", version=case.version)
    september = selectors.figures_of(datetime.date(2023, 9, 1), Whom(staff=frozenset({township_reviewer.pk})))
    assert september[township_reviewer.pk].handled == 1
    assert township_reviewer.pk not in selectors.figures_of(MONTH, Whom(staff=frozenset({township_reviewer.pk})))
