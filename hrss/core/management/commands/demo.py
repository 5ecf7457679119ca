from django.core.management.base import BaseCommand, CommandError

from hrss.core import areas
from hrss.core.models import Region


class Command(BaseCommand):
    help = "生成演示数据：各级各角色的演示账号，以及 --people 指定人数的演示人口（演示机专用）。"

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=0, help="演示人口数（分布到全市1443个村社区）")
        parser.add_argument("--seed", type=int, default=2011, help="随机种子：同一种子生成同样的数据")

    def handle(self, *args, **options):
        if not Region.objects.exists():
            raise CommandError("尚未载入区划，请先运行 hrss load-regions。")
        # Each installed area adds its demo data (core.areas: Area.demo, in demo_order); what they return to be
        # said last (the demo logins) is printed after all of them.
        closing = []
        for area in areas.demo_providers():
            closing.extend(area.demo(self.stdout, options) or ())
        for line in closing:
            self.stdout.write(line)
