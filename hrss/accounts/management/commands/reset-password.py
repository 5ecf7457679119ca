from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from hrss.accounts import services
from hrss.accounts.models import User


class Command(BaseCommand):
    help = ("应急重置密码（在服务器上由运维人员执行，如唯一的安全管理员忘记密码）：申请并核准一次重置，打印两段重置码，"
            "本人凭两段在登录页“凭重置码设置新密码”。日常重置请由系统管理员申请、安全管理员核准（ADR 0008）。")

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"用户 {options['username']} 不存在。")
        try:
            _reset, first_half = services.request_password_reset(actor=None, user=user)
            _reset, second_half = services.approve_password_reset(actor=None, user=user)
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from None
        self.stdout.write(f"重置码第一段：{first_half}\n重置码第二段：{second_half}\n"
                          f"该账号原密码、会话和 API 令牌已失效；请核实本人身份后告知，本人在登录页凭重置码设置新密码。")
