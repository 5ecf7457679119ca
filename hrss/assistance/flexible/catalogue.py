"""灵活就业登记 and 灵活就业社保补贴申请 in the service catalogue (core.catalogue). The registration's documents
and promise [believed]; the subsidy's documents are what domain-rules §3 says it needs (an active registration and
proof of social-insurance payments) [believed], its promise the chain's township and county steps added up."""

import datetime

from hrss.assistance.flexible.chains import FLEXIBLE_SUBSIDY
from hrss.core.catalogue import Document, Service

SINCE = datetime.date(2008, 1, 1)

REGISTRATION = Service(
    code="assistance/flexible_registration",
    name="灵活就业登记",
    area_label="assistance",
    documents=((SINCE, (
        Document("居民身份证", copies=1),
        Document("灵活就业情况说明（从业形式、地点、开始日期）", "窗口领取表格填写", original_shown=False),
    )),),
    promised_days=((SINCE, 0),),  # 当场办结 [believed]
    who="从事钟点工、临时工、个体摊贩、网络经营、自由职业等灵活就业的劳动者，开始从业30日内本人办理（domain-rules §3）",
    legal_basis="《就业服务与就业管理规定》第六十二条",
    where="乡镇(街道)人社服务所窗口",
)

SUBSIDY = Service(
    code="assistance/flexible_subsidy",
    name="灵活就业社保补贴申请",
    area_label="assistance",
    documents=((SINCE, (
        Document("居民身份证", copies=1),
        Document("就业困难人员认定证明或高校毕业生证明", copies=1),
        Document("灵活就业登记", "已登记的，窗口核验", original_shown=False),
        Document("社会保险缴费凭证", "申请期内的", copies=1),
    )),),
    promised_days=((SINCE, sum(step.deadline_on(SINCE) for step in FLEXIBLE_SUBSIDY.steps[1:])),),
    case_type=FLEXIBLE_SUBSIDY.case_type,
    who="已认定的就业困难人员、离校未就业高校毕业生，灵活就业并缴纳社会保险费的",
    legal_basis="《中华人民共和国就业促进法》；灵活就业社会保险补贴有关规定，依据待核实",  # [believed]
    where="村(社区)服务站受理，乡镇(街道)审核，县(区)审批",
)

SERVICES = (REGISTRATION, SUBSIDY)
