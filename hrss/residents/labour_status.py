"""The groups of labour statuses (就业状态), defined here only, and the rule that makes one recorded status the current
one. Each group answers one question the code asks; a new question gets a new named group here, not a list where it
is asked (tests/residents/test_labour_status.py pins them).

The groups differ on purpose, and each says why: 务农 is work for the labour-force survey, but a farmer may still ask
for 失业登记 and is not counted among the 城镇从业人员; 转移就业 is work away from home, not a job in town."""

from django.db.models import OuterRef, Subquery

from hrss.residents.models import LabourStatus, LabourStatusEvent, Person

# In work of any kind: a job, flexible work, farming, or working away from home (the survey's 就业, domain-rules §1).
IN_WORK = frozenset({LabourStatus.EMPLOYED, LabourStatus.FLEXIBLE, LabourStatus.FARMING, LabourStatus.MIGRANT})

# In the labour force: in work or unemployed; only someone of working age can be (residents.rules.check_status).
IN_LABOUR_FORCE = IN_WORK | {LabourStatus.UNEMPLOYED}

# In work other than farming: someone in it registers a change of employment, not unemployment. A farmer may ask
# for 失业登记 (art. 63's 无业 read as "no work but the family's land"; Guangdong registers rural people where they
# live [believed, domain-rules §2]).
IN_WORK_OFF_THE_FARM = IN_WORK - {LabourStatus.FARMING}

# Holding a job in the place one lives: 单位就业 or 灵活就业. A start of work from one of these is a job change (信息变更,
# not 城镇新增就业) [sourced: S-local, domain-rules §2], and those of them living in a 居委会 are the 城镇从业人员 of the
# registered unemployment rate; 转移就业 and 务农 are rural labour, outside it [believed: docs/urban-and-rural.md].
HOLDS_A_JOB = frozenset({LabourStatus.EMPLOYED, LabourStatus.FLEXIBLE})


# --- the current status ---------------------------------------------------------------------------------------

# A person's current status is their latest recorded one by effective date, of two on the same day the one recorded
# last: a back-dated change goes into the history without overriding a later one.
LATEST_FIRST = ("-effective_date", "-id")


def set_current_status(person_ids, **also):
    """Make each person's current status (labour_status, status_detail, status_since) their latest recorded one, in
    one UPDATE; `also` adds columns to set (the caller's version bump). Called inside the writing transaction, after
    the new events are saved, by the services and the bulk import alike, so both give the same current status."""
    latest = LabourStatusEvent.objects.filter(person=OuterRef("pk")).order_by(*LATEST_FIRST)
    return Person.objects.filter(pk__in=person_ids).update(
        labour_status=Subquery(latest.values("status")[:1]),
        status_detail=Subquery(latest.values("detail")[:1]),
        status_since=Subquery(latest.values("effective_date")[:1]),
        **also,
    )
