"""The service catalogue (服务事项目录): every service an office offers the public, declared by the area that runs it
(`Area(services=...)`, or a part's `Part(services=...)`), collected here at start-up. Core names no area.

A service says what the citizen brings (its documents: a 一次性告知 lists them all at once), how long the office
promises to take (服务承诺: days, working or calendar), which review chain's cases are its cases (`case_type`: the
promise is measured on them, and 限时办结 watches them), and what a public service guide (办事指南) states: who can
apply, the legal basis, where, the fee. Documents and promised days change with time, so they are dated rows
(core.dated): a case is measured against the promise in force on the day it was opened, and a slip printed today
lists today's documents."""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from hrss.core.dated import in_force

# "<area label>/<service>": a slash, so a code never reads as an audit action ("employment.certificate.issued").
CODE = re.compile(r"^[a-z][a-z0-9_]*/[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Document:
    """One item of a service's checklist: its name, a note (who needs it, which form), how many copies are handed
    in (0: none) and whether the original is shown (验原件)."""

    name: str
    note: str = ""
    copies: int = 0
    original_shown: bool = True

    def as_json(self):
        return {"name": self.name, "note": self.note, "copies": self.copies, "original_shown": self.original_shown}

    @property
    def how(self):
        """How it is handed in, for a page or a slip: 原件、复印件1份."""
        parts = ["原件" if self.original_shown else "", f"复印件{self.copies}份" if self.copies else ""]
        return "、".join(part for part in parts if part) or "—"


def _check_dated(rows, what, code):
    days = [day for day, _value in rows]
    if not all(isinstance(day, datetime.date) for day in days) or days != sorted(days) or len(set(days)) != len(days):
        raise ValueError(f"service {code!r}: {what} must be (date, value) rows with the dates ascending")


@dataclass(frozen=True)
class ClosedCase:
    """One closed case of a service, as 服务承诺 measures it: from `opened_on` (受理) to `closed_on` (办结)."""

    title: str
    region_code: str
    opened_on: datetime.date
    closed_on: datetime.date
    outcome: str = ""  # in Chinese: 已答复, 已结案, 批准 ...
    url: str = ""  # the case's page


@dataclass(frozen=True)
class Service:
    code: str  # "<area label>/<service>"
    name: str  # 中文名, as the citizen knows it
    area_label: str  # the area that declares it
    documents: tuple = ()  # ((effective from, (Document, ...)), ...), dates ascending
    promised_days: tuple = ()  # ((effective from, days), ...), dates ascending; none: no promise
    working_days: bool = True  # the promised days count working days (False: calendar days)
    case_type: str = ""  # the core.review Chain whose ReviewCases are this service's cases, if any
    # The service's own cases when they are not review cases: closed(user, region, first, last) -> ClosedCase rows,
    # those closed from `first` to `last` within the user's scope and `region` (a petition replied, an inspection
    # case concluded), for 服务承诺's real time against the promise.
    closed: Callable | None = None
    who: str = ""  # who can apply (申请条件)
    legal_basis: str = ""
    where: str = ""  # which office or window
    fee: str = "免费"

    def __post_init__(self):
        if not CODE.match(self.code) or not self.code.startswith(f"{self.area_label}/"):
            raise ValueError(f"service code {self.code!r} must be '<area label>/<name>' under {self.area_label!r}")
        _check_dated(self.documents, "documents", self.code)
        _check_dated(self.promised_days, "promised_days", self.code)
        if any(not isinstance(days, int) or days < 0 for _day, days in self.promised_days):
            raise ValueError(f"service {self.code!r}: promised days are whole numbers of days, 0 or more")

    def documents_on(self, day):
        """The checklist in force on `day` (a tuple of Document; empty before the first row)."""
        return in_force(self.documents, day) or ()

    def promised_days_on(self, day):
        """The promised days in force for a case opened on `day`, or None (no promise then). 0 is 当场办结."""
        return in_force(self.promised_days, day)

    @property
    def day_unit(self):
        return "个工作日" if self.working_days else "日"

    def promise_label(self, day):
        """The promise in force on `day` in words: 5个工作日, 60日, 当场办结, or 不作时限承诺."""
        days = self.promised_days_on(day)
        if days is None:
            return "不作时限承诺"
        return "当场办结" if days == 0 else f"{days}{self.day_unit}"

    def as_json(self, day):
        """What a public guide or the API shows of the service on `day`."""
        return {"code": self.code, "name": self.name, "area": self.area_label, "who": self.who,
                "documents": [document.as_json() for document in self.documents_on(day)],
                "promised_days": self.promised_days_on(day), "working_days": self.working_days,
                "promise": self.promise_label(day), "case_type": self.case_type, "legal_basis": self.legal_basis,
                "where": self.where, "fee": self.fee}


_services = {}


def register_service(service):
    """Called by core.areas.register for each service an area declares."""
    if service.code in _services:
        raise ValueError(f"service {service.code!r} is declared twice")
    if service.case_type and any(other.case_type == service.case_type for other in _services.values()):
        raise ValueError(f"two services measure the cases of {service.case_type!r}")
    _services[service.code] = service
    return service


def services():
    """Every declared service, in the order the areas declared them."""
    return list(_services.values())


def service(code):
    """The service of `code`, or None."""
    return _services.get(code)


def service_for_case_type(case_type):
    """The service whose cases are the review chain `case_type`'s, or None."""
    return next((row for row in _services.values() if row.case_type and row.case_type == case_type), None)


def case_types():
    """{case_type: service} of the services measured on review cases."""
    return {row.case_type: row for row in _services.values() if row.case_type}
