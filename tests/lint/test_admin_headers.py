"""Every admin page of ours that uses Wagtail's header has its title as the page's `h1`.

`wagtailadmin/shared/header.html` reads the whole context it is included in: a template that
sets, say, `{% translate "Outbox" as heading %}` and includes it `with title=heading` gets the
bare text where the `h1` should be (`heading` "replaces the header h1 completely"), which
axe-core reports as "Page should contain a level-one heading". So no template may set a
variable the header reads unless it passes that variable to the header itself.
"""

import re
from pathlib import Path

from tests.paths import PACKAGE

HEADER = "wagtailadmin/shared/header.html"
INCLUDE = re.compile(r"{%\s*include\s+[\"']" + re.escape(HEADER) + r"[\"'](?P<with>[^%]*)%}")
SET = re.compile(r"{%[^%]*\bas\s+(?P<name>\w+)\s*%}")


def header_variables() -> set[str]:
    """The variables Wagtail's header reads, from the list at the top of its template."""
    import wagtail

    text = (Path(wagtail.__file__).parent / "admin" / "templates" / HEADER).read_text()
    return set(re.findall(r"^\s*- `(\w+)`", text, flags=re.MULTILINE))


def misread(text: str, variables: set[str]) -> set[str]:
    includes = list(INCLUDE.finditer(text))
    if not includes:
        return set()
    passed = {name for match in includes
              for name in re.findall(r"(\w+)=", match.group("with"))}
    return {match.group("name") for match in SET.finditer(text)} & variables - passed


def test_no_admin_template_sets_a_variable_the_header_reads_as_something_else():
    variables = header_variables()
    assert {"title", "heading", "subtitle"} <= variables
    found = {str(path.relative_to(PACKAGE)): sorted(names)
             for path in PACKAGE.rglob("*.html")
             if (names := misread(path.read_text(encoding="utf-8"), variables))}
    assert found == {}


def test_the_check_sees_a_heading_that_replaces_the_h1():
    variables = header_variables()
    bad = ('{% translate "Outbox" as heading %}\n'
           '{% include "wagtailadmin/shared/header.html" with title=heading icon="mail" %}')
    assert misread(bad, variables) == {"heading"}
    assert misread(bad.replace("as heading", "as page_title")
                   .replace("title=heading", "title=page_title"), variables) == set()
