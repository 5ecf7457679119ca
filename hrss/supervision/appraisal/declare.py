"""What the appraisal part (考核) brings to the area (core/parts.py): its hub links, its figures on the statistics
page and its audit names."""

from hrss.core.parts import Figure, HubLink, Part
from hrss.supervision.appraisal import audit_names, figures
from hrss.supervision.permissions import APPRAISAL_VIEW

PART = Part(
    label="appraisal",
    name="考核",
    links=(
        HubLink("考核", "supervision:appraisal", APPRAISAL_VIEW,
                "各服务机构和工作人员每月的办理件数、按时率、群众评价和投诉，逐级查看、导出 .xlsx", order=90),
        HubLink("本机构工作人员考核", "supervision:appraisal-staff", APPRAISAL_VIEW,
                "本机构每名工作人员每月的办理件数、按时、评价、投诉与得分", order=91),
    ),
    figures=(
        Figure("上月办理件数", figures.handled, "supervision:appraisal", {},
               "上月各服务机构作出的审核审批操作（同一案件同一环节计一件）及办结的信访、监察、投诉答复", order=90),
        Figure("上月逾期办理", figures.late, "supervision:appraisal", {},
               "其中超过该环节办理时限（工作日）才办理的件数", order=91),
    ),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
)
