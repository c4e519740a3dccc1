"""Public endpoints: the guidance catalogue and the OpenAPI document."""

from __future__ import annotations

import functools
import hashlib
import json

from flask import Response, request

from plugin.catalogue import default_catalogue

from . import bp
from . import schemas as s
from .openapi import document
from .routing import operation
from .state_reads import json_answer


@operation(
    bp,
    "/catalogue",
    "GET",
    summary="The guidance: kinds, levels, sections, checklists",
    responses={200: s.CatalogueOut},
    public=True,
)
def catalogue():
    body, tag = _catalogue_body()
    if request.if_none_match.contains_weak(tag):
        response = Response(status=304)
    else:
        response = json_answer(body, tag)
    response.set_etag(tag, weak=True)
    # The same for everyone and fixed for the process's life: caches may keep it, and check.
    response.headers["Cache-Control"] = "public, no-cache"
    return response


@functools.cache
def _catalogue_body() -> tuple[bytes, str]:
    """The catalogue as JSON, built once per process, and its ETag (compressed once too, kept
    under that ETag like a state body)."""
    body = json.dumps(default_catalogue().as_json(), separators=(",", ":")).encode()
    return body, "catalogue-" + hashlib.sha256(body).hexdigest()[:20]


@operation(bp, "/openapi.json", "GET", summary="This document", responses={200: None}, public=True)
def openapi():
    return document()
