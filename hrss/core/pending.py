"""The pending work on a user's home page. Each app registers a provider: a function of the user returning the
items that need their action, each with a count and a link. The foundation contributes account work for the
administrators; the business flows add their queues."""

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
