"""The review page of a register fact: the fact, its drafted notices in every language, and for
a draft the one action "Publish fact and notices" (``publishing.PublishWithNotices``)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages

from treatydesk.core.wording import long_date
from treatydesk.records.facts.actions import RegisterRejected
from treatydesk.records.facts.models import Fact

from .publishing import PUBLISH_FACT, PublishWithNotices, notices_of, refusal

VIEW_FACT = "registry.view_fact"


def review_url(fact: Fact) -> str:
    return reverse("notices_review_fact", args=[fact.pk])


def notice_rows(pages, request) -> list[dict]:
    """Return what the review page shows of each notice: its latest wording and where it is."""
    rows = []
    for page in pages:
        latest = page.get_latest_revision_as_object()
        rows.append({
            "page": page, "language": page.locale.get_display_name(), "title": latest.title,
            "text": latest.text, "live_url": page.get_url(request) if page.live else "",
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "preview_url": reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        })
    return rows


def fact_rows(fact: Fact, language: str) -> list[tuple[str, str]]:
    """Return the fact's recorded values as (label, value), as the admin's language writes them."""
    def label(name):
        return str(Fact._meta.get_field(name).verbose_name).capitalize()

    dated = {"date": fact.date, "effective_date": fact.effective_date}
    rows = [(label("treaty"), fact.get_treaty_display()),
            (label("state"), f"{fact.state_name} ({fact.state})"),
            (label("kind"), fact.get_kind_display())]
    rows += [(label(name), long_date(value, language)) for name, value in dated.items() if value]
    rows += [(label(name), str(getattr(fact, name)))
             for name in ("sequence", "cn_reference", "source", "public_note", "note")
             if getattr(fact, name) not in (None, "")]
    return rows


def notice_buttons(pages, request, *, live: bool) -> list:
    """Return the message buttons linking each notice, live or in the editor."""
    buttons = []
    for page in pages:
        language = page.locale.get_display_name()
        if live and page.live:
            buttons.append(messages.button(page.get_url(request),
                                           _("Notice (%(language)s)") % {"language": language},
                                           new_window=True))
        elif not live:
            buttons.append(messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]),
                                           _("Notice (%(language)s)") % {"language": language}))
    return buttons


def announce_drafted_notices(request, fact: Fact) -> None:
    """Tell the editor which notices the fact just saved has, with a link to each."""
    pages = notices_of(fact)
    if not pages:
        return
    if fact.is_draft:
        text = ngettext(
            "%(count)s notice is drafted from it. Review the fact with its notice below, then "
            "publish them together.",
            "%(count)s notices are drafted from it. Review the fact with its notices below, "
            "then publish them together.", len(pages)) % {"count": len(pages)}
    else:
        text = ngettext(
            "The register is changed. %(count)s notice is drafted from it and waits for review.",
            "The register is changed. %(count)s notices are drafted from it and wait for review.",
            len(pages)) % {"count": len(pages)}
    messages.info(request, text, buttons=notice_buttons(pages, request, live=False))


@require_http_methods(["GET", "POST"])
def review_fact(request, fact_id: int):
    if not (request.user.has_perm(VIEW_FACT) or request.user.has_perm(PUBLISH_FACT)):
        raise PermissionDenied
    fact = get_object_or_404(Fact.including_drafts, pk=fact_id)
    pages = notices_of(fact)
    if request.method == "POST":
        return publish(request, fact)
    context = {
        "fact": fact, "facts": fact_rows(fact, get_language()),
        "notices": notice_rows(pages, request), "refusal": refusal(request.user, pages),
        "list_url": reverse("wagtailsnippets_registry_fact:list"),
        "edit_url": reverse("wagtailsnippets_registry_fact:edit", args=[fact.pk]),
    }
    return TemplateResponse(request, "notices/admin/review_fact.html", context)


def publish(request, fact: Fact):
    if not fact.is_draft:
        messages.error(request, _("This fact is already published."))
        return redirect(review_url(fact))
    try:
        published = PublishWithNotices(fact, request.user,
                                       mail=request.POST.get("mail") == "on").execute()
    except RegisterRejected as rejected:
        for message in rejected.messages:
            messages.error(request, message)
        return redirect(review_url(fact))
    text = _("Published: “%(fact)s” is in the register.") % {"fact": published.fact}
    if published.notices:
        text += " " + ngettext("Its notice is published.", "Its %(count)s notices are published.",
                               len(published.notices)) % {"count": len(published.notices)}
    if published.mailings:
        recipients = sum(mailing.deliveries.count() for mailing in published.mailings)
        text += " " + ngettext("They are being sent to %(count)s subscriber.",
                               "They are being sent to %(count)s subscribers.",
                               recipients) % {"count": recipients}
    messages.success(request, text,
                     buttons=notice_buttons(published.notices, request, live=True))
    return redirect(review_url(published.fact))
