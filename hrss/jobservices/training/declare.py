"""What the training part brings to the area (hrss/core/parts.py): the subsidy claim's review chain, its
pending work, the person page's and the statistics page's panels, hub links, audit names and the demo."""

from hrss.core.areas import Panel
from hrss.core.parts import Figure, HubLink, Part
from hrss.jobservices.permissions import JOBSERVICES_HANDLE, JOBSERVICES_VIEW
from hrss.jobservices.training import audit_names, figures, measures, panels, pending
from hrss.jobservices.training.catalogue import SERVICES
from hrss.jobservices.training.chains import TRAINING_SUBSIDY
from hrss.jobservices.training.demo import demo

PART = Part(
    label="training",
    name="职业培训",
    chains=(TRAINING_SUBSIDY,),
    pending=(pending.claims_waiting,),
    panels=(
        Panel("person", "jobservices/training/_person_panel.html", panels.person_training, order=140),
        Panel("region_statistics", "jobservices/training/_statistics_panel.html", panels.rural_training, order=140),
    ),
    links=(
        HubLink("培训班台账", "jobservices:training-courses", JOBSERVICES_VIEW,
                "各级举办的培训班（技能、创业SYB、农村劳动力转移）：名额、学员、出勤、结业和证书；可下载 .xlsx。", order=70),
        HubLink("登记培训班", "jobservices:training-course-new", JOBSERVICES_HANDLE,
                "乡镇(街道)或县(区)经办员登记本级举办的培训班。", order=71),
        HubLink("培训意愿", "jobservices:training-wishes", JOBSERVICES_VIEW,
                "有培训意愿的人员（按职业和培训类型编码）及台账中待细化的人员；在人员页面登记。", order=72),
        HubLink("培训学员台账", "jobservices:training-enrolments", JOBSERVICES_VIEW,
                "报名、在训、结业和取得证书的学员。", order=73),
        HubLink("培训补贴申领", "jobservices:training-claims", JOBSERVICES_VIEW,
                "待我办理的培训补贴申领（申报、县(区)经办复核、审批）。", order=74),
        HubLink("农村劳动力免费培训", "jobservices:training-kpi", JOBSERVICES_VIEW,
                "五个100%之四：有培训需求的农村劳动力得到免费培训的比例，分区域，可查到尚未培训的人员。", order=75),
    ),
    figures=(Figure("培训意愿（待培训）", figures.open_wishes, "jobservices:training-wishes", {},
                    "登记了培训意愿、尚未得到培训的人", order=70),),
    audit_actions=audit_names.ACTIONS,
    audit_fields=audit_names.FIELDS,
    audit_values=audit_names.VALUES,
    demo=demo,
    measures=(measures.RURAL_TRAINING,),
    services=SERVICES,
)
