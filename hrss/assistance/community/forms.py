from django import forms

from hrss.assistance.community import rules
from hrss.assistance.models import AssessmentResult
from hrss.core.forms import RegionField, StyledForm
from hrss.core.models import Level

MET_CHOICES = [("", "请选择"), ("yes", "达到"), ("no", "未达到")]


class AssessmentForm(StyledForm):
    """The assessment of one community for one year: per manual criterion of the year, met or not with a note;
    per computed criterion, a note (required only when the data cannot compute it)."""

    year = forms.IntegerField(label="评估年度", min_value=rules.FIRST_YEAR, max_value=9999)
    note = forms.CharField(label="评估说明", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user, year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {"village": RegionField(user=user, levels={Level.VILLAGE}, label="社区（居委会）"), **self.fields}
        self.fields["village"].widget.attrs.setdefault("class", "form-control form-control-sm")
        self.criteria = rules.criteria_for(year)
        for criterion in self.criteria:
            if criterion.kind == rules.MANUAL:
                self.fields[f"met_{criterion.code}"] = forms.ChoiceField(
                    label=criterion.name, choices=MET_CHOICES, required=False, help_text=criterion.description)
            self.fields[f"note_{criterion.code}"] = forms.CharField(
                label=f"{criterion.name}：核实说明", max_length=200, required=False)
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs.setdefault("class", "form-select form-select-sm")
            elif not isinstance(field.widget, forms.HiddenInput):
                field.widget.attrs.setdefault("class", "form-control form-control-sm")

    def checks(self):
        data = self.cleaned_data
        out = {}
        for criterion in self.criteria:
            entry = {"note": data.get(f"note_{criterion.code}", "")}
            if criterion.kind == rules.MANUAL:
                met = data.get(f"met_{criterion.code}")
                entry["met"] = {"yes": True, "no": False}.get(met)
            out[criterion.code] = entry
        return out


class DecisionForm(StyledForm):
    result = forms.ChoiceField(label="认定结果", choices=[("", "请选择"), (AssessmentResult.MET, "达标"),
                                                      (AssessmentResult.NOT_MET, "未达标")])
    note = forms.CharField(label="认定意见", max_length=300, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)
