"""Validation of API answers against the vendored OParl 1.1.1 schemas (schemas/README.md)."""

import json
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMAS = Path(__file__).parent / "schemas"
TYPE_PREFIX = "https://schema.oparl.org/1.1/"

formats = FormatChecker()


@formats.checks("url")
def _is_absolute_url(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _with_refs(node):
    """OParl's `"schema": "File.json"` (an embedded object's schema) as a `$ref` to it."""
    if isinstance(node, dict):
        node = {key: _with_refs(value) for key, value in node.items()}
        if isinstance(node.get("schema"), str) and node["schema"].endswith(".json"):
            node["$ref"] = node["schema"]
        return node
    if isinstance(node, list):
        return [_with_refs(value) for value in node]
    return node


@cache
def _registry() -> tuple[Registry, dict]:
    schemas = {path.name: _with_refs(json.loads(path.read_text()))
               for path in SCHEMAS.glob("*.json")}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012))
        for name, schema in schemas.items())
    return registry, schemas


def errors(obj: dict) -> list[str]:
    """What is wrong with `obj` by the schema its `type` names (["unknown type …"] if none)."""
    registry, schemas = _registry()
    kind = str(obj.get("type", "")).removeprefix(TYPE_PREFIX)
    if f"{kind}.json" not in schemas:
        return [f"unknown type {obj.get('type')!r}"]
    validator = Draft202012Validator(schemas[f"{kind}.json"], registry=registry,
                                     format_checker=formats)
    return [f"{kind} {'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator.iter_errors(obj)]


def assert_valid(obj: dict) -> None:
    assert errors(obj) == []


def assert_valid_page(page: dict) -> None:
    """A list page: OParl's list shape, every item valid by its own schema."""
    assert set(page) >= {"data", "pagination", "links"}, page.keys()
    assert set(page["pagination"]) == {"totalElements", "elementsPerPage", "currentPage",
                                       "totalPages"}
    for obj in page["data"]:
        assert_valid(obj)
