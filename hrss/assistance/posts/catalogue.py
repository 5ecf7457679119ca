"""公益性岗位安置 in the service catalogue (core.catalogue). Documents and promise [believed]: 广东 counties' usual
办事指南 (the placement needs a post to be free, so the promise is the office's answer, not a job)."""

import datetime

from hrss.core.catalogue import Document, Service

SINCE = datetime.date(2008, 1, 1)

PLACEMENT = Service(
    code="assistance/public_welfare_post",
    name="公益性岗位安置申请",
    area_label="assistance",
    documents=((SINCE, (
        Document("居民身份证", copies=1),
        Document("就业困难人员认定证明（就业失业登记证“就业援助卡”页）", copies=1),
    )),),
    promised_days=((SINCE, 20),),  # [believed]
    who="已认定的就业困难人员，优先安排大龄、残疾、低保、零就业家庭人员（就业促进法第五十三条）",
    legal_basis="《中华人民共和国就业促进法》第五十三条；财社〔2017〕164号（补贴期限）",
    where="乡镇(街道)人社服务所窗口",
)

SERVICES = (PLACEMENT,)
