"""The moderator's check of a notice, with "Approve and e-mail subscribers" beside "Approve".

The notice workflow's task (``treatydesk init`` makes it) is a Wagtail group approval with one
more action: approving publishes the notice, as "Approve" does, and in the same step sends it
to the subscribers of notices in its language (``mail.mailings.actions.MailPage``: once each,
through the one outgoing path). Approving is the moderator's permission to publish, so the
mailing needs no other.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask

from treatydesk.mail.mailings.actions import MailingRefused, MailPage

APPROVE_AND_MAIL = "approve_and_mail"


class NoticeReviewTask(GroupApprovalTask):
    """Approve a notice, optionally e-mailing it to its subscribers in the same step."""

    class Meta:
        verbose_name = _("notice review")
        verbose_name_plural = _("notice reviews")

    def get_actions(self, obj, user):
        actions = list(super().get_actions(obj, user))
        if actions:
            actions.append((APPROVE_AND_MAIL, _("Approve and e-mail subscribers"), False))
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != APPROVE_AND_MAIL:
            return super().on_action(task_state, user, action_name, **kwargs)
        task_state.approve(user=user, **kwargs)
        page = task_state.workflow_state.content_object.specific
        page.refresh_from_db()
        if page.live:  # the last task of the workflow: the notice is published now
            try:
                self.mailing = MailPage(page, user).execute(skip_permission_checks=True)
            except MailingRefused:
                self.mailing = None
        return None
