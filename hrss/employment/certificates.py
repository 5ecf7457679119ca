"""就业失业登记证 (就业创业证 since 2015): numbering, issue, reissue, cancellation, and the printable page.

The number and the title are configuration (settings.HRSS_CERTIFICATE_*). A holder keeps one number for life: a
lost certificate is reissued under the same number and the lost paper is voided (domain-rules §5)."""

import datetime
import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from hrss.core import audit, scoping
from hrss.core.models import Region
from hrss.core.pdf import cjk_font
from hrss.core.permissions import Role, check_acting_in, check_permission
from hrss.employment.models import CertificateIssue, CertificateSequence, EmploymentCertificate
from hrss.employment.permissions import EMPLOYMENT_HANDLE
from hrss.residents.permissions import ID_NUMBER_REVEAL

ISSUING_ROLES = {Role.COUNTY_APPROVER, Role.COUNTY_OFFICER}


def certificate_title(day):
    """The certificate's name on `day` (renamed 就业创业证 in 2015; already issued ones stay valid)."""
    title = None
    for since, name in sorted(settings.HRSS_CERTIFICATE_TITLES):
        if datetime.date.fromisoformat(since) <= day:
            title = name
    if title is None:
        raise ValueError(f"no certificate title configured for {day}")
    return title


def format_number(*, county_code, hukou_type, year, sequence):
    return settings.HRSS_CERTIFICATE_NUMBER_FORMAT.format(
        county=county_code, hukou=settings.HRSS_CERTIFICATE_HUKOU_DIGITS.get(hukou_type, "9"),
        flag=settings.HRSS_CERTIFICATE_FLAG_DIGIT, yy=f"{year % 100:02d}", year=year, sequence=sequence)


def next_sequence(county_code, year):
    """The next sequence number of a county's year, inside the caller's transaction. The UPDATE takes the row's
    lock on PostgreSQL (a second issuer waits, then counts on from the first's number); SQLite's transactions
    already hold the database's only write lock (BEGIN IMMEDIATE)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_sequence outside a transaction: the number could be given out twice")
    CertificateSequence.objects.bulk_create([CertificateSequence(county_code=county_code, year=year)],
                                            ignore_conflicts=True)
    CertificateSequence.objects.filter(county_code=county_code, year=year).update(last=F("last") + 1)
    return CertificateSequence.objects.get(county_code=county_code, year=year).last


def _check_issuer(actor, person, action):
    check_permission(actor, EMPLOYMENT_HANDLE)
    check_acting_in(actor, region_code=person.region_code, action=action, roles=ISSUING_ROLES,
                    subject_id_number=person.id_number, message="只有持证人所在县(区)的经办、审批人员可以办理登记证。")


def issue_certificate(*, actor, person, today=None, note=""):
    """Issue the person's certificate, or return the valid one they hold (one number for life)."""
    today = today or timezone.localdate()
    _check_issuer(actor, person, "employment.certificate.issue")
    with transaction.atomic():
        held = person.certificates.filter(status=EmploymentCertificate.Status.VALID).first()
        if held is not None:
            return held
        county_code = scoping.county_code_of(person.region_code)
        sequence = next_sequence(county_code, today.year)
        certificate = EmploymentCertificate.objects.create(
            number=format_number(county_code=county_code, hukou_type=person.hukou_type, year=today.year,
                                 sequence=sequence),
            person=person, region_code=person.region_code, county_code=county_code, year=today.year,
            sequence=sequence, title=certificate_title(today), issued_on=today, issued_by=actor)
        CertificateIssue.objects.create(certificate=certificate, kind=CertificateIssue.Kind.FIRST, issued_on=today,
                                        issued_by=actor, note=note[:200])
        audit.record(actor=actor, action="employment.certificate.issued", target=certificate,
                     region_code=person.region_code, subject_id_number=person.id_number,
                     after={"number": certificate.number, "title": certificate.title})
    return certificate


def _check_valid_certificate(actor, certificate, action, text, if_cancelled, if_no_text):
    """The checks every later step on a certificate shares; returns the stripped text."""
    _check_issuer(actor, certificate.person, action)
    if certificate.status != EmploymentCertificate.Status.VALID:
        raise ValidationError(if_cancelled)
    if not text.strip():
        raise ValidationError(if_no_text)
    return text.strip()


def _record(actor, certificate, action, text):
    audit.record(actor=actor, action=action, target=certificate, region_code=certificate.region_code,
                 subject_id_number=certificate.person.id_number, note=text[:255])


