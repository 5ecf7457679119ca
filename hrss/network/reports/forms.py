"""The reports part's forms: what a page asks for; the rules are the services'."""

from django import forms

from hrss.core.forms import StyledForm
from hrss.network.reports import services


class GenerateForm(StyledForm):
    month = forms.CharField(label="月份", max_length=7, widget=forms.TextInput(attrs={"type": "month"}),
                            error_messages={"required": "请选择要生成月报的月份。"})


class RemarksForm(StyledForm):
    remarks = forms.CharField(label="说明（本乡镇(街道)对本月数字的说明，可空）", required=False,
                              max_length=services.REMARKS_LIMIT, widget=forms.Textarea(attrs={"rows": 3}))


class ReasonForm(StyledForm):
    reason = forms.CharField(label="理由", max_length=services.REASON_LIMIT,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": "请填写理由。"})
