import json

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from hrss.core.models import Level, Region
from hrss.residents.imports import ImportRefused, file_sha256, import_ledger, record_import
from hrss.residents.reports import rejected_rows_xlsx


class Command(BaseCommand):
    help = "导入劳动力资源台账（.xlsx/.xls/.csv）：hrss import-ledger FILE --village CODE [--dry-run] [--json]"
    requires_system_checks = []  # `hrss check` and the server run them; an operator's import need not wait for them

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--village", help="12位村(社区)代码；表格含“村(社区)代码”列时可省略")
        parser.add_argument("--dry-run", action="store_true", help="只校验并报告，不保存")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
        parser.add_argument("--errors-xlsx", help="把未导入的行写入这个 .xlsx 文件")

    def handle(self, *args, **options):
        village = None
        if options["village"]:
            village = Region.objects.filter(code=options["village"], level=Level.VILLAGE, is_active=True).first()
            if village is None:
                raise CommandError(f"村(社区)代码 {options['village']} 不存在或已撤销。")
        try:
            result = import_ledger(options["file"], actor=None, village=village, dry_run=options["dry_run"])
        except ImportRefused as error:
            raise CommandError(str(error)) from None
        except PermissionDenied as error:
            raise CommandError(str(error)) from None
        except FileNotFoundError:
            raise CommandError(f"找不到文件 {options['file']}。") from None
        record_import(actor=None, result=result, village=village, file_name=options["file"],
                      sha256=file_sha256(options["file"]), dry_run=options["dry_run"])
        if options["errors_xlsx"] and result.rejected:
            rejected_rows_xlsx([error.as_dict() for error in result.rejected], options["errors_xlsx"])
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
            return
        prefix = "（试运行，未保存）" if options["dry_run"] else ""
        self.stdout.write(f"{prefix}新增 {result.created}，更新 {result.updated}，未变 {result.unchanged}，"
                          f"未导入 {len(result.rejected)} 处")
        for note in result.notes:
            self.stdout.write(f"  说明：{note}")
        for error in result.rejected[:50]:
            self.stdout.write(f"  第{error.row}行【{error.column}】{error.reason}")
        if len(result.rejected) > 50:
            self.stdout.write(f"  ……另有 {len(result.rejected) - 50} 处，请用 --errors-xlsx 导出全部。")
