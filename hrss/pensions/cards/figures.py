"""The cards part's figures on the area's statistics page (core.parts.Figure): count(user, region, today)."""

from hrss.pensions.cards import selectors


def _counter(group):
    def count(user, region, today):
        return selectors.in_group(user, region, group).count()

    count.__name__ = f"count_{group}"
    return count


waiting = _counter("waiting")
producing = _counter("producing")
arrived = _counter("arrived")
handed_over = _counter("handed_over")
active = _counter("active")
