"""The public page "Is this e-mail from us?" (/<lang>/verify-email/).

The form is CSRF-exempt, on purpose: it changes nothing, stores nothing and uses no cookie, so
a forged cross-site submission could only show its own author a verdict. Leaving CSRF off keeps
the page free of cookies, like every public page, and cacheable when it is only shown (GET).
The answer to a POST is private (``no-store``): it is about the reader's own mail.

The verdict comes from ``treatydesk.core.mailtrust.verify_message``, which checks the message
against our own DKIM keys (current and retired), never DNS, and never raises. The matching
notice is linked only when the verdict is authentic, since a forger can write any Message-ID.
"""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from treatydesk.core.mailtrust import verify_message
from treatydesk.mail.mailings.models import Delivery
from treatydesk.mail.outgoing.keystore import get_keystore

from .forms import MAX_MESSAGE_BYTES, VerifyForm
from .models import SecurityNoticePage

#: The body of a POST is refused beyond this before it is read (the form's limit plus room
#: for the multipart framing and the other field).
MAX_REQUEST_BYTES = MAX_MESSAGE_BYTES + 64 * 1024


def security_notices():
    return (SecurityNoticePage.objects.live().public()
            .filter(locale__language_code=get_language()).order_by("-date")[:5])


def matching_page(message_id: str | None):
    """Return the live page a mailing with this Message-ID carried, or None."""
    if not message_id or len(message_id) > 200:
        return None
    delivery = (Delivery.objects.filter(message_id=message_id)
                .select_related("mailing__page").first())
    page = delivery.mailing.page if delivery and delivery.mailing.page_id else None
    return page.specific if page is not None and page.live else None


def _page(request, form, status=200, **context):
    response = render(request, "mailcheck/verify.html",
                      {"form": form, "notices": security_notices(), **context}, status=status)
    if request.method == "POST":
        add_never_cache_headers(response)
        response["Cache-Control"] = "no-store, private"
    return response


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def verify_email(request):
    if request.method != "POST":
        return _page(request, VerifyForm())
    too_large = _("The message is too large to check here: at most 5 MB as a file, or 2.5 MB "
                  "pasted. Save it as a .eml file and upload that.")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_REQUEST_BYTES:
        return _too_large(request, too_large)
    try:
        form = VerifyForm(request.POST, request.FILES)
        valid = form.is_valid()
    except (RequestDataTooBig, TooManyFieldsSent):
        return _too_large(request, too_large)
    except MultiPartParserError:
        return _page(request, VerifyForm(), status=400,
                     too_large=_("The form could not be read. Please try again."))
    if not valid:
        return _page(request, form, status=400)
    result = verify_message(form.cleaned_data["raw"], get_keystore())
    return _page(request, VerifyForm(), result=result,
                 reasons=[reason.render(_) for reason in result.reasons],
                 page=matching_page(result.message_id) if result.authentic else None)


def _too_large(request, message: str) -> HttpResponse:
    form = VerifyForm()
    return _page(request, form, status=413, too_large=message)
