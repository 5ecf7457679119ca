"""The promises part's form: the 一次性告知 slip (the service's checklist in force today, to tick)."""

from django import forms

from hrss.core.forms import StyledForm


class SlipForm(StyledForm):
    citizen_name = forms.CharField(label="办事人姓名", max_length=50)
    id_number = forms.CharField(label="公民身份号码（可不填）", max_length=20, required=False)
    missing = forms.MultipleChoiceField(label="缺少的材料（勾选）", required=False, widget=forms.CheckboxSelectMultiple)
    other = forms.CharField(label="其他缺少的材料（清单外的，可不填）", max_length=100, required=False)

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["missing"].choices = [(document.name, f"{document.name}（{document.how}）" if document.how != "—"
                                           else document.name) for document in documents]
