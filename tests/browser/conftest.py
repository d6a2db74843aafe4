"""Browser tests: Playwright for Python driving Debian's Chromium (/usr/bin/chromium; never
`playwright install`) against pytest-django's live server. Every page a test visits is
checked the same way (`Pages.check`): no horizontal scroll, no console errors, and no serious
or critical axe-core violations (axe from tests/browser/vendor, so no Node is needed).

UI_SHOTS=/some/dir saves a screenshot of each checked page there; UI_METRICS=file.json
writes the widths and axe counts measured."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
METRICS: dict[str, Any] = {}
# The fragments poll.js fetches again after a failed request.
POLLED = re.compile(r"/(status|checks)/$")


@pytest.fixture(autouse=True)
def _curriculum_loaded(transactional_db: None, live_server: Any) -> None:
    """The previous live-server test ended with a flush of every table, which pytest-django
    runs after the root conftest put the curriculum back: load it again if it is gone."""
    from courses import services as course_services
    from courses.models import Track

    if not Track.objects.exists():
        course_services.curriculum_sync()


@pytest.fixture(scope="module", autouse=True)
def _orm_beside_playwright() -> Iterator[None]:
    """Playwright's sync API runs an event loop in this thread; the ORM calls the tests and
    pytest-django make between browser steps are ordinary synchronous code. Set for these
    modules only: set for the whole process, it reached `check --deploy` in a subprocess."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium per test module (the machine is small)."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` (and .ci/run) install Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@dataclass
class Pages:
    """A browser context at one width, with the checks every visited page must pass."""

    context: Any
    page: Any
    label: str
    console_errors: list[str] = field(default_factory=list)
    expected_errors: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)

    def check(self, name: str, *, widths: tuple[int, ...] = ()) -> dict[str, Any]:
        """Assert the current page has no horizontal overflow (at its own width and at each
        of `widths`), no console errors and no serious or critical axe violations."""
        page = self.page
        page.wait_for_load_state("load")
        measured: dict[str, Any] = {"url": page.url}
        own = page.viewport_size
        for width in (own["width"], *widths):
            if width != own["width"]:
                page.set_viewport_size({"width": width, "height": own["height"]})
            scroll, inner = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            measured[f"scroll_width_{width}"] = scroll
            assert scroll <= inner, f"{name} at {width} px is {scroll} px wide"
        if widths:
            page.set_viewport_size(own)
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(AXE)  # evaluated by the driver, not an inline <script>: CSP holds
        result = page.evaluate(
            "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
            "v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))"
        )
        serious = [v for v in result if v["impact"] in ("serious", "critical")]
        measured["axe_serious_critical"] = len(serious)
        measured["axe_other"] = len(result) - len(serious)
        expected = list(self.expected_errors)
        if any(" 503 " in f" {r} " for r in self.failed_responses) and all(
            POLLED.search(r) for r in self.failed_responses if r.startswith("503 ")
        ):
            # SQLite: a poll that met the test's own grading write gets 503 (database
            # busy) and poll.js asks again; the page recovers, so this is not an error.
            expected.append("status of 503")
        unexpected = [e for e in self.console_errors if not any(re.search(p, e) for p in expected)]
        failed = list(self.failed_responses)
        self.console_errors.clear()
        self.expected_errors.clear()
        self.failed_responses.clear()
        METRICS.setdefault(self.label, {})[name] = measured
        if shots := os.environ.get("UI_SHOTS"):
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{shots}/{name}-{own['width']}.png", full_page=True)
            page.screenshot(path=f"{shots}/{name}-{own['width']}-top.png")
        assert not serious, f"{name}: axe violations {serious}"
        assert not unexpected, f"{name}: console errors {unexpected} (responses: {failed})"
        return measured


def open_pages(browser: Any, base_url: str, viewport: dict[str, int], label: str) -> Pages:
    context = browser.new_context(
        viewport=viewport, base_url=base_url, timezone_id="Europe/Berlin", locale="en-GB"
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    pages = Pages(context=context, page=page, label=label)

    def on_console(message: Any) -> None:
        if message.type == "error":
            pages.console_errors.append(message.text)

    page.on("console", on_console)

    def on_response(response: Any) -> None:
        if response.status >= 400:
            pages.failed_responses.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    page.on("pageerror", lambda e: pages.console_errors.append(f"page error: {e}"))
    return pages


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if (target := os.environ.get("UI_METRICS")) and METRICS:
        Path(target).write_text(json.dumps(METRICS, indent=2))


@pytest.fixture
def grading(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Tasks the live server publishes are recorded instead of sent to a broker; the test
    runs them in its own process with the real grader when it chooses (`run_tasks`)."""
    from mentors import tasks as mentor_tasks
    from submissions import tasks as submission_tasks

    queued: list[tuple[str, int]] = []
    for task in (
        submission_tasks.execute_submission,
        submission_tasks.check_quality,
        mentor_tasks.run_capstone_checks,
    ):
        monkeypatch.setattr(task, "delay", lambda *args, _n=task.name: queued.append((_n, args[0])))
    return queued


def run_tasks(queued: list[tuple[str, int]], *names: str) -> None:
    """Run (and forget) the recorded tasks of these names, in order, as a worker would."""
    from celery import current_app

    for item in [q for q in queued if q[0] in names]:
        queued.remove(item)
        current_app.tasks[item[0]].apply(args=[item[1]])
