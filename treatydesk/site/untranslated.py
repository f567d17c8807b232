"""The admin's report of pages without a translation in one of the site's languages.

One row per page and its translations (the first made of them): the languages it lacks, and
Wagtail's own "Translate" (``wagtail.contrib.simple_translation``), which copies the page into
the chosen locales as drafts for the editor or a translator to translate and publish. The
dashboard says how many there are, so that a page made in one language prompts translation.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

TRANSLATE = "simple_translation.submit_translation"


def untranslated(pages):
    """Return the pages of ``pages`` (a Page queryset) that stand for a set of translations
    lacking at least one locale: the first made page of each set, the root left out."""
    first = Page.objects.filter(translation_key=OuterRef("translation_key")).order_by("pk")
    translations = (Page.objects.filter(translation_key=OuterRef("translation_key"))
                    .order_by().values("translation_key").annotate(n=Count("pk")).values("n"))
    return (pages.filter(depth__gt=1)
            .annotate(translations=Subquery(translations[:1]))
            .filter(translations__lt=Locale.objects.count())
            .filter(pk=Subquery(first.values("pk")[:1])))


def missing_locales(pages) -> dict[int, list[Locale]]:
    """Return page pk → the locales none of its translations is in, for each of ``pages``."""
    keys = {page.translation_key: page.pk for page in pages}
    present = defaultdict(set)
    for key, locale in Page.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "locale_id"):
        present[key].add(locale)
    locales = list(Locale.objects.order_by("pk"))
    return {pk: [locale for locale in locales if locale.pk not in present[key]]
            for key, pk in keys.items()}


def editable_untranslated(user):
    """Return the untranslated pages (``untranslated``) that ``user`` may edit."""
    editable = PagePermissionPolicy(Page).instances_user_has_permission_for(user, "change")
    return untranslated(editable)


class UntranslatedPanel(Component):
    """The dashboard's count of pages without a translation, linking the report."""

    name = "untranslated_pages"
    template_name = "site/admin/untranslated_panel.html"
    order = 95

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["count"] = editable_untranslated(parent_context["request"].user).count()
        return context


class UntranslatedPagesView(PageReportView):
    """Pages that lack a translation, the languages they lack, and a link to translate."""

    results_template_name = "site/admin/untranslated_results.html"
    page_title = _("Pages without a translation")
    header_icon = "globe"
    index_url_name = "untranslated_pages"
    index_results_url_name = "untranslated_pages_results"
    any_permission_required = ["add", "change", "publish"]
    export_headings = {**PageReportView.export_headings, "missing_text": _("Missing in")}
    list_export = [*PageReportView.list_export, "missing_text"]

    def get_filename(self):
        return "untranslated-pages"

    def get_queryset(self):
        self.queryset = (editable_untranslated(self.request.user)
                         .select_related("locale", "content_type")
                         .specific(defer=True).order_by("path"))
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        missing = missing_locales(pages)
        may_translate = self.request.user.has_perm(TRANSLATE)
        for page in pages:
            page.missing = missing[page.pk]
            page.missing_text = ", ".join(locale.get_display_name() for locale in page.missing)
            page.translate_url = (reverse("simple_translation:submit_page_translation",
                                          args=[page.pk]) if may_translate else "")
        return pages
