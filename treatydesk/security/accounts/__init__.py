"""Editors' accounts: the roles (groups with their permissions) and optional two-factor sign-in.

``roles`` defines the five roles and creates them (``treatydesk init``); ``twofactor`` holds the
rules of the second factor (a TOTP authenticator app, through django-otp); ``views`` and
``middleware`` are its pages in the admin and its enforcement.
"""
