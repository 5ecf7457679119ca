"""The API (upload, an import's result, a person's statement) and `hrss import-contributions`."""

import datetime
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from hrss.accounts import services as account_services
from hrss.pensions.models import Contribution, ContributionImport
from tests.conftest import TODAY, VILLAGE

PAID = (TODAY - datetime.timedelta(days=2)).isoformat()


def api(user):
    return Client(headers={"Authorization": f"Bearer {account_services.create_token(actor=None, user=user)}"})


def test_api_upload_result_and_account(payer, village_assistant, neighbour_village_assistant,
                                       django_capture_on_commit_callbacks):
    content = (f"公民身份号码,姓名,缴费年度,缴费金额,到账日期,票据号/流水号\n"
               f"{payer.id_number},{payer.name},{TODAY.year},600,{PAID},A1\n").encode()
    client = api(village_assistant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/pensions/contribution-imports",
                               {"source": "tax", "region": VILLAGE, "file": SimpleUploadedFile("税务.csv", content)})
    assert response.status_code == 201, response.content.decode()
    job_id = response.json()["id"]
    result = client.get(f"/api/v1/pensions/contribution-imports/{job_id}").json()
    assert (result["status"], result["matched"], result["unmatched"]) == ("done", 1, 0)
    statement = client.get(f"/api/v1/pensions/people/{payer.pk}/account").json()
    assert statement["balance"] == "660.00" and statement["years"][-1]["year"] == TODAY.year
    again = client.post("/api/v1/pensions/contribution-imports",
                        {"source": "tax", "file": SimpleUploadedFile("税务.csv", content)})
    assert again.status_code == 200 and again.json()["same_file"] and "未做任何改动" in again.json()["message"]
    outsider = api(neighbour_village_assistant)
    assert outsider.get(f"/api/v1/pensions/contribution-imports/{job_id}").status_code == 404
    assert outsider.get(f"/api/v1/pensions/people/{payer.pk}/account").status_code == 404
    assert outsider.post("/api/v1/pensions/contribution-imports",
                         {"source": "tax", "region": VILLAGE, "file": SimpleUploadedFile("x.csv", content)}
                         ).status_code == 404


def test_api_refusals_are_in_chinese(village_assistant):
    response = api(village_assistant).post("/api/v1/pensions/contribution-imports",
                                           {"source": "post", "file": SimpleUploadedFile("x.csv", b"a,b\n")})
    assert response.status_code == 422 and "银行代扣或税务征收" in response.json()["detail"]


def test_command_imports_and_reports(payer, village_assistant, csv_file, capsys, tmp_path):
    path = csv_file([(payer.id_number, payer.name, TODAY.year, "600", PAID, "C1"),
                     (payer.id_number, "冒名", TODAY.year, "600", PAID, "C2")])
    call_command("import-contributions", str(path), "--source", "bank", "--as", village_assistant.username,
                 "--json", "--errors-xlsx", str(tmp_path / "errors.xlsx"))
    out = json.loads(capsys.readouterr().out)
    assert (out["matched"], out["unmatched"], out["duplicates"], out["same_file"]) == (1, 1, 0, False)
    assert (tmp_path / "errors.xlsx").exists()
    call_command("import-contributions", str(path), "--source", "bank", "--as", village_assistant.username)
    assert "已导入过，本次未做任何改动" in capsys.readouterr().out
    assert ContributionImport.objects.count() == 1 and Contribution.objects.filter(kind="personal").count() == 1


def test_command_dry_run(payer, village_assistant, csv_file, capsys):
    path = csv_file([(payer.id_number, payer.name, TODAY.year, "600", PAID, "D1")])
    call_command("import-contributions", str(path), "--source", "bank", "--as", village_assistant.username,
                 "--dry-run")
    assert "试运行" in capsys.readouterr().out
    assert not Contribution.objects.exists()
