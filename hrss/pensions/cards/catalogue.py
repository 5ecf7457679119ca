"""社会保障卡申领 in the service catalogue (core.catalogue). Documents (photo, ID: domain-rules §9) and the promise
[believed]: the card is made by the bank and the manufacturer, so the promise is counted in calendar days."""

import datetime

from hrss.core.catalogue import Document, Service

SINCE = datetime.date(2011, 1, 1)

CARD = Service(
    code="pensions/card_application",
    name="社会保障卡申领",
    area_label="pensions",
    documents=((SINCE, (
        Document("居民身份证", copies=1),
        Document("近期免冠彩色证件照片", "或在窗口现场采集", original_shown=False),
    )),),
    promised_days=((SINCE, 30),),  # [believed]
    working_days=False,
    who="参加社会保险的人员和城乡居民",
    legal_basis="《中华人民共和国社会保险法》第五十八条（社会保障号码为公民身份号码）",
    where="村(社区)服务站、乡镇(街道)人社服务所窗口申领，制卡后在乡镇(街道)领取",
)

SERVICES = (CARD,)
