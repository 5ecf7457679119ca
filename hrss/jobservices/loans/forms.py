from django import forms

from hrss.core.forms import RegionField, StyledForm, date_input
from hrss.core.models import Level, ReviewDecision
from hrss.jobservices.models import BorrowerKind, Category, Document, RepaymentMethod


class LoanApplicationForm(StyledForm):
    category = forms.ChoiceField(label="申请人类别", choices=[("", "请选择")] + Category.choices)
    borrower_kind = forms.ChoiceField(label="贷款对象", choices=BorrowerKind.choices)
    partners = forms.IntegerField(label="合伙人数（合伙创业填写）", min_value=1, max_value=50, initial=1)
    business_name = forms.CharField(label="经营实体名称", max_length=100, required=False)
    project = forms.CharField(label="创业项目（经营内容）", max_length=200)
    micro_profit = forms.BooleanField(label="微利项目", required=False)
    amount = forms.DecimalField(label="申请金额（元）", min_value=1, max_digits=12, decimal_places=2)
    term_months = forms.IntegerField(label="申请期限（月）", min_value=1, max_value=120, initial=24)
    documents = forms.MultipleChoiceField(label="已核验的材料", choices=Document.choices, required=False,
                                          widget=forms.CheckboxSelectMultiple)
    guarantor = forms.CharField(label="反担保人（信用社区可免）", max_length=100, required=False)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    note = forms.CharField(label="初审意见", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CorrectionForm(LoanApplicationForm):
    """补正: the application's fields the village's assistant may change while it is sent back."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["note"]


class DecisionForm(StyledForm):
    action = forms.ChoiceField(choices=ReviewDecision.Action.choices, widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="意见/理由", max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))
    # The bank's terms, when it approves.
    principal = forms.DecimalField(label="贷款金额（元）", required=False, min_value=0, max_digits=12,
                                   decimal_places=2)
    annual_rate = forms.DecimalField(label="年利率（%）", required=False, min_value=0, max_digits=6, decimal_places=3)
    term_months = forms.IntegerField(label="贷款期限（月）", required=False, min_value=1, max_value=120)
    start_date = forms.DateField(label="放款日期", required=False, widget=date_input())
    method = forms.ChoiceField(label="还款方式", choices=[("", "请选择")] + RepaymentMethod.choices, required=False)
    contract_number = forms.CharField(label="借款合同编号", max_length=50, required=False)


class RepaymentForm(StyledForm):
    paid_on = forms.DateField(label="还款日期", widget=date_input())
    amount = forms.DecimalField(label="还款金额（元）", min_value=0, max_digits=12, decimal_places=2)
    note = forms.CharField(label="备注", max_length=200, required=False)


class CreditCommunityForm(StyledForm):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"village": RegionField(user=user, levels={Level.VILLAGE}, label="村(社区)"), **self.fields}
        self.fields["village"].widget.attrs.setdefault("class", "form-control")

    marked_on = forms.DateField(label="评定日期", widget=date_input())
    note = forms.CharField(label="说明", max_length=200, required=False)


class RevokeForm(StyledForm):
    revoked_on = forms.DateField(label="撤销日期", widget=date_input())
    note = forms.CharField(label="撤销原因", max_length=200)
