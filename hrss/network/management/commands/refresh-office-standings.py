"""hrss refresh-office-standings [--on YYYY-MM-DD]: every office's stored standing (OfficeStanding) computed again,
for the rules in force and the audit log's activity on that day (run nightly)."""

import datetime
import sys

from django.core.management.base import BaseCommand
from django.utils import timezone

from hrss.network.offices.services import refresh_standings


class Command(BaseCommand):
    help = "重新计算每个服务所(站)的八统一达标汇总（每日运行）：hrss refresh-office-standings [--on YYYY-MM-DD]。"

    def add_arguments(self, parser):
        parser.add_argument("--on", default="", help="按此日 YYYY-MM-DD（默认今天）")

    def handle(self, *args, **options):
        text = options["on"].strip()
        try:
            on = datetime.date.fromisoformat(text) if text else timezone.localdate()
        except ValueError:
            sys.stderr.write(f"日期（--on）“{text}”有误：请写成 YYYY-MM-DD。\n")
            raise SystemExit(2) from None
        count = refresh_standings(today=on)
        self.stdout.write(f"已重新计算{count}个服务所(站)的达标情况（{on:%Y-%m-%d}）。")
