"""Which labour statuses are possible for whom: written once, used by the services and the importer."""

from dataclasses import dataclass, field

from hrss.core.working_age import MINIMUM_WORKING_AGE, age_on, is_past_retirement
from hrss.residents.labour_status import IN_LABOUR_FORCE
from hrss.residents.models import FlexibleForm, LabourStatus, MigrantDestination, WorkCapacity

DESTINATIONS = frozenset(MigrantDestination.values)
FLEXIBLE_FORMS = frozenset(FlexibleForm.values)


@dataclass
class StatusCheck:
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


def check_status(*, birth_date, sex, retirement_category, status, detail, effective_date, work_capacity,
                 today):
    result = StatusCheck()
    status = LabourStatus(status)
    if effective_date > today:
        result.errors.append(f"起始日期 {effective_date:%Y-%m-%d} 晚于今天。")
    if effective_date < birth_date:
        result.errors.append("起始日期早于出生日期。")
    age = age_on(birth_date, effective_date)
    if status in IN_LABOUR_FORCE and age < MINIMUM_WORKING_AGE:
        result.errors.append(f"{effective_date:%Y-%m-%d}时未满16周岁（{age}岁），不能登记为“{status.label}”。")
    past_retirement = is_past_retirement(birth_date, sex, effective_date, retirement_category)
    if status == LabourStatus.UNEMPLOYED and past_retirement:
        result.errors.append("已达到法定退休年龄，不能登记为“失业”。")
    if status == LabourStatus.UNEMPLOYED and work_capacity == WorkCapacity.NONE:
        result.errors.append("完全丧失劳动能力的人员不能登记为“失业”。")
    if status == LabourStatus.RETIRED and not past_retirement:
        result.warnings.append("未达到法定退休年龄却登记为“退休”，且系统中没有养老金领取记录，请核实。")
    if status == LabourStatus.MIGRANT and detail not in DESTINATIONS:
        result.errors.append("转移就业须注明去向：县内、县外省内或省外。")
    if status == LabourStatus.FLEXIBLE and detail and detail not in FLEXIBLE_FORMS:
        result.errors.append("灵活就业形式不正确。")
    if status not in (LabourStatus.MIGRANT, LabourStatus.FLEXIBLE) and detail:
        result.errors.append(f"“{status.label}”不需要填写去向或形式。")
    return result
