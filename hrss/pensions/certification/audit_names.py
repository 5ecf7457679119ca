"""The Chinese names of the certification part's audit actions and before/after keys (core.audit), given to the
area by declare.py."""

from hrss.pensions.models import CertificationMethod, CertificationState

ACTIONS = {
    "pensions.certification_campaign.start": "启动领取待遇资格认证（未获准）",
    "pensions.certification_campaign.started": "启动领取待遇资格认证",
    "pensions.certification_campaign.suspend": "暂停未认证人员待遇（未获准）",
    "pensions.certification_campaign.suspended": "暂停未认证人员待遇",
    "pensions.certification.certify": "办理领取待遇资格认证（未获准）",
    "pensions.certification.certified": "办理领取待遇资格认证",
    "pensions.certification.resumed": "认证后恢复待遇",
    "pensions.certification.remind": "提醒待认证人员（未获准）",
    "pensions.certification.reminded": "提醒待认证人员",
    "pensions.certification.closed_on_death": "认证对象死亡，终止认证",
    "pensions.certification_ledger.exported": "导出认证台账",
}
FIELDS = {
    "certification_year": "认证年度", "certification_opens_on": "认证开始日期", "certification_closes_on": "认证截止日期",
    "certification_subjects": "应认证人数", "certification_state": "认证状态", "certification_method": "认证方式",
    "certification_on": "认证日期", "certification_relative": "证明亲属姓名", "certification_relation": "与本人关系",
    "certification_back_pay": "补发金额（元）", "certification_reminded": "提醒人数",
    "certification_reminded_on": "提醒日期", "certification_suspended_from": "暂停起始年月",
    "certification_pensions_suspended": "暂停养老金人数", "certification_retirees_suspended": "报停退休人员人数",
    "certification_left": "待遇已非正常发放、未暂停人数", "certification_exported_rows": "导出行数",
    "certification_died_on": "死亡日期",
}
VALUES = {"certification_state": dict(CertificationState.choices),
          "certification_method": dict(CertificationMethod.choices)}
