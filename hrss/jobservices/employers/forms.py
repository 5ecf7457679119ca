"""Forms of the employers part: they only translate (the services check the rules)."""

from django import forms
from django.utils import timezone

from hrss.core import classifications
from hrss.core.forms import RegionField, StyledForm, date_input, style_form
from hrss.core.models import Level
from hrss.jobservices.employers.services import OTHER_REASON, SEX_REASONS, sex_reasons
from hrss.jobservices.models import SexRequirement, VacancyStatus
from hrss.residents.models import Education

PLACE_LEVELS = {Level.TOWNSHIP, Level.VILLAGE}


class EmployerForm(StyledForm):
    name = forms.CharField(label="单位名称", max_length=100)
    uscc = forms.CharField(label="统一社会信用代码", max_length=30, required=False,
                           help_text="18位，营业执照或登记证书上的代码；大小写均可。没有的单位填写组织机构代码。")
    org_code = forms.CharField(label="组织机构代码", max_length=20, required=False,
                               help_text="9位（如 12345678-9），仅没有统一社会信用代码的单位填写。")
    region = forms.CharField(required=False)  # the region picker, made for the user in __init__
    address = forms.CharField(label="详细地址", max_length=200, required=False)
    industry_code = forms.CharField(label="行业代码（GB/T 4754-2017）", max_length=4, required=False,
                                    help_text="门类字母或2–4位代码，如 C、13、1311；可不填。")
    contact_person = forms.CharField(label="联系人", max_length=50, required=False)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    note = forms.CharField(label="备注", max_length=200, required=False)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionField(
            label="单位所在地（村(社区)或乡镇(街道)）", user=actor, levels=PLACE_LEVELS,
            help_text="输入名称从列表中选择，或输入12位区划代码。")
        self.fields = {key: self.fields[key] for key in ("name", "uscc", "org_code", "region", "address",
                                                         "industry_code", "contact_person", "phone", "note")}
        style_form(self)

    def values(self):
        data = dict(self.cleaned_data)
        data["region_code"] = data.pop("region").code
        return data


def occupation_input():
    """The occupation picker: a text box with a datalist refilled as the user types (htmx), usable on a phone."""
    return forms.TextInput(attrs={
        "list": "occupation-options", "autocomplete": "off", "placeholder": "输入职业名称或代码，如 营业员、4-01",
        "hx-get": "", "hx-trigger": "input changed delay:300ms", "hx-target": "#occupation-options",
        "hx-swap": "innerHTML"})


class VacancyForm(StyledForm):
    title = forms.CharField(label="岗位名称", max_length=100)
    occupation = forms.CharField(label="职业（职业分类大典2022）", max_length=120,
                                 help_text="输入职业名称或代码从列表中选择；大类、中类、小类或细类均可。")
    headcount = forms.IntegerField(label="招聘人数", min_value=1, max_value=9999)
    region = forms.CharField(required=False)
    wage_min = forms.IntegerField(label="月薪下限（元）", min_value=0, required=False)
    wage_max = forms.IntegerField(label="月薪上限（元）", min_value=0, required=False)
    education_min = forms.ChoiceField(label="最低文化程度", choices=[("", "不限"), *Education.choices], required=False)
    age_min = forms.IntegerField(label="年龄下限", min_value=0, max_value=100, required=False)
    age_max = forms.IntegerField(label="年龄上限", min_value=0, max_value=100, required=False)
    sex_required = forms.ChoiceField(label="性别要求", choices=SexRequirement.choices, required=False,
                                     help_text="就业促进法第二十七条：除国家规定不适合妇女的工种或岗位外不得限定性别；"
                                               "限定时须选择法定依据。")
    sex_reason = forms.ChoiceField(label="性别要求的法定依据", required=False)
    sex_reason_other = forms.CharField(label="其他法定情形：写明依据", max_length=200, required=False)
    industry_code = forms.CharField(label="行业代码（GB/T 4754-2017）", max_length=4, required=False,
                                    help_text="不填则用单位的行业。")
    opens_on = forms.DateField(label="开始招聘日期", widget=date_input())
    closes_on = forms.DateField(label="截止日期", required=False, widget=date_input())
    description = forms.CharField(label="岗位说明", max_length=500, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, actor, employer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionField(
            label="工作地点（不填为单位所在地）", user=actor, levels=PLACE_LEVELS, required=False,
            help_text="输入村(社区)或乡镇(街道)名称从列表中选择。")
        self.fields["occupation"].widget = occupation_input()
        today = timezone.localdate()
        reasons = {}
        for _effective, table in SEX_REASONS:
            for sex in table:
                reasons.update(dict(sex_reasons(sex, today=today)))
        self.fields["sex_reason"].choices = [("", "（不限定性别时不填）"),
                                             *[(code, label) for code, label in reasons.items() if code != OTHER_REASON],
                                             (OTHER_REASON, "其他法定情形（请在下栏写明依据）")]
        self.employer = employer
        order = ("title", "occupation", "headcount", "region", "wage_min", "wage_max", "education_min", "age_min",
                 "age_max", "sex_required", "sex_reason", "sex_reason_other", "industry_code", "opens_on",
                 "closes_on", "description")
        self.fields = {key: self.fields[key] for key in order}
        style_form(self)

    def clean_occupation(self):
        text = self.cleaned_data["occupation"].strip()
        first = text.split()[0] if text else ""
        code = classifications.occupation_code_for(first) or classifications.occupation_code_for(text)
        if code is None:
            raise forms.ValidationError(f"职业分类大典中没有“{text}”：请输入职业名称或代码并从列表中选择。")
        return code

    def values(self):
        data = dict(self.cleaned_data)
        region = data.pop("region")
        data["region_code"] = region.code if region else ""
        data["occupation_code"] = data.pop("occupation")
        return data


class PlaceFilterForm(StyledForm):
    """The ledgers' place filter: a region of the user's scope picked by name (the region picker)."""

    region = forms.CharField(required=False)
    status = forms.ChoiceField(label="状态", choices=[("", "全部"), *VacancyStatus.choices], required=False)

    def __init__(self, *args, actor, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionField(label="地区", user=actor, required=False)
        self.initial["region"] = region.code
        style_form(self)


class VacancyImportForm(StyledForm):
    file = forms.FileField(label="岗位空缺表（.xlsx 或 .csv）",
                           help_text="请先下载模板填写；职业可填代码或大典中的准确名称。")
