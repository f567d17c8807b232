"""News of the Convention as Wagtail pages, with feeds per language and category."""
