"""The inspection part's service in the catalogue (core.catalogue): 劳动保障监察投诉. Its promised time is the
legal deadline (hrss/supervision/deadlines.py): a case concluded within 60 working days of being opened (domain-rules
§8); 服务承诺 measures the cases concluded in a month against it (selectors.concluded_between). Its documents are
[believed]: what 部令第25号 asks a complaint to state."""

from hrss.core.catalogue import Document, Service
from hrss.supervision.deadlines import INSPECTION_FROM, RULES, counts_working_days, promised_days
from hrss.supervision.inspection.selectors import concluded_between

INSPECTION_COMPLAINT = Service(
    code="supervision/inspection_complaint",
    name="劳动保障监察投诉",
    area_label="supervision",
    documents=((INSPECTION_FROM, (
        Document("投诉人居民身份证", copies=1),
        Document("投诉书（用人单位名称、住所，违法事实，请求）", "口头投诉的由窗口记录", original_shown=False),
        Document("劳动关系证明（劳动合同、工作证、工资条等）", copies=1),
    )),),
    promised_days=promised_days("inspection-conclude"),
    working_days=counts_working_days("inspection-conclude"),
    closed=concluded_between,
    who="认为用人单位侵犯其劳动保障合法权益的劳动者",
    legal_basis=RULES["inspection-conclude"][-1][1].basis,
    where="县(区)劳动保障监察大队；乡镇(街道)人社服务所窗口可代收转交",
)

SERVICES = (INSPECTION_COMPLAINT,)
