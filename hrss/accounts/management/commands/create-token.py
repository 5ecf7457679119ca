from django.core.management.base import BaseCommand, CommandError

from hrss.accounts import services
from hrss.accounts.models import User


class Command(BaseCommand):
    help = "为工作人员创建 API 令牌并打印（只显示这一次）：hrss create-token USERNAME"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="令牌用途说明")

    def handle(self, *args, **options):
        try:
            user = User.objects.get(username=options["username"], is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"用户 {options['username']} 不存在或已停用。") from None
        self.stdout.write(services.create_token(actor=None, user=user, name=options["name"]))
