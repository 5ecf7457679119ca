"""Forms of the training pages (the services check the rules; a form only reads the fields)."""

from django import forms

from hrss.core.forms import RegionField, StyledForm, date_input, style_form
from hrss.core.models import ReviewDecision
from hrss.jobservices.models import CertificateKind, CourseKind

OCCUPATION_HELP = "职业分类大典代码，任一层级：如 4-03-02-01（中式烹调师）、4-03-02（餐饮服务人员）。"


class WishForm(StyledForm):
    occupation_code = forms.CharField(label="意向培训职业代码", max_length=10, help_text=OCCUPATION_HELP)
    kind = forms.ChoiceField(label="培训类型", choices=[("", "请选择")] + CourseKind.choices)
    note = forms.CharField(label="备注", max_length=200, required=False)


class CourseForm(StyledForm):
    name = forms.CharField(label="培训班名称", max_length=100)
    provider_name = forms.CharField(label="培训机构", max_length=100)
    provider_code = forms.CharField(label="培训机构统一社会信用代码", max_length=18, required=False)
    kind = forms.ChoiceField(label="培训类型", choices=[("", "请选择")] + CourseKind.choices)
    occupation_code = forms.CharField(label="培训职业代码", max_length=10, help_text=OCCUPATION_HELP)
    starts_on = forms.DateField(label="开班日期", widget=date_input())
    ends_on = forms.DateField(label="结业日期", widget=date_input())
    hours = forms.IntegerField(label="课时", min_value=1, max_value=2000)
    places = forms.IntegerField(label="名额", min_value=1, max_value=1000)
    free = forms.BooleanField(label="免费培训", required=False, initial=True)
    fee = forms.IntegerField(label="收费（元/人，免费培训填 0）", min_value=0, max_value=100000, required=False,
                             initial=0)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionField(label="举办地（经办机构所在乡镇(街道)或县(区)）", user=actor)
        style_form(self)


class EnrolForm(StyledForm):
    id_number = forms.CharField(label="学员公民身份号码", max_length=18)


class AttendanceForm(StyledForm):
    attended_hours = forms.IntegerField(label="已参训课时", min_value=0, max_value=2000)


class CompletionForm(StyledForm):
    certificate_kind = forms.ChoiceField(label="证书类别", choices=[("", "未取得证书")] + CertificateKind.choices,
                                         required=False)
    certificate_number = forms.CharField(label="证书编号", max_length=40, required=False)
    completed_on = forms.DateField(label="结业日期", required=False, widget=date_input())


class DropForm(StyledForm):
    reason = forms.CharField(label="退学原因", max_length=200, required=False)


class ClaimForm(StyledForm):
    note = forms.CharField(label="申报说明", max_length=200, required=False)


class DecisionForm(StyledForm):
    action = forms.ChoiceField(choices=ReviewDecision.Action.choices, widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="意见/理由", max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))
