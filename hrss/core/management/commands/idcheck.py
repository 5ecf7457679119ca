import json

from django.core.management.base import BaseCommand

from hrss.core.id_numbers import InvalidIdNumber, parse
from hrss.core.working_age import retirement_month


class Command(BaseCommand):
    help = "检查一个公民身份号码并给出出生日期、性别和法定退休年月（JSON）：hrss idcheck NUMBER [--category worker|cadre]"

    def add_arguments(self, parser):
        parser.add_argument("number")
        parser.add_argument("--category", choices=["worker", "cadre"], default="worker",
                            help="女性的退休年龄类别：worker 工人（默认），cadre 干部/管理岗")

    def handle(self, *args, **options):
        try:
            parsed = parse(options["number"])
        except InvalidIdNumber as error:
            result = {"valid": False, "error": str(error), "id_number": None, "sex": None, "birth_date": None,
                      "retirement_month": None}
        else:
            year, month = retirement_month(parsed.birth_date, parsed.sex, options["category"])
            result = {"valid": True, "error": None, "id_number": parsed.number, "sex": parsed.sex,
                      "birth_date": parsed.birth_date.isoformat(), "retirement_month": f"{year:04d}-{month:02d}"}
            if parsed.warnings:
                result["warnings"] = list(parsed.warnings)
        self.stdout.write(json.dumps(result, ensure_ascii=False))
