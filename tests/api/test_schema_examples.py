"""The OpenAPI examples show shapes the services accept: a client written from the examples
must not be refused (rubric criteria and scores come from the track's real rubric)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from courses.models import Track

pytestmark = pytest.mark.django_db


def operation(schema: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for methods in schema["paths"].values():
        for op in methods.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return op
    raise AssertionError(f"no operation {operation_id}")


@pytest.fixture
def schema(api_learner: Any) -> dict[str, Any]:
    response = api_learner.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    body: dict[str, Any] = json.loads(response.content)
    return body


def test_the_decide_example_scores_every_criterion_of_the_tracks_rubric(schema):
    op = operation(schema, "rounds_decide")
    example = op["requestBody"]["content"]["application/json"]["examples"]["Approve"]["value"]
    rubric = Track.objects.get(slug="backend-web").rubric
    maxima = {item["slug"]: item["max_score"] for item in rubric}
    assert set(example["scores"]) == set(maxima)
    assert all(0 <= score <= maxima[slug] for slug, score in example["scores"].items())


def test_the_track_example_rubric_has_the_stored_rubrics_keys(schema):
    op = next(
        op
        for path, methods in schema["paths"].items()
        if path.startswith("/api/v1/tracks/{")
        for op in methods.values()
        if isinstance(op, dict) and "rubric" in str(op.get("responses", {}))
    )
    example = next(iter(op["responses"]["200"]["content"]["application/json"]["examples"].values()))
    stored = Track.objects.get(slug="backend-web").rubric
    assert [set(item) for item in example["value"]["rubric"]] == [set(stored[0])]
