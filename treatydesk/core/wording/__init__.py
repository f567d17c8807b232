"""What the site says, in English, French and Spanish: plain Python, no Django.

``subjects`` holds the rule for which notice an act gets; ``notices`` writes the notices'
sentences ("As the 83rd State to ratify …") from the words of each language in ``phrases``;
``grammar`` gives state names their French and Spanish articles, contractions and plural verbs;
``languages`` writes ordinals and dates by CLDR (Babel). Interface strings (labels, headings)
are not here: they are in the gettext catalogues of the Django apps.
"""

from .grammar import state_name
from .languages import LANGUAGES, language, long_date, ordinal
from .notices import notice_text, notice_texts, notice_title
from .subjects import SUBJECT_CONSENT, SUBJECT_WITHDRAWAL, SUBJECTS, subject_of

__all__ = [
    "LANGUAGES",
    "SUBJECTS",
    "SUBJECT_CONSENT",
    "SUBJECT_WITHDRAWAL",
    "language",
    "long_date",
    "notice_text",
    "notice_texts",
    "notice_title",
    "ordinal",
    "state_name",
    "subject_of",
]
