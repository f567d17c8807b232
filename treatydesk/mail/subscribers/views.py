"""Public pages of the subscriptions: sign up, confirm, choose what to receive, unsubscribe
(one click, RFC 8058).

None of them uses a session or sets a cookie, like every public page. Their forms are
CSRF-exempt on purpose: CSRF protects what a visitor's cookies let a forged request do, and
here there are none. What protects a subscriber is the token in the link (256 random bits,
known only from the message itself) and double opt-in: a sign-up for someone else's address
only sends that address a link it can ignore, at most once every ten minutes.

Mail providers and security scanners open links in messages on their own; a GET therefore
never changes anything: it shows a button, and only the POST confirms or unsubscribes. The
one-click POST that mail programs send (``List-Unsubscribe=One-Click``, no cookie, no token
other than the URL's) answers ``200``.
"""

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from treatydesk.security.throttle.client import client_address

from . import actions
from .forms import CONSENT_WORDING, PreferencesForm, SubscribeForm
from .models import Subscriber, SubscriberStatus, ip_hash
from .tasks import send_confirmation


def _private(response):
    # Pages behind a token, and the answers to POSTs, are nobody else's business.
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private"
    return response


def _client_ip(request) -> str:
    return ip_hash(client_address(request))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    language = get_language()
    if request.method != "POST":
        return render(request, "subscriptions/subscribe.html",
                      {"form": SubscribeForm(language=language)})
    form = SubscribeForm(request.POST, language=language)
    if not form.is_valid():
        return _private(render(request, "subscriptions/subscribe.html", {"form": form},
                               status=400))
    data = form.cleaned_data
    subscriber = actions.request_subscription(
        data["email"], data["language"], data["topics"], source=f"form {request.path}",
        ip=_client_ip(request), wording=CONSENT_WORDING)
    if subscriber is not None:
        queued = send_confirmation.using(backend=settings.TREATYDESK_MAIL_TASK_BACKEND)
        transaction.on_commit(lambda: queued.enqueue(subscriber.pk))
    # The same answer whether the address was new, known or asked too often: the page tells
    # nobody who subscribes.
    return _private(render(request, "subscriptions/check_inbox.html",
                           {"email": data["email"]}))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    subscriber = actions.find_by_confirmation(token)
    if subscriber is None:
        return _private(render(request, "subscriptions/link_invalid.html", status=404))
    if request.method == "POST":
        actions.confirm(subscriber, source=f"confirmation link {request.path}",
                        ip=_client_ip(request))
        return _private(render(request, "subscriptions/confirmed.html",
                               {"subscriber": subscriber}))
    return _private(render(request, "subscriptions/confirm.html", {"subscriber": subscriber}))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscriber = Subscriber.objects.filter(unsubscribe_token=token).first() \
        if 20 <= len(token) <= 100 else None
    if subscriber is None:
        if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
            raise Http404
        return _private(render(request, "subscriptions/link_invalid.html", status=404))
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        actions.unsubscribe(
            subscriber, ip=_client_ip(request),
            source="one-click (List-Unsubscribe-Post)" if one_click
            else f"unsubscribe page {request.path}")
        if one_click:
            return _private(HttpResponse("Unsubscribed.\n", content_type="text/plain"))
        return _private(render(request, "subscriptions/unsubscribed.html",
                               {"subscriber": subscriber}))
    return _private(render(request, "subscriptions/unsubscribe.html", {
        "subscriber": subscriber,
        "already": subscriber.status == SubscriberStatus.UNSUBSCRIBED,
    }))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    """Choose what to receive (notices, news, meetings) and its language, from any message."""
    subscriber = actions.find_by_link(token)
    if subscriber is None or subscriber.status != SubscriberStatus.ACTIVE:
        return _private(render(request, "subscriptions/link_invalid.html", status=404))
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            actions.change_preferences(
                subscriber, form.cleaned_data["language"], form.cleaned_data["topics"],
                source=f"preferences page {request.path}", ip=_client_ip(request))
            saved = True
    else:
        form = PreferencesForm(initial={"topics": subscriber.topics,
                                        "language": subscriber.language})
    return _private(render(request, "subscriptions/preferences.html", {
        "subscriber": subscriber, "form": form, "saved": saved, "token": token,
    }, status=400 if request.method == "POST" and not form.is_valid() else 200))
