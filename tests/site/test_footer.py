"""The footer, rendered once per language and kept: each language gets its own words and links."""

import re

import pytest

pytestmark = pytest.mark.django_db

FOOTER = re.compile(r'<footer class="site-footer">.*?</footer>', re.S)


def test_each_language_has_its_own_footer_whichever_was_rendered_first(client, fresh_site):
    footers = {}
    for lang in ["en", "fr", "es", "en", "fr"]:
        page = client.get(f"/{lang}/states-parties/").content.decode()
        footer = FOOTER.search(page).group(0)
        assert footers.setdefault(lang, footer) == footer  # the same each time
    assert "Subscribe by e-mail" in footers["en"]
    assert "S’abonner par courriel" in footers["fr"]
    assert "/en/" not in footers["fr"] and "/fr/" not in footers["es"]
