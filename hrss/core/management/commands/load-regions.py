from django.core.management.base import BaseCommand

from hrss.core.regions import load_regions


class Command(BaseCommand):
    help = "载入河源市行政区划（省、市、6个县区、101个乡镇街道、1443个村社区）；重复运行不会产生变化。"

    def handle(self, *args, **options):
        result = load_regions(actor=None)
        self.stdout.write(
            f"区划载入完成：新增 {result.created}，更新 {result.updated}，未变 {result.unchanged}，"
            f"已撤销代码跳过 {result.skipped_retired}"
        )
