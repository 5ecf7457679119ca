"""The enrolment part's forms: the choices (documents, tiers) come from the schemes' rules in force on the day."""

from django import forms

from hrss.core.forms import StyledForm, date_input
from hrss.pensions.enrolment.services import TERMINATION_REASONS
from hrss.pensions.schemes import rules


def tier_choices(region_code, day):
    return [("", "请选择")] + [(f"{amount.normalize():f}", f"{amount.normalize():f} 元/年（政府补贴 "
                                                            f"{tier.subsidy.normalize():f} 元）")
                               for amount, tier in _tiers(region_code, day)]


def _tiers(region_code, day):
    found = rules.tiers_on(region_code, day)
    return [(tier.amount, tier) for tier in found[1]] if found else []


class FindForm(StyledForm):
    id_number = forms.CharField(label="公民身份号码或姓名", max_length=30)


class IntakeForm(StyledForm):
    tier = forms.ChoiceField(label="缴费档次")
    documents = forms.MultipleChoiceField(label="已收材料（核验原件后勾选）", choices=(), required=False,
                                          widget=forms.CheckboxSelectMultiple)
    received_on = forms.DateField(label="材料受理日期", widget=date_input())
    note = forms.CharField(label="备注", max_length=200, required=False)

    def __init__(self, *args, region_code, day, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tier"].choices = tier_choices(region_code, day)
        self.fields["documents"].choices = list(rules.documents_on(day))


class DocumentsForm(StyledForm):
    documents = forms.MultipleChoiceField(label="本次补交的材料", choices=(), widget=forms.CheckboxSelectMultiple)
    received_on = forms.DateField(label="补交日期", widget=date_input())

    def __init__(self, *args, missing, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].choices = list(missing)


class TierForm(StyledForm):
    tier = forms.ChoiceField(label="新的缴费档次")

    def __init__(self, *args, region_code, day, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tier"].choices = tier_choices(region_code, day)


class TerminateForm(StyledForm):
    reason = forms.ChoiceField(label="终止原因", choices=[("", "请选择")] + [(r.value, r.label)
                                                                         for r in TERMINATION_REASONS])
    on = forms.DateField(label="终止日期", widget=date_input())
    note = forms.CharField(label="说明", max_length=200, required=False)


class TransferForm(StyledForm):
    on = forms.DateField(label="转出日期", widget=date_input())
    destination_note = forms.CharField(label="转往何地（迁入地县(区)及经办机构）", max_length=200)
