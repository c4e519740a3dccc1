"""Public endpoints: the guidance catalogue and the OpenAPI document."""

from __future__ import annotations

from plugin.catalogue import default_catalogue

from . import bp
from . import schemas as s
from .openapi import document
from .routing import operation


@operation(
    bp,
    "/catalogue",
    "GET",
    summary="The guidance: kinds, levels, sections, checklists",
    responses={200: s.CatalogueOut},
    public=True,
)
def catalogue():
    return default_catalogue().as_json()


@operation(bp, "/openapi.json", "GET", summary="This document", responses={200: None}, public=True)
def openapi():
    return document()
