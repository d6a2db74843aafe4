"""Every route under /api/v1/ has an authorization case here, or this test fails.

For each route: anonymous requests are refused with 401 (only the explicit public allow-list
answers 200), and an outsider (another learner) who substitutes the learner's real object
ids into the URL gets 404/403, or, for "my …" collections, never sees the learner's data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

PREFIX = "api/v1/"
WRITE_METHODS = ("post", "put", "patch", "delete")


@dataclass
class Ctx:
    """The learner's real objects an outsider tries to reach, and markers of their data."""

    learner: Any
    submission: Any
    lesson: Any
    exercise: Any
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def markers(self) -> list[str]:
        markers = [self.learner.email, f'"id":{self.submission.pk},']
        if "notification" in self.extra:
            markers.append(self.extra["notification"].title)
        return markers


@dataclass(frozen=True)
class Case:
    public: bool = False  # anonymous GET answers 200 (everything else is 401)
    # URL kwargs pointing at the learner's objects: the outsider must get 403/404.
    kwargs: Callable[[Ctx], dict[str, Any]] | None = None
    # No kwargs: a "mine" endpoint; the outsider's GET must not contain the learner's markers.
    scoped_to_self: bool = False
    # Reserved for staff/mentors: a plain learner gets 403/404.
    role_only: bool = False


CASES: dict[str, Case] = {
    # Public: schema, docs and the catalog.
    "api-schema": Case(public=True),
    "api-docs": Case(public=True),
    "programme": Case(public=True),
    "phase-list": Case(public=True),
    "phase-detail": Case(public=True, kwargs=lambda c: {"number": 1}),
    "track-list": Case(public=True),
    "track-detail": Case(public=True, kwargs=lambda c: {"slug": "backend-web"}),
    # The learner's own data.
    "me": Case(scoped_to_self=True),
    "lesson-list": Case(scoped_to_self=True),
    "lesson-detail": Case(kwargs=lambda c: {"slug": c.lesson.slug}),
    "lesson-completion": Case(kwargs=lambda c: {"slug": c.lesson.slug}),
    "exercise-list": Case(scoped_to_self=True),
    "exercise-detail": Case(kwargs=lambda c: {"slug": c.exercise.slug}),
    "enrollment-list": Case(scoped_to_self=True),
    "enrollment-current": Case(scoped_to_self=True),
    "enrollment-switch": Case(scoped_to_self=True),
    "progress": Case(scoped_to_self=True),
    "submission-list": Case(scoped_to_self=True),
    "submission-detail": Case(kwargs=lambda c: {"submission_id": c.submission.pk}),
    "notification-list": Case(scoped_to_self=True),
    "notification-unread-count": Case(scoped_to_self=True),
    "notification-read-all": Case(scoped_to_self=True),
    "notification-read": Case(kwargs=lambda c: {"notification_id": c.extra["notification"].pk}),
    "notification-preferences": Case(scoped_to_self=True),
    "streak": Case(scoped_to_self=True),
    "heatmap": Case(scoped_to_self=True),
    # Capstone and mentoring.
    "capstone": Case(scoped_to_self=True),
    "capstone-start": Case(scoped_to_self=True),
    "capstone-upload": Case(scoped_to_self=True),
    "capstone-rounds": Case(scoped_to_self=True),
    "round-detail": Case(kwargs=lambda c: {"round_id": c.extra["round"].pk}),
    "round-messages": Case(kwargs=lambda c: {"round_id": c.extra["round"].pk}),
    "round-comments": Case(kwargs=lambda c: {"round_id": c.extra["round"].pk}),
    "round-decision": Case(kwargs=lambda c: {"round_id": c.extra["round"].pk}),
    "feedback-list": Case(scoped_to_self=True),
    "feedback-detail": Case(kwargs=lambda c: {"request_id": c.extra["feedback"].pk}),
    "feedback-messages": Case(kwargs=lambda c: {"request_id": c.extra["feedback"].pk}),
    "feedback-comments": Case(kwargs=lambda c: {"request_id": c.extra["feedback"].pk}),
    "feedback-resolve": Case(kwargs=lambda c: {"request_id": c.extra["feedback"].pk}),
    "mentor-feedback": Case(role_only=True),
    "mentor-mentees": Case(role_only=True),
    "mentor-queue": Case(role_only=True),
    "mentor-snippets": Case(role_only=True),
    "mentor-snippet-detail": Case(
        role_only=True, kwargs=lambda c: {"snippet_id": c.extra["snippet"].pk}
    ),
    "certificate-verify": Case(public=True, kwargs=lambda c: {"code": c.extra["certificate"]}),
}
# The catch-all answering 404 problems for unknown addresses: nothing to authorize.
NOT_ENDPOINTS = {"api-not-found"}


@dataclass(frozen=True)
class Route:
    name: str
    route: str
    pattern: URLPattern

    def allowed_methods(self) -> list[str]:
        view_class = getattr(self.pattern.callback, "view_class", None)
        if view_class is None:
            return ["get"]
        return [m for m in ("get", *WRITE_METHODS) if hasattr(view_class, m)]


