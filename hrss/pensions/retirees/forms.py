from django import forms

from hrss.core.forms import RegionField, StyledForm, date_input, style_form
from hrss.core.models import Level
from hrss.pensions.models import ActivityKind, RetireeVisitKind


class RegisterForm(StyledForm):
    id_number = forms.CharField(label="公民身份号码（须已在人员台账登记）", max_length=18)
    employer_name = forms.CharField(label="原工作单位", max_length=100)
    employer_code = forms.CharField(label="原单位统一社会信用代码（可不填）", max_length=18, required=False)
    retired_on = forms.DateField(label="退休日期", widget=date_input())
    pension_amount = forms.DecimalField(label="月养老金（元，按社保经办机构提供）", max_digits=10, decimal_places=2,
                                        min_value=0)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)


class ImportForm(StyledForm):
    file = forms.FileField(label="退休人员名单（.xlsx 或 .csv）",
                           help_text="列：公民身份号码、姓名、原工作单位、退休日期、月养老金（可下载模板）。")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionField(user=user, levels={Level.VILLAGE, Level.TOWNSHIP},
                                            label="名单所属村(社区)或乡镇(街道)")
        self.order_fields(["region", "file"])
        style_form(self)


class FilesForm(StyledForm):
    on = forms.DateField(label="档案移交社区日期", widget=date_input())


class VisitForm(StyledForm):
    visited_on = forms.DateField(label="走访日期", widget=date_input())
    kind = forms.ChoiceField(label="走访方式", choices=RetireeVisitKind.choices)
    note = forms.CharField(label="走访情况", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class CareForm(StyledForm):
    needs_care = forms.BooleanField(label="患病需关照（按患病人员的间隔走访）", required=False,
                                    widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))
    health_note = forms.CharField(label="健康状况", max_length=100, required=False)


class DeathForm(StyledForm):
    died_on = forms.DateField(label="死亡日期", widget=date_input())


class MoveOutForm(StyledForm):
    on = forms.DateField(label="迁出日期", widget=date_input())
    moved_to = forms.CharField(label="迁往（地址）", max_length=100, required=False)


class ActivityForm(StyledForm):
    held_on = forms.DateField(label="活动日期", widget=date_input())
    title = forms.CharField(label="活动名称", max_length=100)
    kind = forms.ChoiceField(label="活动类别", choices=ActivityKind.choices)
    participants = forms.MultipleChoiceField(label="参加的退休人员", required=False,
                                             widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}))
    participant_count = forms.IntegerField(label="参加人数（含未登记的，可不填）", min_value=0, max_value=100000,
                                           required=False)
    note = forms.CharField(label="活动情况", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, retirees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"] = RegionField(user=user, levels={Level.VILLAGE, Level.TOWNSHIP},
                                            label="举办的村(社区)或乡镇(街道)")
        self.retirees = {str(retiree.pk): retiree for retiree in retirees}
        self.fields["participants"].choices = [(str(r.pk), r.person.name) for r in retirees]
        self.order_fields(["region", "held_on", "title", "kind", "participants", "participant_count", "note"])
        style_form(self)

    def clean_participants(self):
        return [self.retirees[pk] for pk in self.cleaned_data["participants"] if pk in self.retirees]
