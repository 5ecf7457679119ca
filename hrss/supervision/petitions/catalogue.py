"""The petitions part's service in the catalogue (core.catalogue): 信访事项办理. Its promised time is the legal
deadline (hrss/supervision/deadlines.py, read from its rows, so a changed law is changed once): a petition concluded
within 60 days (calendar days) of its acceptance; 服务承诺 measures the petitions replied in a month against it
(selectors.replied_between). Its documents are [believed]: what 信访工作条例 art. 17-18 ask a letter to state."""

from hrss.core.catalogue import Document, Service
from hrss.supervision.deadlines import PETITIONS_FROM, RULES, counts_working_days, promised_days
from hrss.supervision.petitions.selectors import replied_between

PETITION = Service(
    code="supervision/petition",
    name="信访事项办理",
    area_label="supervision",
    documents=((PETITIONS_FROM, (
        Document("信访人居民身份证或其他身份证明", copies=1),
        Document("信访材料（信访人姓名、住址、联系方式，请求、事实和理由）", "来访的可由窗口记录", original_shown=False),
        Document("相关证据材料（劳动合同、工资条、考勤记录等）", "有的提供", copies=1),
    )),),
    promised_days=promised_days("petition-handle"),
    working_days=counts_working_days("petition-handle"),
    closed=replied_between,
    who="就人力资源和社会保障事项提出建议、意见或者投诉请求的公民、法人或者其他组织",
    legal_basis=RULES["petition-handle"][-1][1].basis,
    where="乡镇(街道)人社服务所窗口受理、转送；县(区)人社部门办理",
)

SERVICES = (PETITION,)
