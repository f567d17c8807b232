"""Admin forms: a state typed as its UN name or ISO code; the core's rules checked before saving."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from treatydesk.records.facts.forms import STATE_HELP, resolve_state_field

from .actions import ObligationRejected, RecordObligationFact
from .models import ObligationKind


class ObligationFactForm(WagtailAdminModelForm):
    """Edit an obligation fact; refuse it, with the core's message, when the rules say no."""

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        candidate = self._candidate()
        for problem in RecordObligationFact(candidate).problems():
            field = problem.field if problem.field in self.fields else None
            self.add_error(field, problem.message)
        return cleaned

    def _candidate(self):
        instance = self.instance
        for name, value in self.cleaned_data.items():
            if name in self.fields and hasattr(instance, name):
                setattr(instance, name, value)
        return instance

    def save(self, commit=True):
        instance = self._candidate()
        if not commit:
            return instance
        try:
            return RecordObligationFact(instance, user=self.for_user).execute()
        except ObligationRejected as rejected:  # a concurrent change made it invalid
            raise forms.ValidationError(rejected.messages) from None


class StateFactForm(ObligationFactForm):
    """Edit a fact about one state, typed as its UN name or ISO code."""

    state = forms.CharField(label=_("State"), max_length=120, help_text=STATE_HELP)

    def clean_state(self):
        return resolve_state_field(self.cleaned_data["state"]).iso3


class ContactPointForm(WagtailAdminModelForm):
    """Edit a contact point: the state by name or code, the obligations it hears about."""

    state = forms.CharField(label=_("State"), max_length=120, help_text=STATE_HELP)

    obligations = forms.MultipleChoiceField(
        label=_("Obligations"), choices=ObligationKind.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to receive reminders of every obligation."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["obligations"] = self.instance.obligation_list

    def clean_state(self):
        return resolve_state_field(self.cleaned_data["state"]).iso3

    def clean_obligations(self):
        return ",".join(self.cleaned_data["obligations"])
