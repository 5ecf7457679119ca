from django.core.management.base import BaseCommand, CommandError

from hrss.core import classifications
from hrss.core.models import Industry, Occupation
from hrss.core.spreadsheets import SpreadsheetRefused


class Command(BaseCommand):
    help = ("职业分类（职业分类大典）与行业分类（GB/T 4754-2017）：hrss classifications import-occupations FILE"
            "（.xlsx/.csv，列 code,name,level,parent_code[,mark]；逐行检查，有错则不导入，已有代码更新）；"
            "hrss classifications counts")

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser("import-occupations", help="导入（补全）职业分类表")
        load.add_argument("file")
        load.add_argument("--edition", default="2022", help="大典版本（默认2022）")
        actions.add_parser("counts", help="各层级的代码数")

    def handle(self, *args, **options):
        if options["action"] == "counts":
            for model, label in ((Occupation, "职业"), (Industry, "行业")):
                counts = [model.objects.filter(level=level).count() for level in (1, 2, 3, 4)]
                self.stdout.write(f"{label}：" + " / ".join(str(count) for count in counts))
            return
        try:
            created, updated = classifications.import_occupations(actor=None, path=options["file"],
                                                                  edition=options["edition"])
        except FileNotFoundError:
            raise CommandError(f"找不到文件 {options['file']}。") from None
        except SpreadsheetRefused as error:
            raise CommandError(str(error)) from None
        except classifications.ImportRefused as error:
            lines = "\n".join(f"  {row_error}" for row_error in error.errors[:100])
            more = f"\n  ……另有 {len(error.errors) - 100} 处" if len(error.errors) > 100 else ""
            raise CommandError(f"{error}\n{lines}{more}".rstrip()) from None
        self.stdout.write(f"已导入职业分类：新增 {created} 个，更新 {updated} 个。")
