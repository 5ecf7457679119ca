"""城乡居民养老保险参保登记 in the service catalogue (core.catalogue): its checklist is the schemes part's
(schemes.rules.DOCUMENTS, dated, [believed] there), its promise the plan's second target: enrolment with complete
documents is done the same day (domain-rules §9 and §10, sourced: the seed plan 三(三))."""

from hrss.core.catalogue import Document, Service
from hrss.pensions.schemes import rules as scheme_rules

FORM_CODES = {"form"}  # the form is filled in at the window: nothing to copy


def _documents(rows):
    return tuple(Document(name, copies=0 if code in FORM_CODES else 1, original_shown=code not in FORM_CODES)
                 for code, name in rows)


ENROLMENT = Service(
    code="pensions/enrolment",
    name="城乡居民养老保险参保登记",
    area_label="pensions",
    documents=tuple((day, _documents(rows)) for day, rows in scheme_rules.DOCUMENTS),
    promised_days=((scheme_rules.DOCUMENTS[0][0], 0),),
    who="年满16周岁（不含在校学生）、未参加城镇职工基本养老保险的城乡居民，在户籍地参保",
    legal_basis="国发〔2009〕32号、国发〔2011〕18号、国发〔2014〕8号；河源市“五个100%”目标第二项（资料齐全当天办结）",
    where="村(社区)服务站、乡镇(街道)人社服务所窗口",
)

SERVICES = (ENROLMENT,)
