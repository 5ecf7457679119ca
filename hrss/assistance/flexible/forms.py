"""The flexible part's forms: what the pages read, checked by the services (services.py)."""

from django import forms

from hrss.assistance.models import FlexibleEndReason, IncomeBand
from hrss.core.forms import StyledForm, date_input
from hrss.core.models import ReviewDecision
from hrss.residents.models import FlexibleForm


class RegistrationForm(StyledForm):
    form = forms.ChoiceField(label="灵活就业形式", choices=[("", "请选择")] + FlexibleForm.choices)
    work = forms.CharField(label="从事工作", max_length=100)
    place = forms.CharField(label="从业地点", max_length=100)
    started_on = forms.DateField(label="开始从业日期", widget=date_input())
    income_band = forms.ChoiceField(label="月收入", choices=[("", "请选择")] + IncomeBand.choices)
    pays_insurance = forms.BooleanField(label="以灵活就业人员身份参加社会保险", required=False)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    note = forms.CharField(label="备注", max_length=200, required=False)


class VerifyForm(StyledForm):
    verified_on = forms.DateField(label="核实日期", widget=date_input())
    note = forms.CharField(label="核实情况", max_length=200)


class EndForm(StyledForm):
    ended_on = forms.DateField(label="终止日期", widget=date_input())
    reason = forms.ChoiceField(label="终止原因", choices=[("", "请选择")] + FlexibleEndReason.choices)
    note = forms.CharField(label="说明", max_length=200, required=False)


class SubsidyApplyForm(StyledForm):
    note = forms.CharField(label="受理意见", max_length=200, required=False)


class DecisionForm(StyledForm):
    action = forms.ChoiceField(choices=ReviewDecision.Action.choices, widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="意见/理由", max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class PeriodForm(StyledForm):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(label="季度", coerce=int, choices=[(q, f"第{q}季度") for q in (1, 2, 3, 4)])
    months = forms.IntegerField(label="缴费月数", min_value=1, max_value=3)
    paid_amount = forms.DecimalField(label="个人实缴社保费（元）", min_value=0, max_digits=10, decimal_places=2)
    proof = forms.CharField(label="缴费凭证（票据号等）", max_length=100, required=False)
