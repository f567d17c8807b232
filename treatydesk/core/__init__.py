"""The core: plain Python, no Django, Wagtail or settings (the lint step enforces it).

``register`` computes the register from deposited facts (ordinals, entry into force, status on
any date); ``obligations`` the deadlines that follow from it; ``wording`` writes what the site
says about them in English, French and Spanish; ``mailtrust`` signs and verifies mail;
``treaties`` holds each treaty's definition and shipped register; ``clock`` is the one "today".
"""
