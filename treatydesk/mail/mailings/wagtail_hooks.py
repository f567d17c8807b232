"""The mail in the Wagtail admin: "Publish and e-mail", "E-mail to subscribers", mailings."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from . import views
from .actions import MailingRefused, MailPage
from .compose import MAILABLE_PAGES, is_mailable

#: The value our action button gives ``action-publish``: Wagtail publishes as usual, then
#: ``after_publish_page`` below queues the mailing.
PUBLISH_AND_MAIL = "publish-and-mail"


@hooks.register("register_log_actions")
def register_mailing_log_actions(actions):
    actions.register_action("treatydesk.mailing.queued", _("E-mail to subscribers"),
                            _("Sent by e-mail to subscribers"))


class PublishAndMailMenuItem(ActionMenuItem):
    label = _("Publish and e-mail subscribers")
    name = "action-publish"
    template_name = "mailing/admin/publish_and_mail.html"
    icon_name = "mail"
    order = 5

    def is_shown(self, context):
        if context["view"] == "create":
            parent = context["parent_page"]
            return False if parent is None else \
                parent.permissions_for_user(context["request"].user).can_publish_subpage() \
                and _mailable_class(context)
        page = context.get("page")
        if page is None or not is_mailable(page) or context.get("locked_for_user"):
            return False
        return self.get_user_page_permissions_tester(context).can_publish()

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["value"] = PUBLISH_AND_MAIL
        return context


def _mailable_class(context) -> bool:
    model = context.get("page_class") or getattr(context.get("page"), "specific_class", None)

    return model is not None and model._meta.label_lower in MAILABLE_PAGES


@hooks.register("register_page_action_menu_item")
def register_publish_and_mail():
    return PublishAndMailMenuItem()


@hooks.register("after_publish_page")
def mail_after_publishing(request, page):
    if request.POST.get("action-publish") != PUBLISH_AND_MAIL:
        return None
    try:
        mailing = MailPage(page, request.user).execute()
    except MailingRefused as refused:
        messages.warning(request, str(refused))
        return None
    messages.success(request, _("Published; it is being sent to %(count)s subscribers.")
                     % {"count": mailing.deliveries.count()})
    return None


class MailPageButton(PageMenuItem):
    label = _("E-mail to subscribers")
    icon_name = "mail"
    url_name = "mailing_mail_page"

    def is_shown(self, user):
        return self.page.live and is_mailable(self.page) and \
            self.page.permissions_for_user(user).can_publish()


@hooks.register("register_page_listing_more_buttons")
def mail_page_listing_button(page, user, next_url=None):
    yield MailPageButton(page=page, priority=45)


@hooks.register("register_page_header_buttons")
def mail_page_header_button(page, user, view_name, next_url=None):
    yield MailPageButton(page=page, priority=45)


@hooks.register("register_admin_urls")
def register_mailing_urls():
    return [
        path("mailings/", views.mailing_index, name="mailing_index"),
        path("mailings/<int:mailing_id>/", views.mailing_detail, name="mailing_detail"),
        path("mailings/page/<int:page_id>/", views.mail_page, name="mailing_mail_page"),
    ]


class MailingsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("mailing.view_mailing")


@hooks.register("register_admin_menu_item")
def register_mailings_menu_item():
    return MailingsMenuItem(_("Mailings"), reverse("mailing_index"), icon_name="mail",
                            order=250)
