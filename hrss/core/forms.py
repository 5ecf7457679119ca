from django import forms

from hrss.core.models import AuditEntry


def date_input():
    """A browser date picker; the value must be ISO (YYYY-MM-DD) or the picker shows it empty."""
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def style_form(form):
    """Give every widget its Bootstrap class (forms are rendered field by field in the templates)."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput | forms.HiddenInput):
            continue
        css = "form-select form-select-sm" if isinstance(widget, forms.Select) else "form-control form-control-sm"
        widget.attrs.setdefault("class", css)
    return form


def form_errors_text(form):
    """A form's errors as one sentence for a flash message: “字段：原因；字段：原因”."""
    return "；".join(f"{form.fields[name].label if name in form.fields else ''}：{'，'.join(errors)}"
                    for name, errors in form.errors.items())


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class RenameRegionForm(StyledForm):
    new_name = forms.CharField(label="新名称", max_length=64)
    effective_date = forms.DateField(label="生效日期", widget=date_input())
    note = forms.CharField(label="依据/说明", max_length=255, required=False)


class MoveVillageForm(StyledForm):
    new_township_code = forms.CharField(label="调入乡镇(街道)代码", max_length=12, min_length=12)
    effective_date = forms.DateField(label="生效日期", widget=date_input())
    note = forms.CharField(label="依据/说明", max_length=255, required=False)


class MergeVillageForm(StyledForm):
    target_code = forms.CharField(label="并入的村(社区)代码", max_length=12, min_length=12)
    effective_date = forms.DateField(label="生效日期", widget=date_input())
    note = forms.CharField(label="依据/说明", max_length=255, required=False)


class AuditSearchForm(StyledForm):
    username = forms.CharField(label="操作用户", required=False)
    action = forms.CharField(label="操作", required=False)
    subject = forms.CharField(label="涉及人员(身份证号)", required=False, max_length=18)
    outcome = forms.ChoiceField(label="结果", required=False, choices=[("", "全部"), *AuditEntry.Outcome.choices])
    date_from = forms.DateField(label="起始日期", required=False, widget=date_input())
    date_to = forms.DateField(label="截止日期", required=False, widget=date_input())



class ArrangementUploadForm(StyledForm):
    file = forms.FileField(label="节假日安排文件", help_text="Excel 或 CSV，列：日期、类型（放假/上班）、名称；"
                           "文件中的年度将整体替换为文件内容。")


class WorkdayQueryForm(StyledForm):
    start = forms.DateField(label="起算日期", widget=date_input())
    count = forms.IntegerField(label="第几个工作日", min_value=0, max_value=366)
