from django.core.management.base import CommandError

from hrss.core.models import Level, Region
from hrss.core.tabular.command import ImportCommand
from hrss.residents.imports import file_sha256, import_ledger, record_import


class Command(ImportCommand):
    help = "导入劳动力资源台账（.xlsx/.xls/.csv）：hrss import-ledger FILE --village CODE [--dry-run] [--json]"

    def add_import_arguments(self, parser):
        parser.add_argument("--village", help="12位村(社区)代码；表格含“村(社区)代码”列时可省略")

    def run_import(self, path, options):
        village = None
        if options["village"]:
            village = Region.objects.filter(code=options["village"], level=Level.VILLAGE, is_active=True).first()
            if village is None:
                raise CommandError(f"村(社区)代码 {options['village']} 不存在或已撤销。")
        result = import_ledger(path, actor=None, village=village, dry_run=options["dry_run"])
        record_import(actor=None, result=result, village=village, file_name=path, sha256=file_sha256(path),
                      dry_run=options["dry_run"])
        return result
