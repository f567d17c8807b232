"""Content-Security-Policy and related headers: strict on public pages, looser under /admin/.

The public site uses only its own stylesheet, scripts and images, so its policy allows nothing
else. Wagtail's admin needs inline styles and scripts of its own; it gets a policy that still
forbids third-party origins and framing.
"""

PUBLIC_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
])

ADMIN_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    # Wagtail's preview renders the page in a same-origin frame.
    "frame-ancestors 'self'",
    "object-src 'none'",
])

# Uploaded files (photos, documents): nothing in them may run, even when opened directly.
# "sandbox" gives the file a unique origin with scripts, forms and plugins off.
UPLOADS_POLICY = "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'"

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    """Add the Content-Security-Policy and Permissions-Policy headers to every response."""

    admin_prefixes = ("/admin/",)
    upload_prefixes = ("/media/", "/documents/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.upload_prefixes):
            # Replaces Wagtail's own "default-src 'none'" on documents with the sandbox.
            response.headers["Content-Security-Policy"] = UPLOADS_POLICY
        # Wagtail renders a preview through the middleware with a dummy request whose path is
        # the public page's; the preview is shown in the admin's same-origin frame.
        admin = request.path.startswith(self.admin_prefixes) or getattr(request, "is_dummy", False)
        response.headers.setdefault(
            "Content-Security-Policy", ADMIN_POLICY if admin else PUBLIC_POLICY
        )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
