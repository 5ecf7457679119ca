"""求职登记 in the service catalogue (core.catalogue). Documents and promise [believed: the window's practice, as
广东 counties' 办事指南 commonly state them]; free (domain-rules §6: public employment services are free)."""

import datetime

from hrss.core.catalogue import Document, Service

SEEKER = Service(
    code="jobservices/seeker_registration",
    name="求职登记",
    area_label="jobservices",
    documents=((datetime.date(2008, 1, 1), (
        Document("居民身份证或社会保障卡", copies=1),
        Document("学历证书、职业资格或技能等级证书", "有的提供", copies=1),
        Document("就业失业登记证（就业创业证）", "已办理的提供"),
    )),),
    promised_days=((datetime.date(2008, 1, 1), 0),),  # 当场办结 [believed]
    who="在法定劳动年龄内、有劳动能力和就业愿望的劳动者",
    legal_basis="《中华人民共和国就业促进法》；《就业服务与就业管理规定》第二十五条",
    where="乡镇(街道)人社服务所窗口、村(社区)服务站",
)

SERVICES = (SEEKER,)
