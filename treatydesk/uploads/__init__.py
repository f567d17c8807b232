"""What an upload must be before it is kept and how it is served: one module per concern.

``images`` decodes and re-encodes photos, ``pdf`` says which PDF features are refused,
``forms`` puts both in Wagtail's upload forms, ``renditions`` makes the sizes the templates use
at upload time. The media app (``treatydesk/media``) owns the models; it calls these.
"""
