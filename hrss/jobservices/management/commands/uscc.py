import json

from django.core.management.base import BaseCommand

from hrss.jobservices.codes import check_code


class Command(BaseCommand):
    help = ("检查一个统一社会信用代码（18位，GB 32100-2015）或组织机构代码（9位，GB 11714）："
            "hrss uscc CODE，输出 JSON；有效时退出码0，无效时1")

    def add_arguments(self, parser):
        parser.add_argument("code")

    def handle(self, *args, **options):
        result = check_code(options["code"])
        self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
        if not result.valid:
            raise SystemExit(1)
