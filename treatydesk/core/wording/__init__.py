"""What the site says, in English, French and Spanish: plain Python, no Django.

``notices`` writes the notices' sentences ("As the 83rd State to ratify …") with CLDR ordinals
and dates (Babel), the French and Spanish articles and contractions state names need, and the
rule for which notice a fact gets. Interface strings (labels, headings) are not here: they are
in the gettext catalogues of the Django apps.
"""
