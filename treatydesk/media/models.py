"""The site's image and document models.

Images carry what a published photo needs besides its pixels: a description that is the default
alt text, a caption and the photographer's credit ("Photo © …"). Documents carry the United
Nations document symbol (CCM/MSP/2013/3, or a depositary notification's C.N. reference) and the
language of the file, so the language versions of one document are found by their shared symbol.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.search import index

from .validators import check_document_file

# "CCM/MSP/2013/3", "CCM/MSP/2013/WP.1", "APLC/MSP.20/2022/1" — and depositary notifications,
# "C.N.776.2008.TREATIES-2" or "C.N.475.2017.TREATIES-XXVI-9".
SYMBOL_RE = re.compile(
    r"(?:[A-Z][A-Z0-9.\-]*(?:/[A-Za-z0-9.\-()]+)+)|(?:C\.N\.\d+\.\d{4}\.TREATIES-[A-Z0-9.\-]+)"
)


def validate_symbol(value: str) -> None:
    """Raise ``ValidationError`` unless ``value`` reads as a UN document symbol."""
    if value and not SYMBOL_RE.fullmatch(value):
        raise ValidationError(
            _("“%(value)s” is not a document symbol. Write it as the United Nations does, for "
              "example CCM/MSP/2013/3 or C.N.776.2008.TREATIES-2."),
            params={"value": value}, code="invalid_symbol",
        )


class DocumentLanguage(models.TextChoices):
    """The six official languages of the United Nations, in which its documents are issued."""

    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    RUSSIAN = "ru", _("Russian")


class CustomImage(AbstractImage):
    """A photo with its default alt text (``description``), caption and credit."""

    caption = models.CharField(
        _("caption"), max_length=255, blank=True,
        help_text=_("Shown under the photo: who, what, where and when."),
    )
    credit = models.CharField(
        _("credit"), max_length=120, blank=True,
        help_text=_("The photographer or owner, shown as “Photo © …”, e.g. “ISU-CCM / J. Doe”."),
    )

    admin_form_fields = (
        "title",
        "file",
        "description",
        "caption",
        "credit",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )
    search_fields = [
        *AbstractImage.search_fields,
        index.SearchField("caption"),
        index.SearchField("credit"),
    ]

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    def __str__(self):
        return self.title


CustomImage._meta.get_field("description").verbose_name = _("description (default alt text)")
CustomImage._meta.get_field("description").help_text = _(
    "What the photo shows, for readers who cannot see it. Used as the alt text unless a page "
    "gives its own."
)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    """A file in the documents library, with its UN symbol and language when it has them."""

    symbol = models.CharField(
        _("document symbol"), max_length=80, blank=True, db_index=True,
        validators=[validate_symbol],
        help_text=_("The United Nations symbol, e.g. CCM/MSP/2013/3, shared by the language "
                    "versions of one document; or the C.N. reference of a depositary "
                    "notification."),
    )
    language = models.CharField(
        _("language"), max_length=2, blank=True, choices=DocumentLanguage.choices,
    )

    admin_form_fields = ("title", "file", "symbol", "language", "collection", "tags")
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("symbol", boost=10),
        index.AutocompleteField("symbol"),
        index.FilterField("symbol"),
        index.FilterField("language"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]

    def __str__(self):
        return f"{self.symbol} {self.title}".strip() if self.symbol else self.title

    def clean(self):
        super().clean()
        if self.file and not getattr(self.file, "_committed", True):
            # Only a new upload is checked: files already stored were checked when they came.
            try:
                check_document_file(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error
