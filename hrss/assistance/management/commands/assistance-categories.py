"""hrss assistance-categories --on YYYY-MM-DD [--json]: the categories of 就业困难人员 in force on that day
(hrss/assistance/recognition/categories.py)."""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from hrss.assistance.recognition.categories import categories_on


class Command(BaseCommand):
    help = "列出某日有效的就业困难人员认定类别：hrss assistance-categories --on YYYY-MM-DD [--json]"

    def add_arguments(self, parser):
        parser.add_argument("--on", required=True, help="日期，格式 YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args, **options):
        try:
            day = datetime.date.fromisoformat(options["on"])
        except (TypeError, ValueError):
            raise CommandError(f"日期“{options['on']}”无效，请按 YYYY-MM-DD 填写，如 2024-01-31。") from None
        rows = categories_on(day)
        if options["json"]:
            self.stdout.write(json.dumps([row.as_json() for row in rows], ensure_ascii=False))
            return
        if not rows:
            self.stdout.write(f"{day:%Y-%m-%d} 没有有效的就业困难人员认定类别。")
            return
        self.stdout.write(f"{day:%Y-%m-%d} 有效的就业困难人员认定类别（共{len(rows)}类）：")
        for row in rows:
            until = f"{row.valid_to:%Y-%m-%d}" if row.valid_to else "至今"
            mark = " [未核实]" if row.believed else ""
            self.stdout.write(f"  {row.code:<24} {row.name}（{row.valid_from:%Y-%m-%d} 起，{until}）{mark}")
            self.stdout.write(f"    所需材料：{'、'.join(row.documents)}")
