"""The admin form for a register fact: the core's rules checked before anything is saved."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from treatydesk.core import register as core

from .actions import RecordFact, RegisterRejected
from .models import FactStatus

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
    reason = forms.CharField(
        label=_("Reason for the change"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required for a correction. Published in the register's public log."),
    )

    draft = forms.BooleanField(
        label=_("Save as a draft"), required=False, initial=True,
        help_text=_("A draft is in no public page, download or log. Review it with its drafted "
                    "notices, then publish them together. Untick to publish the fact now."),
    )

    def clean_reason(self):
        reason = self.cleaned_data.get("reason", "").strip()
        if self.instance.pk and not reason:
            raise forms.ValidationError(
                _("Say why this fact is corrected: the reason is published in the register's "
                  "log."))
        return reason

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # a draft is published from its review page, with its notices
            self.fields.pop("draft", None)
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
                     "cn_reference", "source", "note", "public_note", "effective_date"):
            if name in self.cleaned_data:
                setattr(instance, name, self.cleaned_data[name])
        return instance

    def save(self, commit=True):
        instance = self._candidate()
        if not instance.pk:
            instance.status = (FactStatus.DRAFT if self.cleaned_data.get("draft")
                               else FactStatus.PUBLISHED)
        if not commit:
            return instance
        try:
            return RecordFact(instance, user=self.for_user,
                              reason=self.cleaned_data.get("reason", "")).execute()
        except RegisterRejected as rejected:  # a concurrent change made it invalid
            raise forms.ValidationError(rejected.messages) from None
