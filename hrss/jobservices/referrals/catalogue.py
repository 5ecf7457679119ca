"""职业介绍 in the service catalogue (core.catalogue): its promise is the plan's first target, a suitable job
within 10 working days of the 求职登记 for the willing and not selective (read from kpi.OFFER_WORKING_DAYS,
domain-rules §10, sourced: the seed plan 三(三)). Documents [believed]."""

import datetime

from hrss.core.catalogue import Document, Service
from hrss.jobservices.referrals.kpi import OFFER_WORKING_DAYS

PLACEMENT = Service(
    code="jobservices/job_placement",
    name="职业介绍（推荐就业）",
    area_label="jobservices",
    documents=((datetime.date(2008, 1, 1), (
        Document("居民身份证或社会保障卡"),
        Document("求职登记", "未登记的当场办理", original_shown=False),
    )),),
    promised_days=tuple((datetime.date.fromisoformat(day), days) for day, days in OFFER_WORKING_DAYS),
    who="已求职登记、有就业愿望的劳动者（不挑不拣的，10个工作日内提供合适岗位）",
    legal_basis="《中华人民共和国就业促进法》第三十五条（免费提供职业介绍）；河源市“五个100%”目标第一项",
    where="乡镇(街道)人社服务所窗口",
)

SERVICES = (PLACEMENT,)
