from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from hrss.accounts import services
from hrss.accounts.models import User


class Command(BaseCommand):
    help = ("吊销工作人员的 API 令牌：hrss revoke-token USERNAME 吊销其唯一的有效令牌（有多个时列出，须指定）；"
            "--prefix 前缀 吊销指定的一个；--all 全部吊销。")

    def add_arguments(self, parser):
        parser.add_argument("username")
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--prefix", default="", help="令牌的前8个字符（hrss_ 之后），create-token 打印的令牌可见")
        which.add_argument("--all", action="store_true", dest="every", help="吊销该账号的全部令牌")

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"用户 {options['username']} 不存在。")
        try:
            prefixes = services.revoke_tokens(actor=None, user=user, prefix=options["prefix"], every=options["every"])
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None
        self.stdout.write(f"已吊销 {len(prefixes)} 个令牌：{'、'.join(prefixes)}")
