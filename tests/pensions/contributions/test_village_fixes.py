"""Fixes from the user trial: an import queued for over a minute says the background worker may not run."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hrss.pensions.models import ContributionImport
from tests.conftest import TODAY, VILLAGE, login


def test_an_import_queued_over_a_minute_asks_for_the_worker(client, payer, village_assistant):
    login(client, village_assistant)
    content = (f"公民身份号码,姓名,缴费年度,缴费金额,到账日期,票据号/流水号\n"
               f"{payer.id_number},{payer.name},{TODAY.year},600,{TODAY.isoformat()},Q1\n").encode()
    response = client.post(reverse("pensions:contributions-import-new"), {
        "source": "bank", "region": VILLAGE, "file": SimpleUploadedFile("代扣.csv", content)})
    job = ContributionImport.objects.get()  # no worker ran: the job's task waits for commit
    assert job.status == "queued"
    warning = "后台任务进程未在运行？请联系系统管理员启动 hrss db_worker"
    ContributionImport.objects.filter(pk=job.pk).update(created_at=job.created_at - datetime.timedelta(seconds=59))
    assert warning not in client.get(response["Location"]).content.decode()
    ContributionImport.objects.filter(pk=job.pk).update(created_at=job.created_at - datetime.timedelta(seconds=61))
    assert warning in client.get(response["Location"]).content.decode()
    assert warning in client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()


def test_a_misspelt_name_can_be_credited_to_the_ledgers_person(client, imported_misspelt, payer, village_assistant):
    from hrss.pensions.models import Contribution, UnmatchedPayment

    login(client, village_assistant)
    row = UnmatchedPayment.objects.get()
    url = reverse("pensions:contributions-unmatched-resolve", args=[row.pk])
    page = client.get(url).content.decode()
    assert "张丽华" in page and payer.name in page and "确认为本人（姓名有误），入账" in page
    before = Contribution.objects.filter(person=payer).count()
    response = client.post(url, {"credit": "1"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.resolved_at is not None
    kinds = sorted(Contribution.objects.filter(person=payer).values_list("kind", flat=True))
    assert Contribution.objects.filter(person=payer).count() == before + 2 and "subsidy" in kinds
    page = client.post(url, {"credit": "1"}).content.decode()
    assert "不能重复处理" in page


def test_credit_is_refused_out_of_scope_and_not_enrolled(payer, make_person, village_assistant,
                                                         neighbour_village_assistant, imported_misspelt):

    from django.core.exceptions import PermissionDenied, ValidationError
    from django.http import Http404

    from hrss.pensions.contributions import services
    from hrss.pensions.models import UnmatchedPayment

    row = UnmatchedPayment.objects.get()
    with pytest.raises((PermissionDenied, ValidationError, Http404)):
        services.credit_unmatched(actor=neighbour_village_assistant, row=row, today=TODAY)
    stranger = make_person("未参保", serial=377, enrol=False)
    UnmatchedPayment.objects.filter(pk=row.pk).update(id_number=stranger.id_number)
    row.refresh_from_db()
    with pytest.raises(ValidationError, match="未参加城乡居民养老保险"):
        services.credit_unmatched(actor=village_assistant, row=row, today=TODAY)


@pytest.fixture
def imported_misspelt(payer, village_assistant, csv_file):
    from hrss.pensions.contributions import services

    job, _ = services.import_file(csv_file([(payer.id_number, "张丽华", TODAY.year, "600",
                                             TODAY.isoformat(), "M1")]), actor=village_assistant, source="bank")
    return job
