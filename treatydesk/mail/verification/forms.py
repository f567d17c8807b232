"""The form of "Is this e-mail from us?": paste the source, or upload a .eml file."""

from django import forms
from django.utils.translation import gettext_lazy as _

#: Our notices are a few kilobytes; forged mail with attachments can be larger. Beyond this the
#: page says the message is too large rather than read it.
MAX_MESSAGE_BYTES = 5 * 1024 * 1024


class VerifyForm(forms.Form):
    source = forms.CharField(
        label=_("Paste the message source"), required=False, strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
        help_text=_("In most mail programs: “Show original”, “View source” or “View message "
                    "source”. Copy all of it, header lines included."))
    upload = forms.FileField(
        label=_("Or upload the message as a file (.eml)"), required=False,
        help_text=_("Most mail programs can save a message as a .eml file."))

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        if upload is not None:
            if upload.size > MAX_MESSAGE_BYTES:
                raise forms.ValidationError(_("The file is larger than 5 MB."),
                                            code="too_large")
            data["raw"] = upload.read(MAX_MESSAGE_BYTES + 1)
        elif data.get("source"):
            data["raw"] = data["source"].encode("utf-8", "surrogateescape")
        else:
            raise forms.ValidationError(_("Paste a message or choose a file."), code="empty")
        if len(data["raw"]) > MAX_MESSAGE_BYTES:
            raise forms.ValidationError(_("The message is larger than 5 MB."),
                                        code="too_large")
        return data
