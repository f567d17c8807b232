"""``treatydesk init``: bring a database to a working site, in one place. Safe to run again.

``site`` runs the steps in order (migrate, locales, home pages, registers, newsroom, security
notice, roles, administrator); ``newsroom`` and ``security_notice`` create their sections and
default content from the data files under ``content/``.
"""
