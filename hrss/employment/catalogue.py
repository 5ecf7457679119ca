"""The services of 就业与失业登记 in the service catalogue (core.catalogue): what the citizen brings (read from the
documents the intake checks, hrss/employment/services.py and models.Document), the promised time and the legal
basis. Sources are ../shared/docs/domain-rules.md's sections; a row marked [believed] was not checked against a
document's text."""

import datetime

from hrss.core.catalogue import Document, Service
from hrss.employment.chains import UNEMPLOYMENT_REGISTRATION
from hrss.employment.models import Document as Seen
from hrss.employment.services import DEFAULT_DOCUMENTS

D = datetime.date
SINCE = D(2010, 1, 1)  # the unified certificate (人社部发〔2010〕75号) and this chain's first rows
TOWNSHIP_WINDOW = "乡镇(街道)人社服务所窗口；村(社区)服务站可代收"

# The proofs of a category, by the category (domain-rules §2: ID for all; the termination certificate for whoever
# had an employer [believed]; the other category proofs are those the intake form offers [believed]).
PROOFS = (
    (Seen.TERMINATION_PROOF, "曾在用人单位就业的"),
    (Seen.GRADUATION_PROOF, "毕业生"),
    (Seen.DISCHARGE_PROOF, "退役军人"),
    (Seen.RELEASE_PROOF, "刑满释放人员"),
    (Seen.BUSINESS_CLOSURE_PROOF, "个体经营、私营企业停业的"),
)

UNEMPLOYMENT = Service(
    code="employment/unemployment_registration",
    name="失业登记",
    area_label="employment",
    documents=((SINCE, (*(Document(str(kind.label), copies=1) for kind in sorted(DEFAULT_DOCUMENTS)),
                        *(Document(str(kind.label), f"{who}提供", copies=1) for kind, who in PROOFS))),),
    # 登记并核发《就业失业登记证》: "10个工作日内办结核发" (domain-rules §5, sourced: secondary summary xyx234).
    promised_days=((SINCE, 10),),
    case_type=UNEMPLOYMENT_REGISTRATION.case_type,
    who="在法定劳动年龄内、有劳动能力、有就业要求、处于无业状态的城镇常住人员（就业服务与就业管理规定第六十三条）",
    legal_basis="《就业服务与就业管理规定》（劳动和社会保障部令第28号）第六十三条、第六十四条",
    where=TOWNSHIP_WINDOW,
)

EMPLOYMENT = Service(
    code="employment/employment_registration",
    name="就业登记",
    area_label="employment",
    # domain-rules §2 [sourced: S-local dezuhan].
    documents=((SINCE, (Document("居民身份证或社会保障卡", copies=1),
                        Document("劳动合同", "被用人单位招用的", copies=1),
                        Document("营业执照（统一社会信用代码）", "用人单位办理的", copies=1),
                        Document("招用人员就业登记表", "用人单位办理的；窗口领取", original_shown=False))),),
    promised_days=((SINCE, 0),),  # 资料齐全当场办结 [believed: the window's practice]
    who="被用人单位招用的人员由用人单位在招用之日起30日内办理；个体经营、灵活就业人员本人到乡镇(街道)办理",
    legal_basis="《就业服务与就业管理规定》第六十二条",
    where=TOWNSHIP_WINDOW,
)

CERTIFICATE = Service(
    code="employment/employment_certificate",
    name="《就业失业登记证》（就业创业证）核发",
    area_label="employment",
    documents=((SINCE, (Document("居民身份证", copies=1),
                        Document("近期一寸免冠照片", "1张", original_shown=False))),),  # [believed]
    promised_days=((SINCE, 10),),  # "10个工作日内办结核发" (domain-rules §5, sourced: secondary summary)
    who="办理就业登记或失业登记的人员、认定的就业援助对象、享受就业扶持政策的人员",
    legal_basis="《就业失业登记证管理暂行办法》（人社部发〔2010〕75号）",
    where=TOWNSHIP_WINDOW,
)

SERVICES = (EMPLOYMENT, UNEMPLOYMENT, CERTIFICATE)
