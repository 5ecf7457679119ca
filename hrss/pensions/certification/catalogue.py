"""领取待遇资格认证 in the service catalogue (core.catalogue). Documents and promise [believed]: certified on the
spot at the window or on a home visit (domain-rules §7)."""

import datetime

from hrss.core.catalogue import Document, Service

SINCE = datetime.date(2009, 9, 1)

CERTIFICATION = Service(
    code="pensions/certification",
    name="领取养老金资格认证",
    area_label="pensions",
    documents=((SINCE, (Document("居民身份证或社会保障卡", "本人到场；行动不便的可申请上门认证"),)),),
    promised_days=((SINCE, 0),),  # 当场办结 [believed]
    who="领取城乡居民养老保险待遇或企业职工基本养老金的人员，每年认证一次",
    legal_basis="社会保险经办机构领取待遇资格认证有关规定，依据待核实",  # [believed]
    where="村(社区)服务站、乡镇(街道)人社服务所窗口",
)

SERVICES = (CERTIFICATION,)
