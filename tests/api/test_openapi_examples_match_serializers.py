"""Every OpenAPI example of the API is true: a response example has exactly the fields (and
types) of its operation's response schema, which drf-spectacular builds from the output
serializer; a request example passes the view's own `InputSerializer`. The courses
endpoints must also have examples for every success response and request body."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema  # type: ignore[import-untyped]  # no stubs installed
import pytest
from django.urls import resolve
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer

pytestmark = pytest.mark.django_db

COURSES_PATHS = (
    "/api/v1/programme/",
    "/api/v1/phases/",
    "/api/v1/tracks/",
    "/api/v1/lessons/",
    "/api/v1/exercises/",
    "/api/v1/enrollments/",
    "/api/v1/progress/",
)


@pytest.fixture(scope="module")
def openapi() -> dict[str, Any]:
    schema = SchemaGenerator().get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    document: dict[str, Any] = json.loads(OpenApiJsonRenderer().render(schema))
    return document


def strict(node: Any, components: dict[str, Any]) -> Any:
    """An OpenAPI 3.0 schema as a JSON Schema that allows no field the serializer lacks
    and misses none it has (output serializers write every field)."""
    if isinstance(node, list):
        return [strict(item, components) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return strict(components[node["$ref"].rsplit("/", 1)[-1]], components)
    converted = {
        key: strict(value, components)
        for key, value in node.items()
        if key not in ("nullable", "readOnly", "writeOnly", "example")
    }
    if "properties" in node:
        converted["properties"] = {
            name: strict(value, components) for name, value in node["properties"].items()
        }
        converted["required"] = sorted(node["properties"])
        converted.setdefault("additionalProperties", False)
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def courses_operations(openapi: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, methods in openapi["paths"].items()
        if path.startswith(COURSES_PATHS)
        for method, operation in methods.items()
    ]


def test_every_courses_response_example_has_exactly_its_serializers_fields(openapi):
    components = openapi["components"]["schemas"]
    checked = []
    for path, method, operation in courses_operations(openapi):
        for code, response in operation["responses"].items():
            content = response.get("content", {}).get("application/json")
            if content is None:
                continue  # problem responses (config.api.schema), or no body
            assert content.get("examples"), f"{method} {path} {code} has no example"
            validator = jsonschema.Draft202012Validator(strict(content["schema"], components))
            for name, example in content["examples"].items():
                errors = [error.message for error in validator.iter_errors(example["value"])]
                assert not errors, f"{method} {path} {code} example {name!r}: {errors}"
                checked.append((path, method, name))
    assert len(checked) >= 15  # one per documented success response


def test_every_courses_request_example_passes_the_views_input_serializer(openapi):
    checked = []
    for path, method, operation in courses_operations(openapi):
        content = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if content is None:
            continue
        view = resolve(re.sub(r"\{[^}]+\}", "1", path)).func.view_class  # type: ignore[attr-defined]
        serializer_class = view.InputSerializer
        documented = content["schema"]["$ref"].rsplit("/", 1)[-1]
        # COMPONENT_SPLIT_REQUEST names the request side "<ref_name>Request".
        assert documented == f"{serializer_class.Meta.ref_name}Request", f"{method} {path}"
        assert content.get("examples"), f"{method} {path} has no request example"
        for name, example in content["examples"].items():
            serializer = serializer_class(data=example["value"])
            assert serializer.is_valid(), f"{method} {path} example {name!r}: {serializer.errors}"
            checked.append((path, method, name))
    assert {path for path, _, _ in checked} == {
        "/api/v1/enrollments/",
        "/api/v1/enrollments/switch/",
    }


def test_a_wrong_example_is_caught(openapi):
    """The check itself: an extra field, a missing one and a wrong type all fail."""
    components = openapi["components"]["schemas"]
    content = openapi["paths"]["/api/v1/tracks/{slug}/"]["get"]["responses"]["200"]["content"]
    schema = strict(content["application/json"]["schema"], components)
    value = next(iter(content["application/json"]["examples"].values()))["value"]
    assert jsonschema.Draft202012Validator(schema).is_valid(value)
    for wrong in (
        {**value, "extra": 1},
        {k: v for k, v in value.items() if k != "letter"},
        {**value, "capstone_days": "21"},
    ):
        assert not jsonschema.Draft202012Validator(schema).is_valid(wrong)


def api_operations(openapi: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, methods in openapi["paths"].items()
        for method, operation in methods.items()
    ]


def test_every_response_example_of_the_whole_api_has_exactly_its_serializers_fields(openapi):
    """The same check for every app's endpoints (mentors, submissions, notifications,
    accounts): where an example is given, it is true."""
    components = openapi["components"]["schemas"]
    checked = set()
    for path, method, operation in api_operations(openapi):
        for code, response in operation["responses"].items():
            content = response.get("content", {}).get("application/json")
            if content is None or not content.get("examples"):
                continue
            validator = jsonschema.Draft202012Validator(strict(content["schema"], components))
            for name, example in content["examples"].items():
                errors = [error.message for error in validator.iter_errors(example["value"])]
                assert not errors, f"{method} {path} {code} example {name!r}: {errors}"
                checked.add(path)
    assert any(not path.startswith(COURSES_PATHS) for path in checked)  # other apps too


def test_every_request_example_of_the_whole_api_passes_its_input_serializer(openapi):
    checked = set()
    for path, method, operation in api_operations(openapi):
        content = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if content is None or not content.get("examples"):
            continue
        view = resolve(re.sub(r"\{[^}]+\}", "1", path)).func.view_class  # type: ignore[attr-defined]
        serializer_class = getattr(view, "InputSerializer", None)
        assert serializer_class is not None, f"{method} {path}: no InputSerializer"
        for name, example in content["examples"].items():
            serializer = serializer_class(data=example["value"])
            assert serializer.is_valid(), f"{method} {path} example {name!r}: {serializer.errors}"
            checked.add(path)
    assert any(not path.startswith(COURSES_PATHS) for path in checked)  # other apps too
