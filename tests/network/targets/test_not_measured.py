"""A target that no area measures is shown as not measured (未统计), never as 0% or 100%; a measured target with no
one to count in a region and month shows 无应统计对象, not 100%."""

import datetime

from hrss.core import targets
from hrss.network.targets import config, selectors
from hrss.network.targets.snapshots import compute_snapshots
from tests.conftest import CITY, TODAY, VILLAGE, login

FAKE = config.Target("fake_target", 6, "虚构目标", ((datetime.date(2011, 1, 1), "100%的虚构事项得到办理"),))


def _of(shown, code):
    return next(figure for figure in shown if figure.code == code)


def test_a_target_without_a_measure_is_not_measured(heyuan, fresh_targets):
    config.add_target(FAKE)
    assert targets.measure_for(FAKE.code) is None
    figure = _of(selectors.figures(heyuan[CITY], TODAY, today=TODAY), FAKE.code)
    assert figure.measured is False
    assert (figure.numerator, figure.denominator, figure.rate) == (None, None, None)
    assert figure.rate_text == "未统计"
    assert "未统计" in figure.why_not
    compute_snapshots(TODAY, today=TODAY)  # computing the month writes nothing for it either
    assert _of(selectors.figures(heyuan[CITY], TODAY, today=TODAY), FAKE.code).measured is False
    assert selectors.missed_people(heyuan[CITY], TODAY, FAKE.code, today=TODAY) is None


def test_the_page_says_not_measured_never_a_rate(client, heyuan, county_officer, fresh_targets):
    config.add_target(FAKE)
    login(client, county_officer)
    page = client.get("/network/targets/", {"month": f"{TODAY:%Y-%m}"}).content.decode()
    row = page[page.index('data-target="fake_target"'):]
    row = row[:row.index("</tr>")]
    cells = row[row.index('data-cell="numerator"'):]  # after the title (which says 100%)
    assert "未统计" in cells and "%" not in cells and ">0<" not in cells
    missed = client.get("/network/targets/missed/", {"target": FAKE.code, "month": f"{TODAY:%Y-%m}"}).content.decode()
    assert "未统计" in missed


def test_a_measured_target_with_no_one_to_count_is_no_rate(heyuan):
    """An empty village: every plan target is measured (the areas exist) and none has anyone to count."""
    for figure in selectors.figures(heyuan[VILLAGE], TODAY, today=TODAY):
        assert figure.measured, figure.code
        assert (figure.numerator, figure.denominator, figure.rate) == (0, 0, None), figure.code
        assert figure.rate_text == "无应统计对象"
    compute_snapshots(TODAY, today=TODAY)
    for figure in selectors.figures(heyuan[VILLAGE], TODAY, today=TODAY):
        assert figure.rate_text == "无应统计对象" and figure.computed_at is not None


def test_every_plan_target_is_measured_by_an_area(db):
    assert {target.code for target in config.TARGETS} <= set(targets.measures())


def test_this_months_figures_older_than_today_ask_for_a_refresh(heyuan, settings, django_capture_on_commit_callbacks):
    """A month counted yesterday is counted again after a read today (the task; here run at once)."""
    from django.core.cache import cache

    from hrss.network.models import TargetSnapshot

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    cache.clear()
    month = TODAY.replace(day=1)
    yesterday = TODAY - datetime.timedelta(days=1)
    compute_snapshots(month, today=max(yesterday, month))
    TargetSnapshot.objects.filter(month=month).update(as_of=yesterday)
    with django_capture_on_commit_callbacks(execute=True) as asked:
        selectors.figures(heyuan[CITY], month, today=TODAY, live=False)
    assert len(asked) == 1
    assert set(TargetSnapshot.objects.filter(month=month).values_list("as_of", flat=True)) == {TODAY}
    with django_capture_on_commit_callbacks(execute=True) as again:
        selectors.figures(heyuan[CITY], month, today=TODAY, live=False)
    assert again == []  # current now: nothing asked
