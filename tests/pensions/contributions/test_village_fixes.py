"""Fixes from the user trial: an import queued for over a minute says the background worker may not run."""

import datetime

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
