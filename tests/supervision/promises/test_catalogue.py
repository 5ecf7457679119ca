"""The service catalogue as every area declared it (core.catalogue): each area's services are there with their
review chains, their checklists come from the intakes' own rules (never a second copy), the supervision area's
promises are its legal deadlines, and the list page shows them all."""

import datetime

from django.test import Client

from hrss.assistance.recognition import categories
from hrss.core import catalogue, review
from hrss.employment.models import Document as EmploymentDocument
from hrss.employment.services import REQUIRED_DOCUMENTS
from hrss.jobservices.loans import rules as loan_rules
from hrss.jobservices.models.loans import Document as LoanDocument
from hrss.pensions.schemes import rules as scheme_rules
from hrss.supervision import deadlines
from tests.conftest import TODAY, login

D = datetime.date


def names(service, day):
    return [document.name for document in service.documents_on(day)]


def test_every_area_declares_its_services_and_each_chain_with_one_has_its_cases_measured():
    codes = {service.code for service in catalogue.services()}
    assert {"employment/unemployment_registration", "employment/employment_registration",
            "employment/employment_certificate", "jobservices/seeker_registration", "jobservices/job_placement",
            "jobservices/training_enrolment", "jobservices/loan_application", "assistance/recognition",
            "assistance/public_welfare_post", "assistance/flexible_registration", "pensions/enrolment",
            "pensions/award", "pensions/certification", "pensions/card_application", "supervision/petition",
            "supervision/inspection_complaint"} <= codes
    # Every review chain an area registered has its service, so the promise and 限时办结 see all the cases.
    chains = {chain.case_type for chain in review.registered_chains()
              if not chain.case_type.startswith("test.") and not chain.internal}  # internal: among offices
    assert chains - {"plugin_area.visit"} <= set(catalogue.case_types())


def test_the_unemployment_checklist_holds_every_document_the_intake_requires():
    service = catalogue.service("employment/unemployment_registration")
    required = {str(EmploymentDocument(kind).label) for kinds in REQUIRED_DOCUMENTS.values() for kind in kinds}
    assert required <= set(names(service, TODAY))
    assert service.promise_label(TODAY) == "10个工作日"


def test_the_loan_checklist_is_the_intakes_by_the_day_each_category_could_apply():
    service = catalogue.service("jobservices/loan_application")
    before_2016, after = names(service, D(2015, 1, 1)), names(service, TODAY)
    release = str(LoanDocument(loan_rules.CATEGORY_DOCUMENT[loan_rules.Category.RELEASED]).label)
    assert release not in before_2016 and release in after  # 刑满释放人员 may apply from 财金〔2016〕85号
    assert {str(LoanDocument(code).label) for code in loan_rules.required_documents(
        loan_rules.Category.GRADUATE)} <= set(after)


def test_the_recognition_checklist_follows_the_categories_in_force():
    service = catalogue.service("assistance/recognition")
    for day in (D(2020, 1, 1), TODAY):
        wanted = {name for row in categories.categories_on(day) for name in row.documents}
        assert set(names(service, day)) == wanted
    assert "刑满释放证明" not in names(service, D(2020, 1, 1))  # a category of 粤人社规〔2023〕11号 only
    assert "刑满释放证明" in names(service, TODAY)
    proof = next(document for document in service.documents_on(TODAY) if document.name == "刑满释放证明")
    assert "刑满释放人员" in proof.note


def test_the_enrolment_checklist_is_the_schemes_own():
    service = catalogue.service("pensions/enrolment")
    assert names(service, TODAY) == [name for _code, name in scheme_rules.documents_on(TODAY)]
    assert service.promise_label(TODAY) == "当场办结"  # 五个100%: complete documents, enrolled the same day


def test_the_supervision_services_promise_their_legal_deadlines():
    petition = catalogue.service("supervision/petition")
    complaint = catalogue.service("supervision/inspection_complaint")
    assert (petition.promise_label(TODAY), complaint.promise_label(TODAY)) == ("60日", "60个工作日")
    assert petition.promised_days_on(TODAY) == deadlines.rule("petition-handle", TODAY).days
    assert not petition.working_days and complaint.working_days
    assert "第三十二条" in petition.legal_basis


def test_the_list_page_shows_every_service_with_its_documents_promise_and_basis(township_officer):
    page = login(Client(), township_officer).get("/supervision/promises/services/")
    assert page.status_code == 200
    body = page.content.decode()
    for service in catalogue.services():
        assert service.name in body
    assert "终止/解除劳动关系证明" in body and "10个工作日" in body and "60个工作日" in body
    assert "《就业服务与就业管理规定》" in body
