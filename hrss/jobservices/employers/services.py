"""Write services of the employers part (用人单位 and 岗位): keyword-only, taking the actor, checking permission and
scope, one transaction, an audit entry."""

from django.core.exceptions import ValidationError
from django.db.models import F

from hrss.jobservices.models import Vacancy, VacancyStatus


def referral_problems(vacancy, *, today):
    """Why nobody can be referred to `vacancy` on `today` (closed, filled, not yet open, past its closing date):
    empty when they can. Used by the referrals part before its transaction."""
    problems = []
    if vacancy.status == VacancyStatus.FILLED or vacancy.hired >= vacancy.headcount:
        problems.append(f"岗位“{vacancy.title}”已招满，不能再推荐。")
    elif vacancy.status == VacancyStatus.CLOSED:
        problems.append(f"岗位“{vacancy.title}”已关闭，不能再推荐。")
    elif vacancy.opens_on > today:
        problems.append(f"岗位“{vacancy.title}”{vacancy.opens_on:%Y-%m-%d}才开始招聘。")
    elif vacancy.closes_on and vacancy.closes_on < today:
        problems.append(f"岗位“{vacancy.title}”已于{vacancy.closes_on:%Y-%m-%d}截止招聘。")
    return problems


def take_place(*, vacancy, today):
    """A step inside another service's transaction (a hire recorded on a referral or at a job fair): one place of
    `vacancy` is taken; the vacancy is filled (已招满, closed on `today`) when its last place goes. Raises
    ValidationError when no place is left. The row is locked while counting, so two hires at once cannot both take
    the last place."""
    locked = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if locked.status != VacancyStatus.OPEN or locked.hired >= locked.headcount:
        raise ValidationError(f"岗位“{locked.title}”已无空缺名额。")
    Vacancy.objects.filter(pk=locked.pk).update(hired=F("hired") + 1)
    if locked.hired + 1 >= locked.headcount:
        Vacancy.objects.filter(pk=locked.pk).update(status=VacancyStatus.FILLED, closed_on=today)
    vacancy.refresh_from_db()
    return vacancy
