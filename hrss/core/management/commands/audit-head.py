from django.core.management.base import BaseCommand, CommandError

from hrss.core import audit


class Command(BaseCommand):
    help = ("打印审计日志当前的链头（序号:哈希），供另行保存（如每日报上级）；"
            "日后用 hrss audit-verify --head 序号:哈希 核对末尾记录没有被删除。")

    def handle(self, *args, **options):
        head = audit.current_head()
        if head is None:
            raise CommandError("审计日志还没有任何记录，没有链头。")
        self.stdout.write(audit.format_head(*head))
