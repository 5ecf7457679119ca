"""就业与失业登记 as an area of the platform (core.areas): what it brings, in one place."""

from hrss.core import areas
from hrss.employment import audit_names, catalogue, chains, panels, pending, permissions


def demo(stdout, options):
    """hrss demo --people N: unemployment registrations of 下城社区 at every step, certificates and hires."""
    from hrss.employment.demo import generate_employment_cases

    if not options["people"]:
        return
    cases = generate_employment_cases()
    if cases:
        stdout.write(f"已生成演示失业登记 {cases} 件（下城社区，各办理环节都有）。")


AREA = areas.register(areas.Area(
    label="employment",
    name="就业与失业登记",
    order=20,
    permissions=permissions.PERMISSIONS,
    grants=permissions.GRANTS,
    chains=(chains.UNEMPLOYMENT_REGISTRATION,),
    pending=(pending.review_work, pending.hires_to_confirm),
    menu=(areas.MenuEntry("就业失业登记", "employment:queue", permissions.EMPLOYMENT_VIEW, order=40),),
    panels=(
        areas.Panel("person", "employment/_person_panel.html", panels.person_registrations),
        areas.Panel("region_statistics", "employment/_statistics_panel.html", panels.two_unemployed_figures),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo,
    demo_order=20,
    services=catalogue.SERVICES,
))
