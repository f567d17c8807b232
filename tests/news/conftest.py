import pytest

from tests.newsroom_fixtures import committed_newsroom


@pytest.fixture(scope="package")
def newsroom_content(django_db_setup, django_db_blocker, tmp_path_factory):
    with committed_newsroom(django_db_blocker, tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture
def newsroom(newsroom_content, db):
    """The site with its sections and the default news and meetings (no register)."""


@pytest.fixture
def editor(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("editor", "editor@example.org",
                                                     "correct horse battery")
