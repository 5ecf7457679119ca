"""The ratings part's rules that change with time, as dated configuration (core.dated.in_force): rows of
(effective_from, value), ascending; a changed rule is a new row, so a complaint keeps the rule of the day it was
received.

Sources: no document was checked for these rows; each is marked [believed]."""

import datetime

from hrss.core import workdays
from hrss.core.dated import in_force
from hrss.core.models import ReviewCase

D = datetime.date

# Working days the township has to answer a complaint (a poor rating or a word in the 意见箱), the day it is
# received not counted [believed: 政务服务“好差评”制度 (国办发〔2019〕51号) asks that a poor rating be verified and
# rectified within 15 working days where it can be at once; the offices' practice is 10; text not seen here].
REPLY_WORKING_DAYS = ((D(2004, 1, 1), 10),)
REPLY_SOURCE = "政务服务“好差评”差评整改时限（本平台按10个工作日答复），依据待核实"  # [believed]


def reply_days(received_on):
    return in_force(REPLY_WORKING_DAYS, received_on)


def reply_due(received_on, *, calendar=None):
    """The last day to answer a complaint received on `received_on`, or None while the holiday arrangement of the
    year it reaches is not loaded (filled in when it is: services.fill_missing_due_dates)."""
    try:
        return (calendar or workdays.Calendar.load()).add(received_on, reply_days(received_on))
    except workdays.UnknownArrangement:
        return None


# A rating code of a review case (RatingCode.source), and when a review case is completed (办结): decided; a withdrawn
# application was not served to the end.
REVIEW_SOURCE = "review"
COMPLETED_STATUSES = (ReviewCase.Status.APPROVED, ReviewCase.Status.REJECTED)
