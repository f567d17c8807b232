"""The treaties the register stores, named from their definition files in the admin's language."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from treatydesk.records.facts.models import TreatyCode


def test_the_treaty_choices_are_named_as_their_definition_files_name_them():
    with translation.override("en"):
        assert dict(TreatyCode.choices) == {
            "CCM": "Convention on Cluster Munitions",
            "APMBC": "Anti-Personnel Mine Ban Convention",
            "ATT": "Arms Trade Treaty",
            "TPNW": "Treaty on the Prohibition of Nuclear Weapons",
        }
    with translation.override("fr"):
        assert dict(TreatyCode.choices)["CCM"] == "Convention sur les armes à sous-munitions"
        assert str(TreatyCode.APMBC.label) == (
            "Convention sur l’interdiction des mines antipersonnel")
    with translation.override("es"):
        assert dict(TreatyCode.choices)["ATT"] == "Tratado sobre el Comercio de Armas"


@pytest.mark.django_db
def test_the_models_need_no_new_migration():
    """The labels come from the definition files; the migrations' choices must still match."""
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
