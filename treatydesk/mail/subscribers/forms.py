"""The sign-up form of the public site."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Topic

CONSENT_WORDING = _(
    "I want to receive the messages I chose by e-mail. I can stop them at any time with the "
    "link in each message.")


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the messages"))
    topics = forms.MultipleChoiceField(
        label=_("What to receive"), choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple, initial=[Topic.NOTICES],
        error_messages={"required": _("Choose at least one kind of message.")})
    consent = forms.BooleanField(label=CONSENT_WORDING)

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["language"].initial = language or settings.LANGUAGE_CODE


class PreferencesForm(forms.Form):
    """What a subscriber receives and in which language, changed from a link in any message."""

    topics = forms.MultipleChoiceField(
        label=_("What to receive"), choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of message, or unsubscribe.")})
    language = forms.ChoiceField(label=_("Language of the messages"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
