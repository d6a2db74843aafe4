"""The comment-snippet endpoints: a mentor lists, creates, reads, updates and deletes their
own; another mentor gets 404, a learner 403; refusals are problem details; the list (and the
snippets page) costs the same queries however many snippets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from courses.models import Track
from mentors import services
from mentors.models import CommentSnippet
from mentors.tests.factories import add_snippets, client_for, make_mentor

pytestmark = pytest.mark.django_db

MakeClient = Callable[[User | None], APIClient]
LIST_URL = "/api/v1/mentor/snippets/"


def detail_url(snippet: CommentSnippet) -> str:
    return f"{LIST_URL}{snippet.pk}/"


@pytest.fixture
def snippet(mentor: User) -> CommentSnippet:
    return services.snippet_create(mentor=mentor, title="Naming", body="Name it well.")


def test_a_mentor_creates_lists_updates_and_deletes_their_snippets(
    mentor: User, api: MakeClient
) -> None:
    client = api(mentor)
    created = client.post(LIST_URL, {"title": "Tests", "body": "Test it."}, format="json")
    assert created.status_code == 201, created.content
    snippet_id = created.json()["id"]
    assert created.json()["use_count"] == 0
    listed = client.get(LIST_URL).json()
    assert [row["title"] for row in listed["results"]] == ["Tests"]
    url = f"{LIST_URL}{snippet_id}/"
    updated = client.put(url, {"title": "Tests", "body": "Test the edge."}, format="json")
    assert updated.status_code == 200 and updated.json()["body"] == "Test the edge."
    assert client.get(url).json()["body"] == "Test the edge."
    assert client.delete(url).status_code == 204
    assert not CommentSnippet.objects.exists()


def test_another_mentor_gets_404_and_a_learner_403_on_my_snippets(
    snippet: CommentSnippet, backend_track: Track, api: MakeClient, api_learner: APIClient
) -> None:
    other = api(make_mentor("alan@example.com", backend_track))
    assert other.get(detail_url(snippet)).status_code == 404
    replaced = other.put(detail_url(snippet), {"title": "Mine", "body": "now"}, format="json")
    assert replaced.status_code == 404
    assert other.delete(detail_url(snippet)).status_code == 404
    assert other.get(LIST_URL).json()["results"] == []
    assert api_learner.get(LIST_URL).status_code == 403
    assert api_learner.get(detail_url(snippet)).status_code == 403
    snippet.refresh_from_db()
    assert snippet.title == "Naming"


def test_a_taken_title_is_a_400_and_the_cap_a_409_problem(
    snippet: CommentSnippet, mentor: User, api: MakeClient, settings: Any
) -> None:
    client = api(mentor)
    taken = client.post(LIST_URL, {"title": "Naming", "body": "Again."}, format="json")
    assert taken.status_code == 400 and taken.json()["code"] == "snippet"
    settings.COMMENT_SNIPPETS_MAX = 1
    full = client.post(LIST_URL, {"title": "More", "body": "Text."}, format="json")
    assert full.status_code == 409
    assert full["Content-Type"] == "application/problem+json"
    assert full.json()["code"] == "snippet_limit"


@pytest.mark.parametrize("where", ["page", "api"])
def test_the_snippet_lists_cost_the_same_queries_however_many_snippets(
    where: str, mentor: User, api: MakeClient, django_assert_max_num_queries: Any
) -> None:
    """The mentor's snippets page and the API list."""
    if where == "page":
        client: Client | APIClient = client_for(mentor)
        url = reverse("mentors:snippets")
    else:
        client, url = api(mentor), LIST_URL
    add_snippets(mentor, 1)
    client.get(url)
    with django_assert_max_num_queries(8) as few:
        client.get(url)
    add_snippets(mentor, 25)
    with django_assert_max_num_queries(8) as many:
        client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)
