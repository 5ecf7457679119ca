from django import forms

from hrss.core.forms import RegionField, StyledForm, date_input, style_form
from hrss.core.models import Level
from hrss.supervision.models import InspectionSource, MeasureKind, ReferralKind

AMOUNT = {"max_digits": 12, "decimal_places": 2, "min_value": 0}


class ComplaintForm(StyledForm):
    source = forms.ChoiceField(label="案件来源", choices=[(InspectionSource.COMPLAINT, InspectionSource.COMPLAINT.label),
                                                      (InspectionSource.ROUTINE, InspectionSource.ROUTINE.label)])
    received_on = forms.DateField(label="收到投诉日期", widget=date_input())
    employer_name = forms.CharField(label="用人单位", max_length=100)
    employer_uscc = forms.CharField(label="统一社会信用代码（可不填）", max_length=30, required=False)
    employer_address = forms.CharField(label="用人单位地址", max_length=200, required=False)
    complainant_name = forms.CharField(label="投诉人", max_length=50, required=False)
    complainant_phone = forms.CharField(label="投诉人联系电话", max_length=20, required=False)
    summary = forms.CharField(label="投诉事项（拖欠期间、人数、金额等）", max_length=500,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionField(user=user, levels={Level.VILLAGE, Level.TOWNSHIP},
                                            label="用人单位所在村(社区)或乡镇(街道)")
        self.order_fields(["source", "received_on", "region", "employer_name", "employer_uscc", "employer_address",
                           "complainant_name", "complainant_phone", "summary"])
        style_form(self)


class DayForm(StyledForm):
    on = forms.DateField(label="日期", widget=date_input())

    def __init__(self, *args, label="日期", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].label = label


class DeclineForm(StyledForm):
    on = forms.DateField(label="决定日期", widget=date_input())
    reason = forms.CharField(label="不予受理理由（告知投诉人）", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, told=True, **kwargs):
        """`told`: the case has a complainant to be told the reason (a grid lead's case has none)."""
        super().__init__(*args, **kwargs)
        if not told:
            self.fields["reason"].label = "不予受理理由"


class WorkerForm(StyledForm):
    name = forms.CharField(label="劳动者姓名", max_length=50)
    id_number = forms.CharField(label="公民身份号码（可不填）", max_length=20, required=False)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    # No max_digits: the service refuses an amount over its cap per worker, saying the cap (MAX_OWED_PER_WORKER).
    amount_owed = forms.DecimalField(label="拖欠工资（元）", decimal_places=2, min_value=0)
    amount_recovered = forms.DecimalField(label="已追回（元）", required=False, **AMOUNT)


class RecoveryForm(StyledForm):
    worker = forms.IntegerField(widget=forms.HiddenInput)
    amount_recovered = forms.DecimalField(label="已追回工资合计（元）", **AMOUNT)


class WorkerRemovalForm(StyledForm):
    worker = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="删除原因", max_length=200)


class MeasureForm(StyledForm):
    kind = forms.ChoiceField(label="措施", choices=MeasureKind.choices)
    taken_on = forms.DateField(label="日期", widget=date_input())
    amount = forms.DecimalField(label="金额（元，责令支付、罚款须填）", required=False, **AMOUNT)
    note = forms.CharField(label="说明（文书编号等）", max_length=500, required=False)


class ExtensionRequestForm(StyledForm):
    reason = forms.CharField(label="延期理由", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class ExtensionDecisionForm(StyledForm):
    # Its own class: style_form would give the radio buttons form-control (empty text boxes, nothing seen checked).
    decision = forms.ChoiceField(label="审批", choices=[("approve", "批准延期30个工作日"), ("refuse", "不批准")],
                                 widget=forms.RadioSelect(attrs={"class": "form-check-input"}))
    note = forms.CharField(label="审批意见（不批准的须填）", max_length=500, required=False)


class ReferralForm(StyledForm):
    kind = forms.ChoiceField(label="移送", choices=[(ReferralKind.MEDIATION, "调解"),
                                                  (ReferralKind.ARBITRATION, "仲裁")])
    body = forms.CharField(label="调解组织或仲裁委员会", max_length=100)
    referred_on = forms.DateField(label="移送日期", widget=date_input())


class ReferralOutcomeForm(StyledForm):
    on = forms.DateField(label="结果日期", widget=date_input())
    outcome = forms.CharField(label="调解、仲裁结果", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class ConcludeForm(StyledForm):
    on = forms.DateField(label="结案日期", widget=date_input())
    result = forms.CharField(
        label="处理结果（查明的事实、采取的措施、工资支付情况）", max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "aria-describedby": "conclude-result-help"}),
        help_text="这段文字将原样印在交给投诉人的结案告知书上：请只写案件情况和投诉人本人的工资支付情况，"
                  "不要写其他劳动者的姓名和金额（可写“其余劳动者的工资已支付”或合计金额）。")
