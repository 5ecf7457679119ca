from django.core.management.base import BaseCommand, CommandError

from hrss.core.demo import DEMO_PASSWORD, create_demo_users
from hrss.core.models import Region


class Command(BaseCommand):
    help = "生成演示数据：各级各角色的演示账号（演示机专用）。"

    def handle(self, *args, **options):
        if not Region.objects.exists():
            raise CommandError("尚未载入区划，请先运行 hrss load-regions。")
        users = create_demo_users()
        self.stdout.write("演示账号（密码均为 %s）：" % DEMO_PASSWORD)
        for username, role, region in users:
            self.stdout.write(f"  {username:<22} {role:<12} {region}")
