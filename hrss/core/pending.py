"""The pending work on a user's home page. Each area declares its providers in its area.py (Area(pending=...),
registered here by core.areas): a function of the user returning the items that need their action, each with a
count and a link. Accounts contributes the administrators' account work; the business areas add their queues."""

from dataclasses import dataclass

_providers = []


@dataclass(frozen=True)
class PendingItem:
    title: str
    count: int
    url: str
    overdue: int = 0


def register(provider):
    _providers.append(provider)
    return provider


def pending_work_for(user):
    items = []
    for provider in _providers:
        items.extend(item for item in provider(user) if item.count)
    return sorted(items, key=lambda item: (-item.overdue, -item.count))
