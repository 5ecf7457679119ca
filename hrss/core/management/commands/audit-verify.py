from django.core.management.base import BaseCommand, CommandError

from hrss.core import audit


class Command(BaseCommand):
    help = ("校验审计日志的哈希链：任何一条记录被修改或删除、整条链被重新计算，或末尾的记录被删除（与保存在数据库之外的"
            "链头比对），都会报错并以非零状态退出。")

    def add_arguments(self, parser):
        parser.add_argument("--head", metavar="SEQ:HASH",
                            help="另行保存的链头（hrss audit-head 的输出）：核对链仍到达该记录且哈希相同。")

    def handle(self, *args, **options):
        given = None
        if options["head"] is not None:
            try:
                given = audit.parse_head(options["head"])
            except ValueError as error:
                raise CommandError(str(error)) from None
        checked, broken = audit.verify_chain()
        if broken is not None:
            raise CommandError(f"审计日志在第 {broken} 号记录处断链（之前 {checked} 条完好）：该记录或其前一条被修改或删除，"
                               "或哈希链被重新计算过。")
        path = audit.head_file_path()
        try:
            kept = audit.read_head_file(path)
        except ValueError as error:
            raise CommandError(f"链头文件 {path} 已损坏：{error}") from None
        try:
            if given is not None:
                audit.verify_head(given)
            if kept is not None:
                audit.verify_head(kept)
            elif path is not None and checked and given is None:
                raise audit.ChainBroken(f"链头文件 {path} 不存在：无法确认末尾的记录未被删除。请从备份恢复该文件，"
                                        "或用 --head 给出另行保存的链头核对。")
        except audit.ChainBroken as error:
            raise CommandError(str(error)) from None
        compared = "，与链头一致" if (given or kept) else ""
        self.stdout.write(f"审计日志完整：{checked} 条记录，哈希链无断点{compared}。")
