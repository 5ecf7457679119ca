"""The Chinese names of the coverage part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

ACTIONS = {
    "pensions.employee_scheme.record": "登记职工养老保险参保信息（未获准）",
    "pensions.employee_scheme.recorded": "登记职工养老保险参保信息",
    "pensions.employee_scheme.end": "职工养老保险终止（未获准）",
    "pensions.employee_scheme.ended": "职工养老保险终止",
    "pensions.employee_schemes.import": "导入职工养老保险参保名单（未获准）",
    "pensions.employee_schemes.imported": "导入职工养老保险参保名单",
    "pensions.coverage_people.exported": "导出社会保险覆盖人员名单",
}
FIELDS = {
    "scheme_since": "参保起始日期", "scheme_until": "终止日期", "scheme_employer": "参保单位",
    "scheme_source": "信息来源",
}
VALUES = {}
