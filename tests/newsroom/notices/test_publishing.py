"""A draft register fact is reviewed with its notices on one page and published with them."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.newsroom.notices.test_drafting import notices_by_language
from tests.newsroom_fixtures import ccm_before_iraq, site  # noqa: F401
from treatydesk.mail.mailings.models import Mailing
from treatydesk.mail.subscribers.models import Subscriber, SubscriberStatus
from treatydesk.newsroom.notices.models import NoticePage
from treatydesk.records.facts.actions import DeleteFact, RecordFact
from treatydesk.records.facts.loading import clear_cache, current_register
from treatydesk.records.facts.models import Fact, FactStatus
from treatydesk.records.log.models import LogEntry
from treatydesk.security.accounts.roles import ensure_roles
from treatydesk.setup.newsroom import ensure_notice_workflow

pytestmark = pytest.mark.django_db

RATIFIED = dt.date(2013, 5, 14)
ADD = "wagtailsnippets_registry_fact:add"


@pytest.fixture
def register(ccm_before_iraq):  # noqa: F811
    clear_cache()
    ensure_roles()
    ensure_notice_workflow()
    yield
    clear_cache()


def member_of(*groups, name="user"):
    user = get_user_model().objects.create_user(name, f"{name}@example.org", "pw-long-enough-1")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def draft_iraq() -> Fact:
    fact = Fact(treaty="CCM", state="IRQ", state_name="Iraq", kind="ratification",
                date=RATIFIED, status=FactStatus.DRAFT)
    return RecordFact(fact, actor="keeper").execute()


def review(fact) -> str:
    return reverse("notices_review_fact", args=[fact.pk])


def test_a_draft_has_its_notices_drafted_as_it_will_be(register):
    fact = draft_iraq()
    notices = notices_by_language(fact)
    assert set(notices) == {"en", "fr", "es"}
    assert notices["en"].text == (
        "As the 83rd State to ratify the Convention on Cluster Munitions, Iraq will become a "
        "State Party on 1 November 2013.")
    assert not any(page.live for page in notices.values())
    assert current_register("CCM").participant("IRQ").instrument is None


def test_saving_a_draft_opens_its_review_page_with_its_notices(client, register):
    client.force_login(get_user_model().objects.create_superuser("keeper", "k@example.org",
                                                                 "pw-keeper-123"))
    response = client.post(reverse(ADD), {
        "treaty": "CCM", "state": "IRQ", "kind": "ratification", "date": "2013-05-14",
        "state_name": "", "sequence": "", "cn_reference": "", "source": "UNTC", "note": "",
        "draft": "on"}, follow=True)
    fact = Fact.including_drafts.get(treaty="CCM", state="IRQ", kind="ratification")
    assert response.redirect_chain[-1][0] == review(fact)
    html = response.content.decode()
    notices = notices_by_language(fact)
    for page in notices.values():  # every language's wording, and the message links each
        assert page.text in html
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert "3 notices are drafted from it" in html
    assert "Publish fact and notices" in html


def test_a_moderator_publishes_the_fact_and_its_notices_together(client, register):
    fact = draft_iraq()
    entries = LogEntry.objects.count()
    client.force_login(member_of("Moderators"))
    response = client.post(review(fact), follow=True)
    assert response.status_code == 200
    assert Fact.objects.get(pk=fact.pk).status == FactStatus.PUBLISHED
    assert LogEntry.objects.filter(fact_id=fact.pk, change="recorded").count() == 1
    assert LogEntry.objects.count() == entries + 1
    notices = {code: NoticePage.objects.get(pk=page.pk)
               for code, page in notices_by_language(fact).items()}
    assert all(page.live and not page.needs_review for page in notices.values())
    html = response.content.decode()
    assert "Its 3 notices are published." in html
    for page in notices.values():  # the confirmation links each published notice
        assert f'href="{page.url}"' in html
    feed = client.get("/en/notices/feed.atom").content.decode()
    assert notices["en"].title in feed
    assert not Mailing.objects.exists()


def test_publishing_can_mail_the_notices(client, register):
    Subscriber.objects.create(email="r@university.example", language="en", notices=True,
                              status=SubscriberStatus.ACTIVE)
    fact = draft_iraq()
    client.force_login(member_of("Moderators"))
    client.post(review(fact), {"mail": "on"})
    mailings = {mailing.language: mailing for mailing in Mailing.objects.all()}
    assert mailings["en"].page_id == notices_by_language(fact)["en"].pk
    assert set(mailings) == {"en", "fr", "es"}  # each notice to its language's subscribers
    assert [d.address for m in mailings.values() for d in m.deliveries.all()] == [
        "r@university.example"]


@pytest.mark.parametrize("groups", [("Register keepers",), ("Editors",),
                                    ("Register keepers", "Editors")])
def test_only_those_who_may_publish_notices_publish_the_fact_with_them(client, register,
                                                                       groups):
    fact = draft_iraq()
    client.force_login(member_of(*groups))
    page = client.get(review(fact))
    if "Register keepers" in groups:
        assert "Only the Moderators publish notices" in page.content.decode()
        assert "Publish fact and notices" not in page.content.decode()
    else:
        assert page.status_code in (302, 403)  # not even a reader of the register
    assert client.post(review(fact)).status_code in (302, 403)
    assert Fact.including_drafts.get(pk=fact.pk).is_draft
    assert not any(NoticePage.objects.get(pk=p.pk).live
                   for p in notices_by_language(fact).values())


def test_a_register_keeper_publishes_a_draft_without_notices(client, register):
    # A signature has no notice: the register keeper, who publishes no notice, publishes it.
    fact = RecordFact(Fact(treaty="CCM", state="BRA", state_name="Brazil", kind="signature",
                           date=dt.date(2009, 1, 15), status=FactStatus.DRAFT),
                      actor="keeper").execute()
    assert not notices_by_language(fact)
    client.force_login(member_of("Register keepers"))
    assert "Publish fact" in client.get(review(fact)).content.decode()
    client.post(review(fact))
    assert Fact.objects.get(pk=fact.pk).status == FactStatus.PUBLISHED
    assert current_register("CCM").participant("BRA") is not None


def test_a_refused_fact_publishes_nothing(client, register):
    fact = draft_iraq()
    # Meanwhile Iraq's signature is deleted: the ratification would break the CCM's rules.
    DeleteFact(Fact.objects.get(treaty="CCM", state="IRQ", kind="signature"),
               actor="keeper").execute()
    client.force_login(member_of("Moderators"))
    response = client.post(review(fact), follow=True)
    assert "signature" in response.content.decode().lower()
    assert Fact.including_drafts.get(pk=fact.pk).is_draft
    assert not any(NoticePage.objects.get(pk=p.pk).live
                   for p in notices_by_language(fact).values())


def test_the_fact_and_its_notices_are_published_all_or_nothing(client, register, monkeypatch):
    from wagtail.models import Revision

    fact = draft_iraq()
    publish, calls = Revision.publish, []

    def failing_second(revision, *args, **kwargs):
        calls.append(revision)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return publish(revision, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", failing_second)
    client.raise_request_exception = False
    client.force_login(member_of("Moderators"))
    assert client.post(review(fact)).status_code == 500
    assert len(calls) == 2
    assert Fact.including_drafts.get(pk=fact.pk).is_draft
    assert not any(NoticePage.objects.get(pk=p.pk).live
                   for p in notices_by_language(fact).values())
    assert not LogEntry.objects.filter(fact_id=fact.pk).exists()


def test_the_dashboard_lists_the_drafts_to_publish(client, register):
    fact = draft_iraq()
    client.force_login(member_of("Moderators"))
    dashboard = client.get("/admin/").content.decode()
    assert "Draft register facts to publish with their notices" in dashboard
    assert f'href="{review(fact)}"' in dashboard
    client.post(review(fact))
    assert f'href="{review(fact)}"' not in client.get("/admin/").content.decode()


def test_a_draft_facts_notice_is_not_published_alone(register):
    from treatydesk.newsroom.notices.models import NoticeFactDeleted

    fact = draft_iraq()
    english = notices_by_language(fact)["en"]
    moderator = member_of("Moderators")
    assert not english.permissions_for_user(moderator).can_publish()
    assert not english.permissions_for_user(moderator).can_submit_for_moderation()
    with pytest.raises(NoticeFactDeleted):
        english.get_latest_revision().publish(skip_permission_checks=True)
    assert not NoticePage.objects.get(pk=english.pk).live
