import datetime
import json
import sys

from django.core.management.base import BaseCommand

from hrss.core import workdays
from hrss.supervision import deadlines


class Command(BaseCommand):
    help = ("计算信访和劳动保障监察的法定期限：hrss deadline KIND --from YYYY-MM-DD，输出 JSON "
            '{"kind": ..., "from": ..., "due": ...}。KIND 为 ' + "、".join(deadlines.COMMAND_KINDS) + "。"
            "信访按自然日计（起算日不计入，期限末日为法定休假日的顺延至休假日后第一个工作日）；监察按工作日计。"
            "petition-extension 与 inspection-extension 的 --from 为被延长的到期日。输入有误时输出中文错误，退出码2。")

    def add_arguments(self, parser):
        parser.add_argument("kind", help="期限种类：" + "、".join(deadlines.COMMAND_KINDS))
        parser.add_argument("--from", dest="start", default="", help="起算日 YYYY-MM-DD（延期时为原到期日）")

    def handle(self, *args, **options):
        kind, text = options["kind"], options["start"]
        if kind not in deadlines.COMMAND_KINDS:
            self._fail(f"期限种类“{kind}”不存在：可用 " + "、".join(deadlines.COMMAND_KINDS) + "。")
        try:
            start = datetime.date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            start = None
        if start is None:
            self._fail(f"起算日（--from）“{text}”不是有效日期：请写成 YYYY-MM-DD，如 2026-03-02。" if text else
                       "请用 --from YYYY-MM-DD 给出起算日。")
        first = deadlines.RULES[kind][0][0]
        if start < first:
            self._fail(f"起算日（--from）{start:%Y-%m-%d}早于该期限的依据施行之日（{first:%Y-%m-%d}）。")
        try:
            due = deadlines.due(kind, start)
        except workdays.UnknownArrangement as error:
            self._fail(str(error))
        self.stdout.write(json.dumps({"kind": kind, "from": start.isoformat(), "due": due.isoformat()},
                                     ensure_ascii=False))

    def _fail(self, message):
        sys.stderr.write(message + "\n")
        raise SystemExit(2)
