"""The secretariat's roles, as Wagtail groups with their permissions.

A role is data: the model permissions it holds, the page permissions it holds on the whole
page tree (every language) and the image and document permissions it holds on the root
collection. ``ensure_roles`` creates the groups and adds what is missing; it never removes a
permission an administrator granted by hand, so ``treatydesk init`` is safe to run again.
"""

from __future__ import annotations

import dataclasses

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

ACCESS = "wagtailadmin.access_admin"
PAGE_EDIT = ("add_page", "change_page", "lock_page")
PAGE_PUBLISH = (*PAGE_EDIT, "publish_page")
PAGE_MODERATE = (*PAGE_PUBLISH, "unlock_page", "bulk_delete_page")
CHOOSE = ("wagtailimages.choose_image", "wagtaildocs.choose_document")
UPLOAD = (*CHOOSE, "wagtailimages.add_image", "wagtailimages.change_image",
          "wagtaildocs.add_document", "wagtaildocs.change_document")
CURATE = (*UPLOAD, "wagtailimages.delete_image", "wagtaildocs.delete_document")


def crud(app_label: str, *models: str, actions=("add", "change", "delete", "view")) -> tuple:
    """Return "app.action_model" for every model and action."""
    return tuple(f"{app_label}.{action}_{model}" for model in models for action in actions)


# Publishing a draft fact with notices also needs the right to publish the notices (the
# Moderators'): treatydesk/newsroom/notices/publishing.py.
PUBLISH_FACTS = ("registry.view_fact", "registry.publish_fact")
REGISTER = (
    *crud("registry", "fact"),
    "registry.publish_fact",
    "registry.view_auditentry",
    *crud("obligations", "report", "notapplicabledeclaration", "completiondeclaration",
          "extensionrequest", "extensiondecision", "hostilitiesended"),
)


@dataclasses.dataclass(frozen=True)
class Role:
    group: str
    summary: str
    permissions: tuple[str, ...] = ()
    page_permissions: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = ()


ROLES = (
    Role("Editors",
         _("Write and publish news, meetings and pages; upload photos and documents; submit "
           "notices for review; copy a page into the other languages to be translated."),
         (ACCESS, "simple_translation.submit_translation"), PAGE_PUBLISH, UPLOAD),
    Role("Moderators",
         _("Review notices against the register and publish them, with the draft register "
           "fact they announce; publish, unlock and delete any page; remove photos and "
           "documents."),
         (ACCESS, *PUBLISH_FACTS), PAGE_MODERATE, CURATE),
    Role("Register keepers",
         _("Record, correct and import the register's facts and the States' reports and "
           "declarations; read the register's audit log."),
         (ACCESS, *REGISTER)),
    Role("Translators",
         _("Translate pages into French and Spanish and keep translations up to date; editors "
           "or moderators publish them."),
         (ACCESS, "simple_translation.submit_translation"), PAGE_EDIT, CHOOSE),
    Role("Administrators",
         _("Manage accounts and roles, reset a lost authenticator, and manage sites, languages, "
           "collections, redirects and workflows; everything the other roles do."),
         (ACCESS, "simple_translation.submit_translation", *REGISTER,
          *crud("auth", "user", "group"),
          *crud("wagtailcore", "site", "locale", "collection", "workflow", "task"),
          *crud("wagtailredirects", "redirect"),
          "otp_totp.view_totpdevice", "otp_totp.delete_totpdevice"),
         PAGE_MODERATE, CURATE),
)


class UnknownPermission(LookupError):
    """A role names a permission no installed app defines."""


def _permission(label: str):
    app_label, codename = label.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        raise UnknownPermission(f"no permission {label!r}") from None


def ensure_role(role: Role):
    """Create ``role``'s group if needed and give it every permission of the role."""
    group, _created = Group.objects.get_or_create(name=role.group)
    group.permissions.add(*(_permission(label) for label in role.permissions))
    root = Page.get_first_root_node()
    if root is not None:
        for codename in role.page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_permission(f"wagtailcore.{codename}"))
    collection = Collection.get_first_root_node()
    if collection is not None:
        for label in role.collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_permission(label))
    return group


def ensure_roles(out=None) -> list:
    """Create the five roles' groups with their permissions (safe to run again)."""
    with transaction.atomic():
        groups = [ensure_role(role) for role in ROLES]
    if out is not None:
        out.write("Roles: " + ", ".join(role.group for role in ROLES) + ".\n")
    return groups
