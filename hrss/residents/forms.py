from django import forms

from hrss.core.forms import RegionField, StyledForm, date_input, style_form
from hrss.core.models import Level
from hrss.residents.models import (
    Education,
    FlexibleForm,
    HukouType,
    LabourStatus,
    MigrantDestination,
    Relation,
    WorkCapacity,
)

# No status is preselected: the first choice (单位就业) used to be saved for whoever did not look at the field.
STATUS_CHOICES = [("", "请选择就业状态"), *LabourStatus.choices]

DETAIL_CHOICES = [("", "—")] + [(v, f"转移去向：{label}") for v, label in MigrantDestination.choices] + [
    (v, f"灵活就业形式：{label}") for v, label in FlexibleForm.choices]


class StatusChangeForm(StyledForm):
    status = forms.ChoiceField(label="新的就业状态", choices=STATUS_CHOICES,
                               error_messages={"required": "请选择就业状态。"})
    detail = forms.ChoiceField(label="去向/形式", choices=DETAIL_CHOICES, required=False)
    effective_date = forms.DateField(label="起始日期", widget=date_input())
    note = forms.CharField(label="备注", max_length=200, required=False)


class PersonForm(StyledForm):
    name = forms.CharField(label="姓名", max_length=50)
    relation_to_head = forms.ChoiceField(label="与户主关系", choices=[("", "—"), *Relation.choices], required=False)
    hukou_type = forms.ChoiceField(label="户籍性质", choices=[("", "—"), *HukouType.choices], required=False)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)
    education = forms.ChoiceField(label="文化程度", choices=[("", "—"), *Education.choices], required=False)
    skills = forms.CharField(label="技能特长", max_length=200, required=False)
    qualifications = forms.CharField(label="职业资格", max_length=200, required=False)
    work_capacity = forms.ChoiceField(label="劳动能力", choices=WorkCapacity.choices)
    health_note = forms.CharField(label="健康状况", max_length=100, required=False)
    retirement_category = forms.ChoiceField(label="退休年龄类别", choices=[("worker", "工人"), ("cadre", "干部/管理岗"),
                                                                     ("flexible", "灵活就业")])
    wants_employment = forms.BooleanField(label="有就业意愿", required=False)
    wants_training = forms.BooleanField(label="有培训意愿", required=False)
    wants_business = forms.BooleanField(label="有创业意愿", required=False)
    wanted_occupation = forms.CharField(label="求职意向职业", max_length=100, required=False)
    wanted_place = forms.CharField(label="求职意向地点", max_length=100, required=False)
    wanted_wage = forms.CharField(label="期望月薪", max_length=50, required=False)


class NewPersonForm(PersonForm):
    id_number = forms.CharField(label="公民身份号码", max_length=30)
    head_id_number = forms.CharField(label="户主公民身份号码（非户主填写）", max_length=30, required=False)
    status = forms.ChoiceField(label="就业状态", choices=STATUS_CHOICES,
                               error_messages={"required": "请选择就业状态。"})
    detail = forms.ChoiceField(label="去向/形式", choices=DETAIL_CHOICES, required=False)
    status_since = forms.DateField(label="状态起始日期", required=False, widget=date_input())

    field_order = ["id_number", "name", "relation_to_head", "head_id_number", "status", "detail", "status_since"]


class MoveForm(forms.Form):
    effective_date = forms.DateField(label="迁移日期", widget=date_input())

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        # Picked by name from the villages of the user's scope ("城南社区（新江街道） 441602002001"), or typed as a code.
        self.fields["to_village"] = RegionField(label="迁入村(社区)", user=actor, levels={Level.VILLAGE},
                                                help_text="输入村(社区)名称从列表中选择，或输入12位区划代码")
        self.order_fields(["to_village"])
        style_form(self)


class RevealForm(StyledForm):
    reason = forms.CharField(label="查看事由", max_length=200)


class ImportForm(StyledForm):
    file = forms.FileField(label="台账文件（.xlsx、.xls 或 .csv）")
    village_code = forms.ChoiceField(label="导入到村(社区)", required=False)
    dry_run = forms.BooleanField(label="只校验，不保存", required=False)

    def __init__(self, *args, villages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village_code"].choices = [("", "按表格中的“村(社区)代码”列"), *[(v.code, v.name) for v in villages]]
        if len(villages) == 1:  # a village assistant imports into her own village
            self.fields["village_code"].initial = villages[0].code
