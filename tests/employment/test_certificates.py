import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrss.core.models import AuditEntry
from hrss.employment import certificates
from hrss.employment.models import CertificateIssue, EmploymentCertificate
from hrss.residents import services as residents_services
from hrss.residents.models import HukouType, LabourStatus
from tests.conftest import NEIGHBOUR_COUNTY_VILLAGE, VILLAGE, login
from tests.residents.factories import make_id_number

D = datetime.date


@pytest.fixture
def resident(heyuan, city_admin):
    created = iter(range(1, 1000, 2))

    def make(village=VILLAGE, hukou=HukouType.AGRICULTURAL, name="张三"):
        person = residents_services.register_person(
            actor=city_admin, id_number=make_id_number(area=village[:6], birth=D(1990, 5, 1), sequence=next(created)),
            name=name, village=heyuan[village], status=LabourStatus.UNEMPLOYED)[0]
        person.hukou_type = hukou
        person.save(update_fields=["hukou_type"])
        return person

    return make


@pytest.mark.parametrize(("day", "title"), [
    (D(2014, 12, 31), "就业失业登记证"),
    (D(2015, 4, 26), "就业失业登记证"),
    (D(2015, 4, 27), "就业创业证"),
    (D(2026, 11, 25), "就业创业证"),
])
def test_the_title_follows_the_2015_renaming(day, title):
    assert certificates.certificate_title(day) == title


def test_the_number_is_county_hukou_flag_year_and_sequence(resident, county_officer):
    certificate = certificates.issue_certificate(actor=county_officer, person=resident(), today=D(2026, 11, 25))
    assert certificate.number == "4416021026000001"
    assert len(certificate.number) == 16
    assert certificate.title == "就业创业证"
    urban = certificates.issue_certificate(actor=county_officer, person=resident(hukou=HukouType.NON_AGRICULTURAL),
                                           today=D(2026, 11, 26))
    assert urban.number == "4416022026000002"


def test_sequences_count_per_county_and_year(resident, county_officer, neighbour_county_officer):
    first = certificates.issue_certificate(actor=county_officer, person=resident(), today=D(2026, 12, 31))
    next_year = certificates.issue_certificate(actor=county_officer, person=resident(), today=D(2027, 1, 4))
    other_county = certificates.issue_certificate(actor=neighbour_county_officer,
                                                  person=resident(village=NEIGHBOUR_COUNTY_VILLAGE),
                                                  today=D(2026, 12, 31))
    assert [first.number, next_year.number, other_county.number] == [
        "4416021026000001", "4416021027000001", "4416211026000001"]


def test_a_holder_keeps_one_number(resident, county_officer):
    person = resident()
    first = certificates.issue_certificate(actor=county_officer, person=person)
    assert certificates.issue_certificate(actor=county_officer, person=person) == first
    assert EmploymentCertificate.objects.count() == 1


def test_a_reissue_keeps_the_number_and_voids_the_lost_paper(resident, county_officer):
    certificate = certificates.issue_certificate(actor=county_officer, person=resident(), today=D(2026, 3, 2))
    with pytest.raises(ValidationError, match="补发原因"):
        certificates.reissue_certificate(actor=county_officer, certificate=certificate, reason=" ")
    certificates.reissue_certificate(actor=county_officer, certificate=certificate, reason="遗失，已登报声明",
                                     today=D(2026, 11, 25))
    certificate.refresh_from_db()
    assert certificate.number == "4416021026000001"
    first, again = certificate.issues.all()
    assert (first.kind, first.voided_on) == (CertificateIssue.Kind.FIRST, D(2026, 11, 25))
    assert (again.kind, again.voided_on, again.note) == (CertificateIssue.Kind.REISSUE, None, "遗失，已登报声明")


def test_a_cancelled_certificate_cannot_be_reissued(resident, county_officer):
    certificate = certificates.issue_certificate(actor=county_officer, person=resident())
    certificates.cancel_certificate(actor=county_officer, certificate=certificate, reason="本人达到退休年龄")
    with pytest.raises(ValidationError, match="已注销"):
        certificates.reissue_certificate(actor=county_officer, certificate=certificate, reason="遗失")
    assert certificate.issues.get().voided_on is not None


def test_only_the_holders_county_issues(resident, township_officer, neighbour_county_officer):
    person = resident()
    for outsider in (township_officer, neighbour_county_officer):
        with pytest.raises(PermissionDenied):
            certificates.issue_certificate(actor=outsider, person=person)
    assert not EmploymentCertificate.objects.exists()
    assert AuditEntry.objects.filter(action="employment.certificate.issue",
                                     outcome=AuditEntry.Outcome.DENIED).count() == 2


def test_the_printed_page_embeds_its_chinese_font_and_is_audited(client, resident, county_officer):
    certificate = certificates.issue_certificate(actor=county_officer, person=resident())
    response = login(client, county_officer).get(f"/employment/certificates/{certificate.pk}/print.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    assert b"/FontFile2" in pdf and b"WenQuanYiMicroHei" in pdf  # a TrueType subset inside the file
    assert b"/Helvetica" not in pdf  # and no font the printing machine would have to supply
    assert AuditEntry.objects.filter(action="employment.certificate.printed",
                                     subject_id_number=certificate.person.id_number).exists()


def test_the_certificate_page_reissues_and_the_ledger_lists_both_papers(client, resident, county_officer):
    certificate = certificates.issue_certificate(actor=county_officer, person=resident())
    client = login(client, county_officer)
    page = client.post(f"/employment/certificates/{certificate.pk}/act/", {"action": "reissue", "text": "遗失"},
                       follow=True)
    assert "已补发，证号不变" in page.content.decode()
    ledger = client.get("/employment/certificates/").content.decode()
    assert ledger.count(certificate.number) == 2 and certificate.number.endswith("000001") and "补发" in ledger and "已作废（补发）" in ledger
