"""创业担保贷款 in the service catalogue (core.catalogue): its checklist read from the intake's rule
(rules.required_documents for each category, from the day the category may apply: rules.CATEGORY_SINCE), its
promise the sum of its chain's steps after the intake ([believed], as rules.FIVE_WORKING_DAYS and TEN_WORKING_DAYS
are)."""

from hrss.core.catalogue import Document, Service
from hrss.jobservices.loans import rules
from hrss.jobservices.loans.chains import LOAN_APPLICATION
from hrss.jobservices.models.loans import Category
from hrss.jobservices.models.loans import Document as Seen


def _documents_on(day):
    categories = [category for category in Category if rules.CATEGORY_SINCE[category] <= day]
    common = set.intersection(*(rules.required_documents(category) for category in categories))
    rows = [Document(str(Seen(code).label), copies=1) for code in Seen.values if code in common]
    for category in categories:
        proof = rules.CATEGORY_DOCUMENT.get(category)
        if proof is not None:
            rows.append(Document(str(Seen(proof).label), f"{category.label}提供", copies=1))
    return tuple(rows)


def _dated_documents():
    days = sorted(set(rules.CATEGORY_SINCE.values()))
    return tuple((day, _documents_on(day)) for day in days)


def _promised_days():
    first = rules.FIVE_WORKING_DAYS[0][0]  # the steps' deadlines start here
    return ((first, sum(step.deadline_on(first) for step in LOAN_APPLICATION.steps[1:])),)


LOAN = Service(
    code="jobservices/loan_application",
    name="创业担保贷款申请",
    area_label="jobservices",
    documents=_dated_documents(),
    promised_days=_promised_days(),
    case_type=LOAN_APPLICATION.case_type,
    who="城镇登记失业人员、就业困难人员、复员转业退役军人、高校毕业生、返乡创业农民工等自主创业人员（按申请日的类别）",
    legal_basis="财金〔2008〕100号；财金〔2016〕85号（更名为创业担保贷款），依据待核实",  # [believed]
    where="村(社区)服务站受理，乡镇(街道)、县(区)审核，担保机构和经办银行办理",
)

SERVICES = (LOAN,)
