"""Photos and documents: Wagtail's image and document models with our fields, and the checks
an upload passes before it is kept.

``models`` holds the image (alt text, caption, credit) and document (UN symbol, language)
models; ``images`` decodes and re-encodes photos, ``pdf`` says which PDF features are refused,
``forms`` puts both in Wagtail's upload forms, ``renditions`` makes the sizes the templates use
at upload time, ``receivers`` re-encodes any new image a form did not.
"""
