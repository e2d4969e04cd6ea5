"""The OpenAPI document as a readable page (`/api/v1/docs`): rendered on the server from
webapp/openapi.json with the site's own stylesheet, no scripts and nothing from a CDN."""

from __future__ import annotations

import json
from typing import Any

METHODS = ("get", "post", "put", "patch", "delete")


def type_of(schema: dict[str, Any]) -> str:
    """A short human form of a JSON schema: "string", "one of low | medium", "list of Evidence"."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "enum" in schema:
        return "one of " + " | ".join("null" if v is None else str(v) for v in schema["enum"])
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return " or ".join(type_of(s) for s in schema[key])
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        kind = " or ".join(kind)
    if kind == "array" and "items" in schema:
        return f"list of {type_of(schema['items'])}"
    return str(kind)


def fields(schema: dict[str, Any]) -> list[dict[str, str]]:
    """Rows of an object schema: name, type, required, description (with an example when given)."""
    required = set(schema.get("required", []))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        note = prop.get("description", "")
        if "example" in prop:
            note = f"{note} Example: {json.dumps(prop['example'], ensure_ascii=False)}".strip()
        rows.append({"name": name, "type": type_of(prop), "required": name in required, "note": note})
    return rows


def operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Each path and method with its request body type and its responses."""
    out = []
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if not op:
                continue
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            examples = [
                json.dumps(e.get("value"), ensure_ascii=False, indent=2) for e in body.get("examples", {}).values()
            ]
            responses = []
            for status, resp in op.get("responses", {}).items():
                content = resp.get("content", {})
                media = next(iter(content), "")
                schema = content.get(media, {}).get("schema", {})
                responses.append(
                    {"status": status, "description": resp.get("description", ""), "media": media,
                     "type": type_of(schema) if schema else ""}
                )
            out.append(
                {"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                 "description": op.get("description", ""), "body": type_of(body["schema"]) if body else "",
                 "examples": examples, "responses": responses}
            )
    return out


def view(document: dict[str, Any]) -> dict[str, Any]:
    schemas = document.get("components", {}).get("schemas", {})
    return {
        "info": document.get("info", {}),
        "operations": operations(document),
        "schemas": [{"name": n, "description": s.get("description", ""), "type": type_of(s), "fields": fields(s)}
                    for n, s in schemas.items()],
    }
