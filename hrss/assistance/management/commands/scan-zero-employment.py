"""hrss scan-zero-employment --as USERNAME [--region CODE]: the comparison of the ledger with the 零就业家庭 cases
(assistance.households.services.scan_households), run as a named staff account of the township, county or city (its
scope and role decide what it may compare, and the audit log names it), township by township under the region."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from hrss.accounts.models import User
from hrss.assistance.households import services
from hrss.core import scoping
from hrss.core.models import Level


class Command(BaseCommand):
    help = ("比对人员台账与零就业家庭：为台账中尚未登记的零就业家庭立案（台账发现），为已有成员就业的清零。"
            "--as 以该工作人员身份运行（乡镇、县、市的经办人员）；--region 区域代码（默认该人员所在区域），逐个乡镇(街道)比对。")

    def add_arguments(self, parser):
        parser.add_argument("--as", dest="username", required=True, help="工作人员用户名")
        parser.add_argument("--region", default="", help="12位区域代码，默认该工作人员所在区域")

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["username"], is_active=True).select_related("region").first()
        if user is None:
            raise CommandError(f"用户 {options['username']} 不存在或已停用。")
        code = options["region"] or (user.region.code if user.region_id else "")
        region = scoping.regions_visible_to(user).filter(code=code).first()
        if region is None:
            raise CommandError(f"区域 {code} 不存在或不在 {user.username} 的辖区内。")
        townships = ([region] if region.level >= Level.TOWNSHIP else
                     list(scoping.within_region(scoping.regions_visible_to(user), region)
                          .filter(level=Level.TOWNSHIP).order_by("code")))
        opened = cleared = 0
        for township in townships:
            try:
                found, done = services.scan_households(actor=user, region=township)
            except PermissionDenied as error:
                raise CommandError(str(error) or "该工作人员无权比对零就业家庭。") from None
            except ValidationError as error:
                raise CommandError("；".join(error.messages)) from None
            opened, cleared = opened + found, cleared + done
        self.stdout.write(f"已比对{region.name}（{len(townships)}个乡镇(街道)）：新发现零就业家庭{opened}户，清零{cleared}户。")
