import datetime

from django.core.management.base import BaseCommand, CommandError

from hrss.core import workdays


class Command(BaseCommand):
    help = "工作日计算：hrss workdays add DATE N 输出 DATE 之后第 N 个工作日"

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="DATE 之后第 N 个工作日（DATE 当天不计）")
        add.add_argument("date", help="YYYY-MM-DD")
        add.add_argument("count", type=int)

    def handle(self, *args, **options):
        try:
            day = datetime.date.fromisoformat(options["date"])
        except ValueError:
            raise CommandError(f"“{options['date']}”不是日期，请写成 2026-09-30 的形式。") from None
        if options["count"] < 0:
            raise CommandError("N 不能为负数。")
        try:
            self.stdout.write(workdays.add_working_days(day, options["count"]).isoformat())
        except workdays.UnknownArrangement as error:
            raise CommandError(str(error)) from None
