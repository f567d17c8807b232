"""Admin views of the mail: mail a page (confirm, then queue), the mailings and their progress."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from .actions import MailingRefused, MailPage
from .models import DeliveryState, Mailing


def mail_page(request, page_id):
    """Show who would receive a page, and queue the mailing when the editor confirms."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    action = MailPage(page, request.user)
    problem = None
    try:
        action.check()
    except MailingRefused as refused:
        problem = str(refused)
    if request.method == "POST" and problem is None:
        mailing = action.execute()
        messages.success(request, _("“%(title)s” is being sent to %(count)s subscribers.")
                         % {"title": page.title, "count": mailing.deliveries.count()})
        return redirect("mailing_detail", mailing.pk)
    recipients = action.recipients().count() if problem is None else 0
    return TemplateResponse(request, "mailing/admin/mail_page.html", {
        "page": page, "problem": problem, "recipients": recipients,
        "earlier": Mailing.objects.filter(page=page),
    })


def mailing_index(request):
    if not request.user.has_perm("mailing.view_mailing"):
        raise PermissionDenied
    paginator = Paginator(Mailing.objects.select_related("page", "created_by"), 30)
    mailings = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(request, "mailing/admin/index.html", {
        "mailings": mailings, "rows": [(m, m.counts()) for m in mailings],
    })


def mailing_detail(request, mailing_id):
    if not request.user.has_perm("mailing.view_mailing"):
        raise PermissionDenied
    mailing = get_object_or_404(Mailing.objects.select_related("page", "created_by"),
                                pk=mailing_id)
    state = request.GET.get("state") or ""
    deliveries = mailing.deliveries.order_by("pk")
    if state in DeliveryState.values:
        deliveries = deliveries.filter(state=state)
    page = Paginator(deliveries, 100).get_page(request.GET.get("p"))
    return TemplateResponse(request, "mailing/admin/detail.html", {
        "mailing": mailing, "counts": mailing.counts(), "deliveries": page,
        "states": DeliveryState, "state": state,
    })
