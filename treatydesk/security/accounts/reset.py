"""Password reset that tells nobody whether an account exists, and cannot be used to flood.

The admin's "forgotten password" form (``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``) does the
same work for every address: it counts the request against the limits per address and per
client (``security/throttle``) and queues ``send_password_reset`` for the worker. Looking the
address up, making the token and sending the message all happen in the worker, so the answer
takes as long, and reads the same, whether the address has an account or not. The message
leaves by ``EMAIL_BACKEND``, which is the site's one signed path (``mail/outgoing``).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.db import transaction
from django.utils import translation
from django_tasks import task
from wagtail.admin.forms.auth import PasswordResetForm

from treatydesk.security.throttle.client import client_address
from treatydesk.security.throttle.limits import allow

#: Resets asked for one address, and by one client, within ``WINDOW``; more change nothing.
PER_ADDRESS = 3
PER_CLIENT = 10
WINDOW = timedelta(hours=1)


class ResetForm(PasswordResetForm):
    """Wagtail's reset form, with the lookup and the sending moved to the worker."""

    def save(self, domain_override=None, subject_template_name="", email_template_name="",
             use_https=False, token_generator=None, from_email=None, request=None,
             html_email_template_name=None, extra_email_context=None):
        email = self.cleaned_data["email"]
        keys = {"address": email.strip().lower(),
                "client": client_address(request) if request is not None else ""}
        if not allow("password-reset", keys, {"address": PER_ADDRESS, "client": PER_CLIENT},
                     WINDOW):
            return
        host = domain_override or (request.get_host() if request is not None else "")
        queued = send_password_reset.using(backend=settings.TREATYDESK_MAIL_TASK_BACKEND)
        arguments = {
            "email": email, "domain": host, "use_https": use_https,
            "language": translation.get_language() or settings.LANGUAGE_CODE,
            "subject_template_name": subject_template_name,
            "email_template_name": email_template_name,
            "html_email_template_name": html_email_template_name,
        }
        transaction.on_commit(lambda: queued.enqueue(**arguments))


@task()
def send_password_reset(email: str, domain: str, use_https: bool, language: str,
                        subject_template_name: str, email_template_name: str,
                        html_email_template_name: str | None = None) -> int:
    """Send the reset link to each active account of ``email``; return how many were sent."""
    form = DjangoPasswordResetForm({"email": email})
    if not form.is_valid():
        return 0
    users = list(form.get_users(email))
    with translation.override(language):
        DjangoPasswordResetForm.save(
            form, domain_override=domain, use_https=use_https,
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
            html_email_template_name=html_email_template_name,
            extra_email_context={"site_name": settings.WAGTAIL_SITE_NAME},
        )
    return len(users)
