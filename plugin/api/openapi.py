"""The OpenAPI 3.1 document, generated from the operations as declared (routing.OPERATIONS)."""

from __future__ import annotations

import re
from functools import cache

from pydantic.json_schema import models_json_schema

from .routing import OPERATIONS, Operation
from .schemas import Problem

PREFIX = "/api/v1"
PARAM = re.compile(r"<(?:([^:>]+):)?(\w+)>")  # a Werkzeug rule's <converter:name>
REASONS = {
    200: "OK",
    201: "Created",
    204: "No content",
    304: "Not modified",
    401: "Not signed in",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict with the current state",
    410: "Gone",
    422: "Invalid input",
    413: "Too large",
    415: "Unsupported media type",
    503: "Service unavailable",
}


IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "Retrying with the same key and request returns the first answer "
    "(Idempotent-Replayed: true) instead of writing again; the same key with another request "
    "is refused (422). Kept for 24 hours, per user.",
    "schema": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[!-~]+$"},
}


def openapi_path(rule: str) -> str:
    """/agreements/<int(max=9):agreement_id> -> /api/v1/agreements/{agreement_id}"""
    return PREFIX + PARAM.sub(lambda m: "{" + m.group(2) + "}", rule)


def _parameters(rule: str) -> list[dict]:
    return [
        {"name": name, "in": "path", "required": True, "schema": _param_schema(converter)}
        for converter, name in PARAM.findall(rule)
    ]


def _param_schema(converter: str) -> dict:
    """The JSON schema of a Werkzeug converter such as int(max=9) or string(maxlength=9)."""
    kind, _, args = converter.partition("(")
    limits = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", args)}
    if kind == "int":
        schema = {"type": "integer", "minimum": 0}
        return schema | ({"maximum": limits["max"]} if "max" in limits else {})
    schema = {"type": "string"}
    return schema | ({"maxLength": limits["maxlength"]} if "maxlength" in limits else {})


def _ref(model) -> dict:
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def _operation(op: Operation) -> dict:
    problem = {"application/problem+json": {"schema": _ref(Problem)}}
    responses = {}
    for status, model in sorted(op.responses.items()):
        entry = {"description": REASONS.get(status, "OK")}
        if op.download and status < 300:
            entry["content"] = {op.download: {"schema": {"type": "string", "format": "binary"}}}
        elif model is not None:
            entry["content"] = {"application/json": {"schema": _ref(model)}}
        elif status == 200:
            entry["content"] = {"application/json": {"schema": {"type": "object"}}}
        responses[str(status)] = entry
    for status in sorted(
        {*op.errors, *(() if op.public else (401,)), *((400, 413, 415, 422) if op.body else ())}
    ):
        responses[str(status)] = {
            "description": REASONS.get(status, "Bad request"),
            "content": problem,
        }
    if op.idempotent:
        responses.setdefault(
            "400", {"description": REASONS.get(400, "Bad request"), "content": problem}
        )
        responses.setdefault("422", {"description": REASONS[422], "content": problem})
    out = {"operationId": op.name, "summary": op.summary, "responses": responses}
    params = _parameters(op.path) + [{"in": "query", **q} for q in op.query]
    if op.idempotent:
        params.append(IDEMPOTENCY_KEY)
    if params:
        out["parameters"] = params
    if op.body is not None:
        out["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _ref(op.body)}},
        }
    if op.upload is not None:
        binary = {"schema": {"type": "string", "format": "binary"}}
        media = {op.upload: binary, "application/octet-stream": binary}
        out["requestBody"] = {"required": True, "content": media}
    if op.public:
        out["security"] = []
    return out


@cache
def document() -> dict:
    models = {Problem} | {m for op in OPERATIONS for m in (op.body, *op.responses.values()) if m}
    modes = [(m, "validation") for m in sorted(models, key=lambda m: m.__name__)]
    _, defs = models_json_schema(modes, ref_template="#/components/schemas/{model}")
    paths: dict[str, dict] = {}
    for op in OPERATIONS:
        paths.setdefault(openapi_path(op.path), {})[op.method.lower()] = _operation(op)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Partnership Agreements for Word", "version": "1"},
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {
            "schemas": defs.get("$defs", {}),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{"bearer": []}],
    }
