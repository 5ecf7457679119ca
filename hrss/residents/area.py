"""The 劳动力资源台账 as an area of the platform (core.areas): what it brings, in one place."""

import time

from hrss.core import areas
from hrss.residents import audit_names, pending, permissions


def demo(stdout, options):
    """hrss demo --people N: a generated population of N people over the city's villages, and its statistics."""
    from hrss.residents.demo import generate_population
    from hrss.residents.models import Person
    from hrss.residents.statistics import compute_snapshots

    if not options["people"]:
        return
    existing = Person.objects.count()
    if existing >= options["people"]:
        stdout.write(f"已有 {existing} 名人员，不再生成演示人口。")
        return
    started = time.perf_counter()
    created = generate_population(people=options["people"] - existing, seed=options["seed"])
    compute_snapshots()
    stdout.write(f"已生成演示人口 {created} 人（{time.perf_counter() - started:.1f} 秒）。")


AREA = areas.register(areas.Area(
    label="residents",
    name="劳动力资源台账",
    order=10,
    permissions=permissions.PERMISSIONS,
    grants=permissions.GRANTS,
    pending=(pending.ledger_work,),
    menu=(
        areas.MenuEntry("劳动力台账", "residents:ledger", permissions.RESIDENT_VIEW, order=20),
        areas.MenuEntry("统计", "residents:statistics", permissions.RESIDENT_VIEW, order=30),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo,
    demo_order=10,
))
