from django import forms

from hrss.core.forms import RegionField, StyledForm, date_input, style_form
from hrss.core.models import Level, ReviewDecision
from hrss.employment.models import (
    CancelReason,
    Document,
    EmploymentKind,
    UnemployedContact,
    UnemploymentCategory,
)
from hrss.residents.models import FlexibleForm


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


class CorrectionForm(StyledForm):
    """补正: the fields of a returned application the village assistant may change before resubmitting it."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    category = forms.ChoiceField(label="失业人员类别", choices=UnemploymentCategory.choices)
    left_job_on = forms.DateField(label="失业日期", required=False, widget=date_input())
    last_employer = forms.CharField(label="原工作单位", max_length=100, required=False)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    documents = forms.MultipleChoiceField(label="已核验的材料", choices=Document.choices, required=False,
                                          widget=forms.CheckboxSelectMultiple)


class DecisionForm(StyledForm):
    action = forms.ChoiceField(choices=ReviewDecision.Action.choices, widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label="意见/理由", max_length=500, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class CertificateActionForm(StyledForm):
    action = forms.ChoiceField(choices=[("reissue", "补发"), ("change", "信息变更"), ("cancel", "注销")],
                               widget=forms.HiddenInput)
    text = forms.CharField(label="原因/变更内容", max_length=200, required=False)


class EmploymentRegistrationForm(StyledForm):
    kind = forms.ChoiceField(label="登记类型", choices=[("", "请选择")] + EmploymentKind.choices)
    event_date = forms.DateField(label="招用/开业/终止日期", widget=date_input())
    employer_name = forms.CharField(label="用人单位", max_length=100, required=False)
    employer_code = forms.CharField(label="统一社会信用代码", max_length=18, required=False)
    flexible_form = forms.ChoiceField(label="灵活就业形式", choices=[("", "—")] + FlexibleForm.choices, required=False)
    note = forms.CharField(label="备注", max_length=200, required=False)


class HiresForm(StyledForm):
    employer_name = forms.CharField(label="用人单位", max_length=100)
    employer_code = forms.CharField(label="统一社会信用代码", max_length=18, required=False)
    employer_region = forms.CharField(required=False)  # the region picker, made for the user in __init__
    hired_on = forms.DateField(label="招用日期（各行未写日期时）", required=False, widget=date_input())
    lines = forms.CharField(label="新招用人员名单", widget=forms.Textarea(attrs={"rows": 8}), required=False,
                            help_text="每行一人：公民身份号码，可在逗号后写招用日期和姓名，如 "
                                      "441602199005010013,2026-11-02,姓名；外地劳动者须写姓名")
    file = forms.FileField(label="或上传名单表格", required=False,
                           help_text="Excel 或 CSV，表头含“公民身份号码”，可含“招用日期”“姓名”（外地劳动者须填）；"
                                     "其他列不读。")

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        # Picked by name among the villages of the user's scope ("城南社区（新江街道） 441602002001"): a city has
        # some 1,400 of them, many of the same name, too many for a plain list.
        self.fields["employer_region"] = RegionField(
            label="用人单位所在村(社区)", user=actor, levels={Level.VILLAGE}, required=False,
            help_text="输入村(社区)名称从列表中选择，或输入12位区划代码。招用登记记在用人单位所在地的就业登记台账；"
                      "名单中有外地（本辖区以外）劳动者时必填。不填时，本辖区劳动者的登记记在其所在村(社区)。")
        style_form(self)

    def clean_employer_region(self):
        region = self.cleaned_data.get("employer_region")
        return region.code if region else ""

    def clean(self):
        data = super().clean()
        if not data.get("lines", "").strip() and not data.get("file"):
            raise forms.ValidationError("请粘贴名单或上传名单表格。")
        return data


class ContactForm(StyledForm):
    contacted_on = forms.DateField(label="联系日期", widget=date_input())
    kind = forms.ChoiceField(label="方式", choices=UnemployedContact.Kind.choices)
    job = forms.CharField(label="推荐岗位", max_length=100, required=False)
    refused_without_reason = forms.BooleanField(label="无正当理由拒绝", required=False)
    note = forms.CharField(label="情况", max_length=200, required=False)


class CancelForm(StyledForm):
    reason = forms.ChoiceField(label="注销原因", choices=[("", "请选择")] + CancelReason.choices)
    effective_date = forms.DateField(label="注销日期", widget=date_input())
    note = forms.CharField(label="说明", max_length=200, required=False)
