"""Obligations: every State Party's deadlines, the facts that meet them, pages, feeds, reminders.

The rules and the computation live in ``treatydesk.core.obligations`` (plain Python); this
app stores the facts, checks them with the core before saving, and serves the results.
"""
