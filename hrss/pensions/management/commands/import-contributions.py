import json

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError

from hrss.core.spreadsheets import write_xlsx
from hrss.core.tabular import ImportRefused
from hrss.core.tabular.command import ImportCommand
from hrss.pensions.contributions import services
from hrss.pensions.contributions.selectors import UNMATCHED_HEADER, unmatched_cells
from hrss.pensions.models import UnmatchedPayment


class Command(ImportCommand):
    help = ("导入城乡居民养老保险缴费文件（.xlsx/.csv，银行代扣或税务征收）："
            "hrss import-contributions FILE --source bank|tax --as 用户名 [--dry-run] [--json] [--errors-xlsx F]")

    def add_import_arguments(self, parser):
        parser.add_argument("--source", required=True, choices=["bank", "tax"], help="bank：银行代扣；tax：税务征收")
        parser.add_argument("--as", dest="username", required=True,
                            help="以哪个工作人员的身份导入（其辖区决定可匹配的参保人）")

    def run_import(self, path, options):
        user = get_user_model().objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"用户 {options['username']} 不存在或已停用。")
        job, result = services.import_file(path, actor=user, source=options["source"], dry_run=options["dry_run"])
        self.job = job
        return result

    def handle(self, *args, **options):
        try:
            result = self.run_import(options["file"], options)
        except ImportRefused as error:
            raise CommandError(str(error)) from None
        except PermissionDenied as error:
            raise CommandError(str(error) or "该用户无权导入缴费文件。") from None
        except FileNotFoundError:
            raise CommandError(f"找不到文件 {options['file']}。") from None
        job = self.job
        same = bool(job is not None and getattr(job, "same_file", False))
        if options["errors_xlsx"] and not same:
            rows = (unmatched_cells(row) for row in job.unmatched_rows.order_by("row")) if job is not None else (
                unmatched_cells(row) for row in _dry_rows(result))
            write_xlsx(options["errors_xlsx"], [("未匹配的缴费", UNMATCHED_HEADER, rows)])
        summary = {**result.as_dict(), "import_id": job.pk if job is not None else None, "same_file": same,
                   "dry_run": options["dry_run"]}
        if same:
            summary["message"] = services.same_file_message(job)
        if options["json"]:
            self.stdout.write(json.dumps(summary, ensure_ascii=False))
            return
        if same:
            self.stdout.write(summary["message"])
            return
        prefix = "（试运行，未保存）" if options["dry_run"] else ""
        self.stdout.write(f"{prefix}已匹配入账 {result.matched} 行（其中政府补贴 {result.subsidies} 笔），"
                          f"未匹配 {result.unmatched} 行，重复 {result.duplicates} 行")


def _dry_rows(result):
    for values in getattr(result, "unmatched_rows", []):
        yield UnmatchedPayment(row=values[2], id_number=values[3], name=values[4], amount=values[5], year=values[6],
                               paid_on=values[7], receipt=values[8], kind=values[9], reason=values[10])
