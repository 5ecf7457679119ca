from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from hrss.accounts import services
from hrss.core.models import Region
from hrss.core.permissions import role_choices


class Command(BaseCommand):
    help = "创建工作人员账号：hrss create-user USERNAME --region CODE --role ROLE [--password P]"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--region", required=True, help="所属区域的12位区划代码")
        parser.add_argument("--role", action="append", required=True, choices=[code for code, _label in role_choices()],
                            help="角色，可重复给出多个")
        parser.add_argument("--password", help="初始密码；省略时随机生成并打印")
        parser.add_argument("--full-name", default="")

    def handle(self, *args, **options):
        try:
            region = Region.objects.get(code=options["region"], is_active=True)
        except Region.DoesNotExist:
            raise CommandError(f"区划代码 {options['region']} 不存在（或已撤销）。先运行 hrss load-regions。") from None
        try:
            user, password = services.create_user(
                actor=None, username=options["username"], region=region, roles=options["role"],
                password=options["password"], full_name=options["full_name"],
            )
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None
        self.stdout.write(f"已创建 {user.username}（{region.name}，{'、'.join(user.role_labels)}）")
        if not options["password"]:
            self.stdout.write(f"初始密码：{password}（首次登录须修改）")
