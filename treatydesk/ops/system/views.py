"""The admin's Outbox: the messages delivered to ``$TREATYDESK_VAR/outbox/`` when no SMTP
server is configured, each with its source and the verdict of our own verification."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from treatydesk.core.mailtrust import verify_message
from treatydesk.mail.outgoing import outbox
from treatydesk.mail.outgoing.keystore import get_keystore
from treatydesk.mail.outgoing.outbox import uses_outbox

__all__ = ["outbox_list", "outbox_message", "outbox_source", "uses_outbox"]


def _superuser(request) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied


def _message(key: str):
    found = outbox.message(key)
    if found is None:
        raise Http404
    return found


@never_cache
def outbox_list(request):
    _superuser(request)
    return TemplateResponse(request, "system/outbox.html", {
        "messages_": outbox.messages(), "folder": outbox.outbox_dir(),
        "in_use": uses_outbox()})


@never_cache
def outbox_message(request, key):
    _superuser(request)
    message = _message(key)
    result = verify_message(message.raw, get_keystore())
    return TemplateResponse(request, "system/outbox_message.html", {
        "message": message, "result": result,
        "reasons": [reason.render(gettext) for reason in result.reasons]})


@never_cache
def outbox_source(request, key):
    _superuser(request)
    response = HttpResponse(_message(key).raw, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{key}.eml"'
    return response
