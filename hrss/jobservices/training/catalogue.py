"""职业培训报名 and 培训补贴申领 in the service catalogue (core.catalogue). The claim's promise is the sum of its
chain's county steps (chains.COUNTY_HANDLING_DAYS and COUNTY_APPROVAL_DAYS, [believed] as they are); the enrolment's
documents and promise are [believed] (the window's practice)."""


from hrss.core.catalogue import Document, Service
from hrss.core.dated import in_force
from hrss.jobservices.training.chains import (
    COUNTY_APPROVAL_DAYS,
    COUNTY_HANDLING_DAYS,
    SINCE_2010,
    TRAINING_SUBSIDY,
)

ENROLMENT = Service(
    code="jobservices/training_enrolment",
    name="职业培训报名",
    area_label="jobservices",
    documents=((SINCE_2010, (
        Document("居民身份证", copies=1),
        Document("就业失业登记证（就业创业证）", "申请培训补贴的提供", copies=1),
        Document("近期一寸免冠照片", "2张", original_shown=False),
    )),),
    promised_days=((SINCE_2010, 0),),  # 当场办结 [believed]
    who="有培训需求的城乡劳动者（农村劳动力免费技能培训：“五个100%”第四项）",
    legal_basis="《中华人民共和国就业促进法》第四十四条至第四十八条",
    where="乡镇(街道)人社服务所窗口、村(社区)服务站",
)


def _claim_days(day):
    return in_force(COUNTY_HANDLING_DAYS, day) + in_force(COUNTY_APPROVAL_DAYS, day)


CLAIM = Service(
    code="jobservices/training_subsidy",
    name="培训补贴申领",
    area_label="jobservices",
    documents=((SINCE_2010, (
        Document("培训补贴申请表", "举办地经办员填写", original_shown=False),
        Document("结业学员花名册及身份证复印件", original_shown=False, copies=1),
        Document("职业资格或培训合格证书", "每名学员", copies=1),
    )),),  # [believed]
    promised_days=((SINCE_2010, _claim_days(SINCE_2010)),),
    case_type=TRAINING_SUBSIDY.case_type,
    who="举办培训的乡镇(街道)或县(区)，为结业合格的学员申领",
    legal_basis="财社〔2008〕8号（按取得证书给予培训补贴），依据待核实",  # [believed]
    where="县(区)公共就业服务机构",
)

SERVICES = (ENROLMENT, CLAIM)
