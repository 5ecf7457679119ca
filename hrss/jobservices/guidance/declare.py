"""What the guidance part (职业指导 and 招聘会) brings to the area (hrss/core/parts.py): the person page's
panel, the office's next steps due as pending work, the hub's links, audit names and the demo."""

from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part
from hrss.jobservices.guidance import audit_names, figures, pending
from hrss.jobservices.guidance.demo import demo
from hrss.jobservices.guidance.panels import person_guidance, region_figures
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW

PART = Part(
    label="guidance",
    name="职业指导",
    pending=(pending.follow_ups,),
    panels=(Panel("person", "jobservices/guidance/_person_panel.html", person_guidance, order=130),
            Panel("region_statistics", "jobservices/guidance/_statistics_panel.html", region_figures, order=130)),
    links=(
        HubLink("职业指导台账", "jobservices:guidance-list", JOBSERVICES_VIEW,
                "每次职业指导的对象、日期、内容、建议和下一步；可下载 .xlsx。在人员页面记录指导。", order=60),
        HubLink("招聘会", "jobservices:fairs-list", JOBSERVICES_VIEW,
                "各级举办的招聘会：参会单位和岗位、入场人数、现场录用。", order=65),
        HubLink("登记招聘会", "jobservices:fairs-new", JOBSERVICES_HANDLE,
                "乡镇(街道)、县(区)或市举办招聘会时登记。", order=66),
    ),
    figures=(Figure("职业指导记录", figures.records, "jobservices:guidance-list", {}, "职业指导的次数（累计）", order=60),),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo,
)
