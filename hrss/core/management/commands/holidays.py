from django.core.management.base import BaseCommand, CommandError

from hrss.core import workdays
from hrss.core.spreadsheets import SpreadsheetRefused


class Command(BaseCommand):
    help = "节假日安排：hrss holidays import FILE（.xlsx/.xls/.csv，列：日期、类型(放假/上班)、名称）；hrss holidays list"

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser("import", help="导入一个或几个年度的节假日安排，替换这些年度已有的安排")
        load.add_argument("file")
        actions.add_parser("list", help="列出已录入安排的年度")

    def handle(self, *args, **options):
        if options["action"] == "list":
            for year in workdays.CalendarYear.objects.all():
                days = workdays.CalendarDay.objects.filter(date__year=year.year).count()
                self.stdout.write(f"{year.year}  {days} 天  {year.source}")
            return
        try:
            days, years, errors = workdays.read_arrangement_file(options["file"])
        except FileNotFoundError:
            raise CommandError(f"找不到文件 {options['file']}。") from None
        except (SpreadsheetRefused, workdays.ArrangementRefused) as error:
            raise CommandError(str(error)) from None
        if errors:
            lines = "\n".join(f"  第{error.row}行【{error.column}】{error.reason}" for error in errors[:50])
            raise CommandError(f"文件有 {len(errors)} 处错误，未导入任何内容：\n{lines}")
        if not days:
            raise CommandError("文件中没有日期。")
        whole, reaching = workdays.whole_and_reaching(days, years)
        try:
            count = workdays.load_arrangement(days=days, years=whole, adding=reaching, actor=None,
                                              source=f"导入 {options['file']}")
        except workdays.ArrangementRefused as error:
            raise CommandError(str(error)) from None
        added = "、".join(f"{year}年的{sum(1 for day in days if day.year == year)}天" for year in sorted(reaching))
        text = f"已导入 {'、'.join(str(year) for year in sorted(whole))} 年的安排" if whole else "已导入"
        self.stdout.write(f"{text}{f'（{added}并入该年已有的安排）' if added else ''}，共 {count} 天。")
