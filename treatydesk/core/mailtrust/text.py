"""Plain-words messages that the Django layer translates before showing them.

The core has no Django import, so it cannot call gettext itself. Each message keeps
its English template (marked with ``gettext_noop`` so that ``makemessages`` collects
it) apart from its parameters: the site translates the template first, then fills in
the domain or selector, as Django's own messages do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


def gettext_noop(message: str) -> str:
    """Mark a string for translation without translating it."""
    return message


@dataclass(frozen=True)
class Explanation:
    """A sentence for readers, with a stable code for programs and tests."""

    code: str
    template: str
    params: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __hash__(self) -> int:
        return hash((self.code, self.template, tuple(sorted(self.params.items()))))

    def __str__(self) -> str:
        return self.render()

    def render(self, gettext: Callable[[str], str] = gettext_noop) -> str:
        """Return the sentence, translated by ``gettext`` when one is given."""
        template = gettext(self.template)
        return template % dict(self.params) if self.params else template
