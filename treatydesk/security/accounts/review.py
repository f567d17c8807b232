"""No role skips review: a page a workflow covers is published only by that workflow's reviewers.

Wagtail lets anyone with the "publish" page permission publish a page directly, workflow or
not; the Editors hold that permission on the whole tree (they publish news and meetings), so
they could publish a depositary notice without the Moderators ever seeing it. Every page model
of the site mixes in ``ReviewedPublishing``: where a workflow applies (the notices' "Notice
review"), publishing — from the editor, a bulk action, a copy, a revert, a schedule — needs
membership of the groups of every group-approval task of that workflow (the Moderators), or a
superuser. Others can still submit the page for review.

A workflow assigned to the whole site (on the root page: Wagtail's default "Moderators
approval") stays what Wagtail makes it, an offer of review: whoever may publish still publishes
directly, so the Editors publish news and meetings themselves, as their role says. A workflow
assigned to a section (the notices' index) is mandatory for everything below it.
"""

from __future__ import annotations

from wagtail.models import GroupApprovalTask, Page, PagePermissionTester


def reviewer_groups(workflow) -> list[set[int]]:
    """Return, per group-approval task of ``workflow``, the ids of the groups that approve."""
    tasks = GroupApprovalTask.objects.filter(
        workflow_tasks__workflow=workflow, active=True).prefetch_related("groups")
    return [{group.pk for group in task.groups.all()} for task in tasks]


def mandatory_workflow(page):
    """Return the workflow ``page`` must go through (set on a section, not the root), or None."""
    holder = (Page.objects.ancestor_of(page, inclusive=True)
              .filter(workflowpage__isnull=False, workflowpage__workflow__active=True)
              .select_related("workflowpage__workflow").order_by("-depth").first())
    if holder is None or holder.depth <= 1:
        return None
    return holder.workflowpage.workflow


def may_publish_under_review(user, page) -> bool:
    """Return whether ``user`` may publish ``page`` (or a new page below it) directly."""
    if user.is_superuser:
        return True
    workflow = mandatory_workflow(page)
    if workflow is None:
        return True
    stages = reviewer_groups(workflow)
    if not stages:
        return False  # a workflow without approvers: only a superuser publishes around it
    mine = set(user.groups.values_list("pk", flat=True))
    return all(mine & groups for groups in stages)


class ReviewedPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, with publishing reserved to the reviewers where a workflow applies."""

    def can_publish(self):
        return super().can_publish() and may_publish_under_review(self.user, self.page)

    def can_publish_subpage(self):
        return (super().can_publish_subpage()
                and may_publish_under_review(self.user, self.page))


class ReviewedPublishing:
    """Mix into a page model: its pages are published only as ``ReviewedPagePermissionTester``
    allows."""

    def permissions_for_user(self, user):
        return ReviewedPagePermissionTester(user, self)
