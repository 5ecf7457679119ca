import time

from django.core.management.base import BaseCommand, CommandError

from hrss.core.demo import DEMO_PASSWORD, create_demo_users
from hrss.core.models import Region


class Command(BaseCommand):
    help = "生成演示数据：各级各角色的演示账号，以及 --people 指定人数的演示人口（演示机专用）。"

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=0, help="演示人口数（分布到全市1443个村社区）")
        parser.add_argument("--seed", type=int, default=2011, help="随机种子：同一种子生成同样的数据")

    def handle(self, *args, **options):
        from hrss.residents.demo import generate_population
        from hrss.residents.models import Person

        if not Region.objects.exists():
            raise CommandError("尚未载入区划，请先运行 hrss load-regions。")
        users = create_demo_users()
        if options["people"]:
            existing = Person.objects.count()
            if existing >= options["people"]:
                self.stdout.write(f"已有 {existing} 名人员，不再生成演示人口。")
            else:
                started = time.perf_counter()
                created = generate_population(people=options["people"] - existing, seed=options["seed"])
                from hrss.residents.statistics import compute_snapshots

                compute_snapshots()
                self.stdout.write(f"已生成演示人口 {created} 人（{time.perf_counter() - started:.1f} 秒）。")
            from hrss.employment.demo import generate_employment_cases

            cases = generate_employment_cases()
            if cases:
                self.stdout.write(f"已生成演示失业登记 {cases} 件（下城社区，各办理环节都有）。")
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, role, region in users:
            self.stdout.write(f"  {username:<22} {role:<12} {region}")
