"""Limits that hold and inputs that never cause a 500 (issue: platform hardening)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

BASE_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def fresh_counters() -> None:
    cache.clear()


def test_anonymous_clients_cannot_dodge_the_limit_by_rotating_x_forwarded_for(
    db: None, settings
) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "anon": "5/min",
        },
    }
    client = APIClient()
    codes = [
        client.get("/api/v1/tracks/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(8)
    ]
    assert codes == [200] * 5 + [429] * 3


def test_behind_one_trusted_proxy_the_client_address_is_the_last_hop(db: None, settings) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "NUM_PROXIES": 1,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "anon": "2/min",
        },
    }
    client = APIClient()
    # The proxy appends the real address; what the client sent before it is ignored.
    first = [
        client.get("/api/v1/tracks/", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 198.51.100.7").status_code
        for n in range(3)
    ]
    other = client.get("/api/v1/tracks/", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.8").status_code
    assert first == [200, 200, 429]
    assert other == 200


def test_the_admin_login_goes_through_the_sites_login_and_its_lockout(db: None) -> None:
    response = Client().get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def _settings_in_a_fresh_process(module: str, **env: str) -> dict[str, object]:
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps({'cache': settings.CACHES['default']['BACKEND'], "
        "'num_proxies': settings.REST_FRAMEWORK.get('NUM_PROXIES'), "
        "'allauth_proxies': settings.ALLAUTH_TRUSTED_PROXY_COUNT}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": module, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    parsed: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return parsed


def test_with_redis_every_process_shares_the_rate_limit_counters() -> None:
    found = _settings_in_a_fresh_process(
        "config.settings.local", REDIS_URL="redis://127.0.0.1:6379/3"
    )
    assert found == {
        "cache": "django.core.cache.backends.redis.RedisCache",
        "num_proxies": 0,
        "allauth_proxies": 0,
    }
    assert _settings_in_a_fresh_process("config.settings.local", REDIS_URL="")["cache"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )


# --- inputs that used to end in a 500 ----------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/certificates/AB%00CD/",
        "/mentors/certificates/AB%00CD/",
        "/api/v1/tracks/?x=%00",
    ],
)
def test_a_nul_character_in_the_address_is_a_400(db: None, url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


def test_json_nested_ten_thousand_deep_is_a_400_not_a_recursion_error(learner) -> None:
    from tests.api.fixtures import session_token

    deep = "[" * 10_000 + "]" * 10_000
    for url in ("/api/v1/submissions/", "/_allauth/app/v1/auth/login"):
        response = APIClient().post(
            url, deep, content_type="application/json", HTTP_X_SESSION_TOKEN=session_token(learner)
        )
        assert response.status_code == 400, url


def test_brackets_inside_json_strings_are_not_nesting() -> None:
    from config.guards import json_depth

    code = json.dumps({"files": [{"content": "[" * 5000 + '"\\\\"' + "{" * 500}]})
    assert json_depth(code.encode()) == 3


@pytest.mark.parametrize("offset", ["+16:00", "-23:59", "+00:00"])
def test_time_filters_accept_any_offset_python_does(learner, offset: str) -> None:
    from tests.api.fixtures import session_token

    url = "/api/v1/submissions/?created_after=2026-01-01T00:00:00" + offset.replace("+", "%2B")
    response = APIClient().get(url, HTTP_X_SESSION_TOKEN=session_token(learner))
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["Ada\nBcc: x@example.com", "Ada\r", "Ada\x00", "\u202eadA"])
def test_names_that_would_reach_a_header_cannot_hold_control_characters(learner, name: str) -> None:
    from django.core.exceptions import ValidationError

    from accounts.services import practice_settings_update

    with pytest.raises(ValidationError):
        practice_settings_update(
            user=learner,
            display_name=name,
            time_zone="UTC",
            practice_hour=18,
            practice_days=[0, 1],
            daily_goal_minutes=60,
        )


# --- headers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/tracks/", "/api/v1/docs/", "/accounts/login/"])
def test_every_page_has_a_content_security_policy_without_inline_script(
    db: None, path: str
) -> None:
    response = Client().get(path)
    policy = response["Content-Security-Policy"]
    script_src = next(p for p in policy.split("; ") if p.startswith("script-src"))
    assert script_src == "script-src 'self'"
    assert "frame-ancestors 'none'" in policy


def test_no_template_has_inline_script_or_handlers() -> None:
    import re

    for path in (BASE_DIR / "templates").rglob("*.html"):
        text = path.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), path
        assert not re.search(r"\son[a-z]+\s*=", text), path


def test_swagger_ui_is_served_from_our_own_static_files(db: None) -> None:
    html = Client().get("/api/v1/docs/").content.decode()
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html


def test_personal_responses_are_private_and_vary_on_who_asks(learner) -> None:
    from tests.api.fixtures import session_token

    api = APIClient().get("/api/v1/me/", HTTP_X_SESSION_TOKEN=session_token(learner))
    assert api.status_code == 200
    assert api["Cache-Control"] == "private, no-store"
    assert "X-Session-Token" in api["Vary"] and "Cookie" in api["Vary"]
    page = Client()
    page.force_login(learner)
    assert page.get("/dashboard/")["Cache-Control"] == "private, no-store"


def test_the_public_certificate_page_and_api_are_rate_limited(db: None, settings) -> None:
    settings.CERTIFICATE_LOOKUPS_PER_MINUTE = 3
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "certificates": "3/min",
        },
    }
    page = reverse("mentors:certificate", args=["ABCD-EFGH-JKLM"])
    pages = [Client().get(page).status_code for _ in range(5)]
    api = [APIClient().get("/api/v1/certificates/ABCD-EFGH-JKLM/").status_code for _ in range(5)]
    assert pages == [404, 404, 404, 429, 429]
    assert api == [404, 404, 404, 429, 429]


# --- admin writes go through services -------------------------------------------------------


def test_retrying_failed_emails_from_admin_goes_through_the_service(
    staff_client: Client, learner, django_capture_on_commit_callbacks
) -> None:
    from notifications import services
    from notifications.models import DeliveryStatus, Kind, Notification

    failed = services.notification_create(
        recipient=learner, kind=Kind.REVIEW_READY, dedupe_key="round:99", title="t", body="b"
    )
    assert failed is not None
    Notification.objects.filter(pk=failed.pk).update(email_status=DeliveryStatus.FAILED)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = staff_client.post(
            reverse("admin:notifications_notification_changelist"),
            {"action": "retry_failed_email", "_selected_action": [failed.pk]},
        )
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.email_status == DeliveryStatus.PENDING
    assert len(callbacks) == 1


def test_an_announcement_from_admin_is_sent_by_a_worker_after_commit(
    staff_client: Client, backend_track, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    from notifications import tasks

    sent: list[tuple[object, ...]] = []
    monkeypatch.setattr(tasks.announce, "delay", lambda *args: sent.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:notifications_announce"),
            {"track": backend_track.pk, "title": "Hello", "body": "News", "url": ""},
        )
    assert response.status_code == 302
    assert [args[:4] for args in sent] == [(backend_track.pk, "Hello", "News", "")]


def test_saving_a_mentor_in_admin_queues_the_assignment_task_instead_of_running_it(
    staff_client: Client, mentor, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    from mentors import services, tasks

    queued: list[str] = []
    monkeypatch.setattr(tasks.assign_waiting_learners, "delay", lambda: queued.append("assign"))
    ran: list[str] = []

    def inline() -> int:
        ran.append("inline")
        return 0

    monkeypatch.setattr(services, "waiting_learners_assign", inline)
    profile = mentor.mentor_profile
    url = reverse("admin:mentors_mentorprofile_change", args=[profile.pk])
    form = staff_client.get(url)
    assert form.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url,
            {
                "user": mentor.pk,
                "tracks": [t.pk for t in profile.tracks.all()],
                "capacity": 7,
                "is_active": "on",
                "bio": profile.bio,
                "availability": getattr(profile, "availability", ""),
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert queued == ["assign"] and ran == []


def test_enrollments_are_not_added_or_edited_around_the_services_in_admin(
    staff_client: Client, learner
) -> None:
    from courses.models import Enrollment

    assert staff_client.get(reverse("admin:courses_enrollment_add")).status_code == 403
    enrollment = Enrollment.objects.get(learner=learner)
    page = staff_client.get(reverse("admin:courses_enrollment_change", args=[enrollment.pk]))
    assert page.status_code == 200
    assert 'name="status"' not in page.content.decode()
    assert 'name="track"' not in page.content.decode()


def test_signing_up_with_a_known_address_costs_a_password_hash_like_a_new_one(
    db: None, learner, settings, monkeypatch
) -> None:
    """The answer is the same and so is the work (one hash), so timing does not tell which
    addresses have accounts. Counted in hashes, not seconds."""
    from django.contrib.auth import hashers

    settings.ACCOUNT_RATE_LIMITS = False
    hashed: list[str] = []
    original = hashers.make_password

    def counting(password: str | None, *args: object, **kwargs: object) -> str:
        hashed.append("x")
        return original(password, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(hashers, "make_password", counting)
    monkeypatch.setattr("accounts.adapters.make_password", counting)
    monkeypatch.setattr("django.contrib.auth.base_user.make_password", counting)
    form = {"password1": "a-long-unique-pass-98", "password2": "a-long-unique-pass-98"}
    known = Client().post(reverse("account_signup"), {"email": learner.email, **form})
    known_hashes = len(hashed)
    hashed.clear()
    new = Client().post(reverse("account_signup"), {"email": "new-person@example.com", **form})
    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"]
    assert known_hashes >= 1 and len(hashed) >= 1
