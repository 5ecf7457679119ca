from django.core.management.base import BaseCommand, CommandError

from hrss.core.audit import verify_chain


class Command(BaseCommand):
    help = "校验审计日志的哈希链：任何一条记录被修改或删除，都会在该处断开。"

    def handle(self, *args, **options):
        checked, broken = verify_chain()
        if broken is not None:
            raise CommandError(f"审计日志在第 {broken} 号记录处断链（之前 {checked} 条完好）：该记录或其前一条被修改或删除。")
        self.stdout.write(f"审计日志完整：{checked} 条记录，哈希链无断点。")
