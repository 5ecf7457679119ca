"""The Chinese names of the promises part's audit actions and before/after keys (core.audit), given to the area by
declare.py."""

ACTIONS = {
    "supervision.promises.give_slip": "出具一次性告知书（未获准）",
    "supervision.promises.slip_given": "出具一次性告知书",
}
FIELDS = {"service": "服务事项", "citizen_name": "办事人", "missing": "缺少的材料"}
