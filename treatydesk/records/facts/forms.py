"""The admin form for a register fact: the core's rules checked before anything is saved."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from treatydesk.core import register as core

from .actions import RecordFact, RegisterRejected

STATE_HELP = _("UN name (e.g. Bolivia (Plurinational State of)) or ISO code (BOL)")


def resolve_state_field(value: str) -> core.Country:
    """Return the country for a UN name or ISO code, or raise a form error saying what to give."""
    value = value.strip()
    try:
        return core.resolve_state(value)
    except core.UnknownState:
        raise forms.ValidationError(
            _("“%(value)s” is not a state the register knows: give its UN name or "
              "ISO 3166 code."), params={"value": value},
        ) from None


class FactForm(WagtailAdminModelForm):
    """Edit a fact; the state may be typed as its UN name or ISO code."""

    state = forms.CharField(label=_("State"), max_length=120, help_text=STATE_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new fact is most often about the site's own treaty.
        if not self.instance.pk and "treaty" in self.fields:
            self.fields["treaty"].initial = settings.TREATYDESK_TREATY
            self.initial.setdefault("treaty", settings.TREATYDESK_TREATY)

    def clean_state(self):
        self._country = resolve_state_field(self.cleaned_data["state"])
        return self._country.iso3

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if not cleaned.get("state_name") and getattr(self, "_country", None):
            cleaned["state_name"] = self._country.un_name
            self.instance.state_name = self._country.un_name
        candidate = self._candidate()
        for problem in RecordFact(candidate).problems():
            self.add_error(None, problem.message)
        return cleaned

    def _candidate(self):
        instance = self.instance
        for name in ("treaty", "state", "state_name", "kind", "date", "sequence",
                     "cn_reference", "source", "note"):
            if name in self.cleaned_data:
                setattr(instance, name, self.cleaned_data[name])
        return instance

    def save(self, commit=True):
        instance = self._candidate()
        if not commit:
            return instance
        try:
            return RecordFact(instance, user=self.for_user).execute()
        except RegisterRejected as rejected:  # a concurrent change made it invalid
            raise forms.ValidationError(rejected.messages) from None
