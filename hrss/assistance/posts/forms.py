"""The posts part's forms: a post, a placement (from the post's page: a recognised person; from the person's page: an
open post), a placement's end, the roll's month."""

from django import forms

from hrss.assistance.models import PlacementEndReason, PostStatus, UnitKind
from hrss.core.forms import RegionField, StyledForm, date_input
from hrss.core.models import Level


class PostForm(StyledForm):
    unit_name = forms.CharField(label="用人单位", max_length=100)
    unit_kind = forms.ChoiceField(label="单位类型", choices=UnitKind.choices)
    unit_code = forms.CharField(label="统一社会信用代码（可不填）", max_length=18, required=False)
    title = forms.CharField(label="岗位名称", max_length=100)
    occupation_code = forms.CharField(label="职业代码（可不填，如 4-07-10-01）", max_length=20, required=False)
    headcount = forms.IntegerField(label="岗位人数", min_value=1, max_value=1000)
    post_subsidy = forms.DecimalField(label="岗位补贴（元/人·月，不填按当时标准）", min_value=0, max_digits=10,
                                      decimal_places=2, required=False)
    insurance_subsidy = forms.DecimalField(label="社会保险补贴（元/人·月，不填按当时标准）", min_value=0,
                                           max_digits=10, decimal_places=2, required=False)
    open_from = forms.DateField(label="开发日期", widget=date_input())
    open_until = forms.DateField(label="截止日期（可不填）", widget=date_input(), required=False)
    note = forms.CharField(label="备注", max_length=200, required=False)

    def __init__(self, *args, user, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["status"] = forms.ChoiceField(label="状态", choices=PostStatus.choices)
            self.fields["status"].widget.attrs["class"] = "form-select form-select-sm"
            for name in ("post_subsidy", "insurance_subsidy"):
                self.fields[name].required = True
                self.fields[name].label = self.fields[name].label.split("，")[0] + "）"
        else:
            self.fields = {"region": RegionField(user=user, levels={Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE},
                                                 label="岗位所在地"), **self.fields}
            self.fields["region"].widget.attrs.setdefault("class", "form-control form-control-sm")


class PlaceFromPostForm(StyledForm):
    """On a post's page: one of the recognised people of the user's scope who hold no post."""

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"person": forms.TypedChoiceField(
            label="就业困难人员", coerce=int, choices=[("", "请选择")] + [(p.pk, f"{p.name} {p.masked_id_number}")
                                                                    for p in people]), **self.fields}
        self.fields["person"].widget.attrs["class"] = "form-select form-select-sm"

    started_on = forms.DateField(label="上岗日期", widget=date_input())
    note = forms.CharField(label="备注", max_length=200, required=False)


class PlaceFromPersonForm(StyledForm):
    """On the person's placing page: one of the open posts of the user's scope with a place free."""

    def __init__(self, *args, posts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"post": forms.TypedChoiceField(
            label="公益性岗位", coerce=int, choices=[("", "请选择")] + [(p.pk, f"{p.unit_name} · {p.title}")
                                                                  for p in posts]), **self.fields}
        self.fields["post"].widget.attrs["class"] = "form-select form-select-sm"

    started_on = forms.DateField(label="上岗日期", widget=date_input())
    note = forms.CharField(label="备注", max_length=200, required=False)


class EndForm(StyledForm):
    ended_on = forms.DateField(label="离岗日期（在岗最后一天）", widget=date_input())
    reason = forms.ChoiceField(label="离岗原因", choices=[("", "请选择")] + [
        (value, label) for value, label in PlacementEndReason.choices
        if value != PlacementEndReason.RECOGNITION_EXITED])  # set only by the recognition's exit
    note = forms.CharField(label="说明", max_length=200, required=False)
