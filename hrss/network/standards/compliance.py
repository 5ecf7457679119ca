"""An office's compliance with the standards in force on a day: one result a rule (what is required, what was
recorded, whether it holds: None where nothing has been recorded yet, unknown, never passed).

Contract for the other parts (acceptance, dashboard, the command): `check(office, on)` -> `Compliance`."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleResult:
    rule: str  # the rule's code (standards' configuration)
    title: str  # 中文: the rule as users read it
    required: str
    actual: str | None
    ok: bool | None


@dataclass(frozen=True)
class Compliance:
    office: object
    on: object
    results: tuple

    @property
    def ok(self):
        return sum(1 for r in self.results if r.ok is True)

    @property
    def failing(self):
        return sum(1 for r in self.results if r.ok is False)

    @property
    def unknown(self):
        return sum(1 for r in self.results if r.ok is None)

    @property
    def failing_rules(self):
        return [r for r in self.results if r.ok is False]


def check(office, on):
    """The office's compliance with every rule in force on `on` that applies to its kind of office."""
    raise NotImplementedError  # the standards part fills this in