def api_routes() -> Iterator[Route]:
    def walk(patterns: list[Any], prefix: str) -> Iterator[Route]:
        for item in patterns:
            if isinstance(item, URLResolver):
                yield from walk(item.url_patterns, prefix + str(item.pattern))
            elif isinstance(item, URLPattern):
                route = prefix + str(item.pattern)
                if route.startswith(PREFIX):
                    yield Route(name=item.name or route, route=route, pattern=item)

    yield from walk(get_resolver().url_patterns, "")


def url_for(route: Route, kwargs: dict[str, Any]) -> str:
    from django.urls import reverse

    return reverse(route.name, kwargs=kwargs or None)


def call(client: APIClient, method: str, url: str) -> Any:
    return getattr(client, method)(url, {}, format="json") if method != "get" else client.get(url)


@pytest.fixture
def ctx(
    learner, learner_submission, track_lesson, track_exercise, mentor, staff, backend_track
) -> Ctx:
    from mentors import services as mentor_services
    from mentors.models import ReviewRound
    from mentors.tests.factories import PROJECT, started_capstone, upload, zip_bytes
    from notifications.services import notification_create

    started_capstone(learner, backend_track, staff=staff)
    version = mentor_services.capstone_upload(learner=learner, upload=upload(zip_bytes(PROJECT)))
    review_round = version.review_round
    # Asked while the mentor is assigned (approving the capstone below ends the assignment).
    feedback = mentor_services.feedback_request_create(
        learner=learner, submission=learner_submission, body="Is this idiomatic?"
    )
    mentor_services.round_decide(
        review_round=review_round,
        reviewer=mentor,
        decision=ReviewRound.Status.APPROVED,
        summary="Well done.",
        scores={str(c["slug"]): int(c["max_score"]) for c in backend_track.rubric},
    )
    certificate = learner.certificates.get().code
    snippet = mentor_services.snippet_create(mentor=mentor, title="Names", body="Name it well.")

    notification = notification_create(
        recipient=learner, kind="announcement", dedupe_key="authz", title="Hello Ada", body=""
    )
    return Ctx(
        learner=learner,
        submission=learner_submission,
        lesson=track_lesson,
        exercise=track_exercise,
        extra={
            "notification": notification,
            "round": review_round,
            "certificate": certificate,
            "feedback": feedback,
            "snippet": snippet,
        },
    )


def test_every_api_route_has_an_authorization_case():
    missing = [
        f"no authorization case for route {r.route} (name {r.name!r})"
        for r in api_routes()
        if r.name not in CASES and r.name not in NOT_ENDPOINTS
    ]
    assert not missing, "\n".join(missing)
    stale = set(CASES) - {r.name for r in api_routes()}
    assert not stale, f"cases for routes that no longer exist: {sorted(stale)}"


def test_anonymous_requests_are_refused_except_on_public_routes(ctx):
    anonymous = APIClient()
    failures = []
    for route in api_routes():
        if route.name in NOT_ENDPOINTS:
            continue
        case = CASES[route.name]
        url = url_for(route, case.kwargs(ctx) if case.kwargs else {})
        for method in route.allowed_methods():
            status = call(anonymous, method, url).status_code
            expected = 200 if case.public and method == "get" else 401
            if status != expected:
                failures.append(f"anonymous {method.upper()} {url}: {status}, expected {expected}")
    assert not failures, "\n".join(failures)


def test_an_outsider_never_reaches_the_learners_data(ctx, api_outsider, api_learner):
    failures = []
    for route in api_routes():
        if route.name in NOT_ENDPOINTS:
            continue
        case = CASES[route.name]
        if case.public:
            continue
        if case.role_only:
            url = url_for(route, case.kwargs(ctx) if case.kwargs else {})
            for method in route.allowed_methods():
                status = call(api_outsider, method, url).status_code
                if status not in (403, 404):
                    failures.append(f"learner {method.upper()} {url} (role only): {status}")
        elif case.kwargs is not None:
            url = url_for(route, case.kwargs(ctx))
            for method in route.allowed_methods():
                # The learner can reach it (so the ids are real) …
                if method == "get":
                    own = api_learner.get(url).status_code
                    if own != 200:
                        failures.append(f"learner GET {url}: {own}, expected 200")
                # … the outsider cannot.
                status = call(api_outsider, method, url).status_code
                if status not in (403, 404):
                    failures.append(f"outsider {method.upper()} {url}: {status}")
        elif case.scoped_to_self:
            url = url_for(route, {})
            if "get" in route.allowed_methods():
                body = api_outsider.get(url).content.decode()
                leaked = [m for m in ctx.markers if m in body]
                if leaked:
                    failures.append(f"outsider GET {url} shows the learner's {leaked}")
        else:
            failures.append(f"case for {route.name} checks nothing")
    assert not failures, "\n".join(failures)
