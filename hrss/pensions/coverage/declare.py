"""What the coverage part (城乡居民社会保险服务覆盖, KPI 5) brings to the area (core/parts.py): hub links, the figures
of the statistics page, the person page's panel, pending work, audit names and the demo."""

from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part
from hrss.pensions.coverage import audit_names, demo, figures, measures, panels, pending
from hrss.pensions.coverage.moves import follow_person
from hrss.pensions.permissions import PENSIONS_HANDLE, PENSIONS_VIEW
from hrss.residents.services import after_person_moved

PART = Part(
    label="coverage",
    name="城乡居民社会保险服务覆盖",
    pending=(pending.uninsured,),
    panels=(Panel("person", "pensions/coverage/_person_panel.html", panels.person_coverage, order=59),),
    links=(
        HubLink("社会保险覆盖", "pensions:coverage", PENSIONS_VIEW,
                "“五个100%”之五：在范围人员的参保情况，逐级查看到未参保人员", order=80),
        HubLink("未参保人员名单", "pensions:coverage-people", PENSIONS_VIEW,
                "入户宣传动员用；导出 .xlsx（身份号码隐去出生日期）", order=81),
        HubLink("目标完成情况", "pensions:coverage-targets", PENSIONS_VIEW, "“五个100%”之二、之五，按区域并列", order=82),
        HubLink("职工养老保险参保信息", "pensions:coverage-employee-schemes", PENSIONS_VIEW,
                "按税务部门、社保经办机构的名单登记；导入名单", order=83),
        HubLink("导入职工养老保险名单", "pensions:coverage-employee-scheme-import", PENSIONS_HANDLE,
                "公民身份号码、姓名、参保单位、参保起始日期、终止日期", order=84),
    ),
    figures=(
        Figure("在范围人数", figures.in_scope, "pensions:coverage-people", {"kind": "in_scope"},
               "年满16周岁、非在校学生、未死亡的台账人员", order=80),
        Figure("已参保", figures.insured, "pensions:coverage-people", {"kind": "insured"},
               "职工养老保险在保、企业退休、领取居民养老金或居民养老保险参保", order=81),
        Figure("未参保", figures.uninsured, "pensions:coverage-people", {"kind": "uninsured"},
               "在范围内、未参加任何养老保险的人数", order=82),
        Figure("职工养老保险在保", figures.employee_scheme, "pensions:coverage-employee-schemes", {"state": "in_force"},
               "按税务部门、社保经办机构名单登记的在保人数", order=83),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo.demo,
    measures=(measures.INSURANCE_SERVICES,),
)

after_person_moved(follow_person)  # a person's employees' scheme records move with the person (moves.py)
