"""The request body as bytes, read once, within the size limit even without a Content-Length."""

from __future__ import annotations

from flask import current_app, g, request
from werkzeug.exceptions import RequestEntityTooLarge


def body_bytes() -> bytes:
    """The request body, read once. Raises RequestEntityTooLarge (413) past the request's limit
    (MAX_CONTENT_LENGTH, or an upload's own), also for a chunked body, which has no
    Content-Length to refuse it by in advance."""
    if "body" not in g:
        if request.content_length is not None:
            g.body = request.get_data()  # Werkzeug refuses a Content-Length over the limit
        elif request.environ.get("wsgi.input_terminated"):  # chunked: count while reading
            stream = request.environ["wsgi.input"]
            limit = request.max_content_length or current_app.config["MAX_CONTENT_LENGTH"]
            chunks, size = [], 0
            while chunk := stream.read(64 * 1024):
                size += len(chunk)
                if size > limit:
                    raise RequestEntityTooLarge()
                chunks.append(chunk)
            g.body = b"".join(chunks)
        else:
            g.body = b""
    return g.body
