"""Security headers that fit an Office add-in: CSP frame-ancestors for the Office hosts."""

from __future__ import annotations

from flask import Flask, Response

# Word on the web and the desktop hosts frame the task pane from these origins.
OFFICE_FRAME_ANCESTORS = (
    "'self' https://*.office.com https://*.officeapps.live.com https://*.microsoft.com "
    "https://*.sharepoint.com https://*.office365.com https://*.cloud.microsoft"
)


def init_app(app: Flask) -> None:
    @app.after_request
    def headers(response: Response) -> Response:
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; "
            "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            f"frame-ancestors {OFFICE_FRAME_ANCESTORS}",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if not app.testing and not app.debug:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
