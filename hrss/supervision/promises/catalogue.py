"""The supervision area's own services in the catalogue (core.catalogue): 信访事项办理 and 劳动保障监察投诉. Their
promised times are the legal deadlines (hrss/supervision/deadlines.py, read from its rows, so a changed law is
changed once): a petition concluded within 60 days (calendar days), an inspection case within 60 working days of
being opened (domain-rules §8; sourced as deadlines.py says). Their documents are [believed]: what 信访工作条例
art. 17-18 and 部令第25号 ask a letter or a complaint to state."""

from hrss.core.catalogue import Document, Service
from hrss.supervision.deadlines import INSPECTION_FROM, PETITIONS_FROM, RULES


def _days(kind):
    return tuple((day, rule.days) for day, rule in RULES[kind])


def _working_days(kind):
    return RULES[kind][-1][1].working_days


def _petitions_replied(user, region, first, last):
    from hrss.supervision.petitions.selectors import replied_between

    return replied_between(user, region, first, last)


def _inspection_concluded(user, region, first, last):
    from hrss.supervision.inspection.selectors import concluded_between

    return concluded_between(user, region, first, last)


PETITION = Service(
    code="supervision/petition",
    name="信访事项办理",
    area_label="supervision",
    documents=((PETITIONS_FROM, (
        Document("信访人居民身份证或其他身份证明", copies=1),
        Document("信访材料（信访人姓名、住址、联系方式，请求、事实和理由）", "来访的可由窗口记录", original_shown=False),
        Document("相关证据材料（劳动合同、工资条、考勤记录等）", "有的提供", copies=1),
    )),),
    promised_days=_days("petition-handle"),
    working_days=_working_days("petition-handle"),
    closed=_petitions_replied,
    who="就人力资源和社会保障事项提出建议、意见或者投诉请求的公民、法人或者其他组织",
    legal_basis=RULES["petition-handle"][-1][1].basis,
    where="乡镇(街道)人社服务所窗口受理、转送；县(区)人社部门办理",
)

INSPECTION_COMPLAINT = Service(
    code="supervision/inspection_complaint",
    name="劳动保障监察投诉",
    area_label="supervision",
    documents=((INSPECTION_FROM, (
        Document("投诉人居民身份证", copies=1),
        Document("投诉书（用人单位名称、住所，违法事实，请求）", "口头投诉的由窗口记录", original_shown=False),
        Document("劳动关系证明（劳动合同、工作证、工资条等）", copies=1),
    )),),
    promised_days=_days("inspection-conclude"),
    working_days=_working_days("inspection-conclude"),
    closed=_inspection_concluded,
    who="认为用人单位侵犯其劳动保障合法权益的劳动者",
    legal_basis=RULES["inspection-conclude"][-1][1].basis,
    where="县(区)劳动保障监察大队；乡镇(街道)人社服务所窗口可代收转交",
)

SERVICES = (PETITION, INSPECTION_COMPLAINT)
