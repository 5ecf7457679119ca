from django import forms

from hrss.core.forms import StyledForm, date_input
from hrss.core.models import ReviewDecision
from hrss.employment.models import Document, UnemploymentCategory


class UnemploymentApplicationForm(StyledForm):
    category = forms.ChoiceField(label="失业人员类别", choices=[("", "请选择")] + UnemploymentCategory.choices)
    wants_work = forms.BooleanField(label="本人有就业要求", required=False)
    able_to_work = forms.BooleanField(label="本人有劳动能力", required=False)
    documents = forms.MultipleChoiceField(label="已核验的材料", choices=Document.choices, required=False,
                                          widget=forms.CheckboxSelectMultiple)
    last_employer = forms.CharField(label="原工作单位", max_length=100, required=False)
    left_job_on = forms.DateField(label="失业日期", required=False, widget=date_input())
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    note = forms.CharField(label="初审意见", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DecisionForm(StyledForm):
    action = forms.ChoiceField(choices=ReviewDecision.Action.choices, widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="意见/理由", max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class CertificateActionForm(StyledForm):
    action = forms.ChoiceField(choices=[("reissue", "补发"), ("change", "信息变更"), ("cancel", "注销")],
                               widget=forms.HiddenInput)
    text = forms.CharField(label="原因/变更内容", max_length=200, required=False)
