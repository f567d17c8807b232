import pytest

from tests.newsroom_fixtures import load_newsroom


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Create the site and the default news and meetings once for the test session.

    Making them takes seconds (each page is indexed and published); every test then runs in
    its own transaction over this content, which is rolled back after it.
    """
    with django_db_blocker.unblock():
        load_newsroom()


@pytest.fixture
def newsroom(db):
    """The site with its sections and the default news and meetings (no register)."""


@pytest.fixture
def editor(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("editor", "editor@example.org",
                                                     "correct horse battery")
