"""A management command for an import: `hrss <import> FILE [its own options] [--dry-run] [--json]
[--errors-xlsx F]`. The area's command says what it adds (`add_import_arguments`) and how it runs the import
(`run_import`, returning a tabular.Result); the output is the same for every import."""

import json

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from hrss.core.tabular import ImportRefused, errors_xlsx


class ImportCommand(BaseCommand):
    requires_system_checks = []  # `hrss check` and the server run them; an operator's import need not wait for them

    def add_arguments(self, parser):
        parser.add_argument("file")
        self.add_import_arguments(parser)
        parser.add_argument("--dry-run", action="store_true", help="只校验并报告，不保存")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
        parser.add_argument("--errors-xlsx", help="把未导入的行写入这个 .xlsx 文件")

    def add_import_arguments(self, parser):
        pass

    def run_import(self, path, options):
        """Import `path` with the command's options (raise CommandError for a wrong option); return the Result."""
        raise NotImplementedError

    def handle(self, *args, **options):
        try:
            result = self.run_import(options["file"], options)
        except (ImportRefused, PermissionDenied) as error:
            raise CommandError(str(error)) from None
        except FileNotFoundError:
            raise CommandError(f"找不到文件 {options['file']}。") from None
        if options["errors_xlsx"] and result.rejected:
            errors_xlsx(result.rejected, options["errors_xlsx"])
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
