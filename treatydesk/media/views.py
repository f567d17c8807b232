"""Serve image renditions from ``MEDIA_ROOT/images/`` when no web server does it in front.

Renditions are written once and never change under the same name, so they are cached for a
year. Original uploads and documents are not served from here: documents go through Wagtail's
``/documents/`` view, which applies the library's privacy settings.
"""

from django.conf import settings
from django.views.decorators.http import require_GET
from django.views.static import serve


@require_GET
def rendition(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT / "images")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