def reissue_certificate(*, actor, certificate, reason, today=None):
    """A lost or damaged certificate: a new paper under the same number; the papers before it are void."""
    today = today or timezone.localdate()
    reason = _check_valid_certificate(actor, certificate, "employment.certificate.reissue", reason,
                                      "已注销的登记证不能补发。", "请填写补发原因（如遗失、损毁）。")
    with transaction.atomic():
        certificate.issues.filter(voided_on__isnull=True).update(voided_on=today)
        issue = CertificateIssue.objects.create(certificate=certificate, kind=CertificateIssue.Kind.REISSUE,
                                                issued_on=today, issued_by=actor, note=reason[:200])
        _record(actor, certificate, "employment.certificate.reissued", reason)
    return issue


def record_certificate_change(*, actor, certificate, note, today=None):
    """信息变更: a change of address, education, qualifications or employment recorded on the certificate."""
    today = today or timezone.localdate()
    note = _check_valid_certificate(actor, certificate, "employment.certificate.change", note,
                                    "已注销的登记证不能变更。", "请写明变更的内容。")
    with transaction.atomic():
        issue = CertificateIssue.objects.create(certificate=certificate, kind=CertificateIssue.Kind.CHANGE,
                                                issued_on=today, issued_by=actor, note=note[:200])
        _record(actor, certificate, "employment.certificate.changed", note)
    return issue


def cancel_certificate(*, actor, certificate, reason, today=None):
    today = today or timezone.localdate()
    reason = _check_valid_certificate(actor, certificate, "employment.certificate.cancel", reason,
                                      "该登记证已注销。", "请填写注销原因。")
    with transaction.atomic():
        certificate.status = EmploymentCertificate.Status.CANCELLED
        certificate.cancelled_on = today
        certificate.cancel_reason = reason[:200]
        certificate.save(update_fields=["status", "cancelled_on", "cancel_reason"])
        certificate.issues.filter(voided_on__isnull=True).update(voided_on=today)
        _record(actor, certificate, "employment.certificate.cancelled", reason)
    return certificate


# --- the printed page ------------------------------------------------------------------------------------------



def certificate_pdf(certificate, *, actor):
    """The holder's page of the certificate as PDF (A5), with the full ID number: printing is audited."""
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    person = certificate.person
    check_permission(actor, ID_NUMBER_REVEAL)
    check_acting_in(actor, region_code=certificate.region_code, action="employment.certificate.printed",
                    subject_id_number=person.id_number, message="该登记证不在您的管辖范围内。")
    font = cjk_font()
    county = Region.objects.filter(code=scoping.code_of_prefix(certificate.county_code)).first()
    issuer = f"{county.name}人力资源和社会保障局" if county else "人力资源和社会保障局"
    latest = certificate.issues.order_by("-issued_on", "-id").first()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A5, pageCompression=1, initialFontName=font, initialFontSize=12)
    page.setTitle(f"{certificate.title} {certificate.number}")
    width, height = A5
    page.setFont(font, 22)
    page.drawCentredString(width / 2, height - 28 * mm, certificate.title)
    page.setFont(font, 10)
    page.drawCentredString(width / 2, height - 36 * mm, f"证号：{certificate.number}")
    rows = [
        ("姓　　名", person.name),
        ("性　　别", person.get_sex_display()),
        ("出生日期", f"{person.birth_date:%Y年%m月%d日}"),
        ("公民身份号码", person.id_number),
        ("户籍性质", person.get_hukou_type_display() or "—"),
        ("文化程度", person.get_education_display() or "—"),
        ("发证机关", issuer),
        ("发证日期", f"{certificate.issued_on:%Y年%m月%d日}"),
    ]
    if latest is not None and latest.kind == CertificateIssue.Kind.REISSUE:
        rows.append(("补发日期", f"{latest.issued_on:%Y年%m月%d日}"))
    top = height - 50 * mm
    page.setFont(font, 12)
    for index, (label, value) in enumerate(rows):
        y = top - index * 11 * mm
        page.drawString(18 * mm, y, label)
        page.drawString(50 * mm, y, str(value))
        page.line(48 * mm, y - 2 * mm, width - 18 * mm, y - 2 * mm)
    page.setFont(font, 8)
    page.drawString(18 * mm, 14 * mm, "本证实行实名制，限持证人本人使用，不得转借、涂改、伪造。")
    page.showPage()
    page.save()
    audit.record(actor=actor, action="employment.certificate.printed", target=certificate,
                 region_code=certificate.region_code, subject_id_number=person.id_number)
    return buffer.getvalue()
