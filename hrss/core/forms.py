import re

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from hrss.core import review, scoping
from hrss.core.models import AuditEntry, Level, Region
from hrss.core.text import RefuseInvisible


def date_input():
    """A browser date picker; the value must be ISO (YYYY-MM-DD) or the picker shows it empty."""
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def style_form(form):
    """Give every widget its Bootstrap class (forms are rendered field by field in the templates)."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput | forms.HiddenInput):
            continue
        if isinstance(widget, forms.RadioSelect):
            css = "form-check-input me-1"  # a form-control radio is drawn as an empty box: its choice cannot be seen
        elif isinstance(widget, forms.Select):
            css = "form-select form-select-sm"
        else:
            css = "form-control form-control-sm"
        widget.attrs.setdefault("class", css)
    return form


def submit(request, form, act, *, success, done, redisplay, changed=None):
    """A page's POST of one form, the same way everywhere: when the bound `form` is valid, `act(cleaned_data)` calls
    the write service; a ValidationError it raises goes on the form as a whole-form error. Otherwise `success` (a
    message, or a function of what `act` returned) is flashed and `done(result)` answers (usually a redirect to the
    object's page). An invalid form, or a refusal, answers `redisplay(form)`: the page again, with the form's errors
    and what the user typed.
    A form that moves a review case passes `changed`: a review.CaseChanged (someone else moved the case) is flashed
    as an error and `changed()` answers (the case's page as it is now, not the stale form); a review.MoveRefused is
    a refusal like a ValidationError."""
    from django.contrib import messages

    if form.is_valid():
        try:
            result = act(form.cleaned_data)
        except review.CaseChanged as error:
            if changed is None:
                raise
            messages.error(request, str(error))
            return changed()
        except review.MoveRefused as error:
            if changed is None:
                raise
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success(result) if callable(success) else success)
            return done(result)
    return redisplay(form)


def form_errors_text(form):
    """A form's errors as one sentence for a flash message: “字段：原因；字段：原因”."""
    return "；".join(f"{form.fields[name].label if name in form.fields else ''}：{'，'.join(errors)}"
                    for name, errors in form.errors.items())


class RefusesInvisibleCharacters:
    """A form whose text fields refuse the characters core.text names (the API's input types refuse the same), with
    a message naming the field; a multi-line field (a Textarea) keeps its tabs and line breaks. Passwords are left
    as typed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput):
                field.validators.append(RefuseInvisible(field.label or name,
                                                        lines=isinstance(field.widget, forms.Textarea)))


class StyledForm(RefusesInvisibleCharacters, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


# --- the region picker ---------------------------------------------------------------------------------------
# A text box where the user types a region's name (or its code) and picks from the regions of their scope. As the
# user types, static/hrss.js refills the box's list from core:region-options; without a script the list holds the
# whole scope when it is small, and a typed name is resolved on submit, so it works on any browser. What is
# submitted is the name and the code ("下城社区（上城街道） 441602001003"), or whatever the user typed.

CODE_IN_TEXT = re.compile(r"(?<!\d)(\d{12})(?!\d)")
PICKER_PRELOAD_LIMIT = 300  # a scope with more regions than this gets its list only from the search


def region_label(region):
    parent = f"（{region.parent.name}）" if region.parent_id and region.level > Level.COUNTY else ""
    return f"{region.name}{parent} {region.code}"


def level_names(levels):
    return "或".join(str(Level(level).label) for level in sorted(levels))


class RegionPickerInput(forms.TextInput):
    def __init__(self, attrs=None, *, levels=None, regions=None):
        self.levels = levels
        self.regions = regions if regions is not None else Region.objects.none()  # the user's, to name a code
        self.preloaded = []
        super().__init__({"autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Region):
            return region_label(value)
        if isinstance(value, str) and CODE_IN_TEXT.fullmatch(value.strip()):
            # Named only inside the scope: a refused code must not tell an outsider whose it is.
            found = self.regions.filter(code=value.strip()).first()
            return region_label(found) if found else value
        return super().format_value(value)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        list_id = f"{attrs.get('id') or self.attrs.get('id') or 'id_' + name}-options"
        search = reverse("core:region-options")
        if self.levels:
            search += "?" + "&".join(f"level={level}" for level in sorted(self.levels))
        attrs.update({"list": list_id, "data-region-picker": search})
        options = format_html_join("", '<option value="{}"></option>', ((region_label(r),) for r in self.preloaded))
        return format_html('{}<datalist id="{}">{}</datalist>', super().render(name, value, attrs, renderer),
                           list_id, options)


def picker_regions(user, levels=None):
    regions = scoping.regions_visible_to(user).select_related("parent")
    return regions.filter(level__in=levels) if levels else regions


class RegionField(forms.CharField):
    """A region of the user's scope (of one of `levels` when given), picked by name or typed as its 12-digit
    code; cleans to the Region. Anything outside the scope is refused as not found."""

    def __init__(self, *, user, levels=None, **kwargs):
        self.user, self.levels = user, levels
        kwargs.setdefault("error_messages", {"required": f"请选择{level_names(levels) if levels else '区域'}。"})
        regions = picker_regions(user, levels)
        super().__init__(widget=RegionPickerInput(levels=levels, regions=regions), max_length=100, **kwargs)
        if regions.count() <= PICKER_PRELOAD_LIMIT:
            self.widget.preloaded = list(regions.order_by("code"))

    def to_python(self, value):
        text = super().to_python(value).strip()
        if not text:
            return None
        what = level_names(self.levels) if self.levels else "区域"
        regions = picker_regions(self.user, self.levels)
        code = CODE_IN_TEXT.search(text)
        if code:
            found = scoping.regions_visible_to(self.user).filter(code=code.group(1)).first()
            if found is None:
                raise ValidationError(f"区划代码 {code.group(1)} 不存在或不在您的管辖范围内。")
            if self.levels and found.level not in self.levels:
                raise ValidationError(f"“{found.name}”（{found.code}）是{Level(found.level).label}，不是{what}。")
            return found
        matches = list(regions.filter(name=text)[:11]) or list(regions.filter(name__contains=text)[:11])
        if not matches:
            raise ValidationError(f"在您的管辖范围内没有名称为“{text}”的{what}。请检查名称，或从列表中选择。")
        if len(matches) > 1:
            listed = "；".join(region_label(r) for r in matches[:10])
            more = " 等" if len(matches) > 10 else ""
            raise ValidationError(f"名称含“{text}”的{what}不止一个：{listed}{more}。请从列表中选择，或输入其12位代码。")
        return matches[0]

    def clean(self, value):
        region = self.to_python(value)
        if region is None and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return region


class RenameRegionForm(StyledForm):
    new_name = forms.CharField(label="新名称", max_length=64)
    effective_date = forms.DateField(label="生效日期", widget=date_input())
    note = forms.CharField(label="依据/说明", max_length=255, required=False)


class MoveVillageForm(RefusesInvisibleCharacters, forms.Form):
    effective_date = forms.DateField(label="生效日期", widget=date_input())
    note = forms.CharField(label="依据/说明", max_length=255, required=False)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_township_code"] = RegionField(label="调入乡镇(街道)", user=actor, levels={Level.TOWNSHIP},
                                                  help_text="输入名称选择，或输入12位区划代码")
        self.order_fields(["new_township_code"])
        style_form(self)


class MergeVillageForm(RefusesInvisibleCharacters, forms.Form):
    effective_date = forms.DateField(label="生效日期", widget=date_input())
    note = forms.CharField(label="依据/说明", max_length=255, required=False)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_code"] = RegionField(label="并入的村(社区)", user=actor, levels={Level.VILLAGE},
                                            help_text="输入名称选择，或输入12位区划代码")
        self.order_fields(["target_code"])
        style_form(self)


class AuditSearchForm(StyledForm):
    username = forms.CharField(label="操作用户", required=False)
    # A list of the named actions; the field stays text so an address typed with part of a code still searches.
    action = forms.CharField(label="操作", required=False, widget=forms.Select)
    subject = forms.CharField(label="涉及人员(身份证号)", required=False, max_length=18)
    outcome = forms.ChoiceField(label="结果", required=False, choices=[("", "全部"), *AuditEntry.Outcome.choices])
    date_from = forms.DateField(label="起始日期", required=False, widget=date_input())
    date_to = forms.DateField(label="截止日期", required=False, widget=date_input())

    def __init__(self, *args, **kwargs):
        from hrss.core.audit_display import action_choices

        super().__init__(*args, **kwargs)
        self.fields["action"].widget.choices = action_choices()



class ArrangementUploadForm(StyledForm):
    file = forms.FileField(label="节假日安排文件", help_text="Excel 或 CSV，列：日期、类型（放假/上班）、名称；"
                           "文件中的年度将整体替换为文件内容。")


class OccupationUploadForm(StyledForm):
    file = forms.FileField(label="职业分类表", help_text="Excel 或 CSV，列：code、name、level、parent_code（可加 mark）；"
                           "每一行都核对，全部无误才导入，已有代码按文件更新。")


class WorkdayQueryForm(StyledForm):
    start = forms.DateField(label="起算日期", widget=date_input(),
                            error_messages={"invalid": "起算日期应为有效日期，如 2026-09-30（年份 1–9999）。"})
    count = forms.IntegerField(label="第几个工作日", min_value=0, max_value=366, error_messages={
        "invalid": "第几个工作日应为 0–366 之间的整数。", "min_value": "第几个工作日应为 0–366 之间的整数。",
        "max_value": "第几个工作日应为 0–366 之间的整数。"})
