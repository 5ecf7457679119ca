"""hrss office-compliance REGION_CODE [--on YYYY-MM-DD] [--json]: an office's compliance with the 八统一 standards in
force on a day (standards.compliance.check), null where nothing has been recorded (unknown, never passed)."""

import datetime
import json
import sys

from django.core.management.base import BaseCommand
from django.utils import timezone

from hrss.core.models import Level, Region
from hrss.network.models import Office
from hrss.network.standards import compliance

MARKS = {True: "达标", False: "未达标", None: "未登记"}


class Command(BaseCommand):
    help = ("输出一个乡镇(街道)服务所或村(社区)服务站按某日现行八统一标准的逐项达标情况："
            "hrss office-compliance 区划代码 [--on YYYY-MM-DD] [--json]。--json 输出 "
            '{"office", "region_code", "rules": [{"rule", "required", "actual", "ok"}], "ok", "failing", "unknown"}，'
            "未登记的项 actual 与 ok 为 null。区划代码有误或不是乡镇(街道)、村(社区)时输出中文错误，退出码2。")

    def add_arguments(self, parser):
        parser.add_argument("region_code", help="乡镇(街道)或村(社区)的12位区划代码")
        parser.add_argument("--on", default="", help="按此日现行标准 YYYY-MM-DD（默认今天）")
        parser.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args, **options):
        code, text = options["region_code"].strip(), options["on"].strip()
        if len(code) != 12 or not code.isdigit():
            self._fail(f"区划代码“{code}”有误：应为12位数字，如 441602001003。")
        region = Region.objects.filter(code=code).first()
        if region is None:
            self._fail(f"没有区划代码为{code}的区域：请核对代码。")
        if region.level not in (Level.TOWNSHIP, Level.VILLAGE) or not region.is_active:
            self._fail(f"{region.name}（{code}）不是有效的乡镇(街道)或村(社区)：服务所(站)只设在乡镇(街道)和村(社区)。")
        try:
            on = datetime.date.fromisoformat(text) if text else timezone.localdate()
        except ValueError:
            self._fail(f"日期（--on）“{text}”有误：请写成 YYYY-MM-DD，如 2026-03-02。")
        office = Office.objects.filter(region_code=code).first() or Office(region_code=code)
        result = compliance.check(office, on)
        name = f"{region.name}人力资源社会保障{'服务站' if region.level == Level.VILLAGE else '服务所'}"
        if options["json"]:
            self.stdout.write(json.dumps({
                "office": name, "region_code": code,
                "rules": [{"rule": r.rule, "required": r.required, "actual": r.actual, "ok": r.ok}
                          for r in result.results],
                "ok": result.ok, "failing": result.failing, "unknown": result.unknown}, ensure_ascii=False))
            return
        self.stdout.write(f"{name}（{code}），按{on:%Y-%m-%d}现行八统一标准：")
        for r in result.results:
            self.stdout.write(f"【{MARKS[r.ok]}】{r.title}\n    要求：{r.required}\n    登记：{r.actual or '未登记'}")
        self.stdout.write(f"合计：达标{result.ok}项，未达标{result.failing}项，未登记{result.unknown}项。")

    def _fail(self, message):
        sys.stderr.write(message + "\n")
        raise SystemExit(2)

