"""OpenAPI examples of the courses API, taken from the real curriculum (Phase 1's first
module, lesson and exercise, track A). `courses/tests/api/test_schema_examples.py` checks
every one: response examples against the response schema of their operation (the output
serializer's fields, no more, no fewer), request examples through the view's
`InputSerializer.is_valid()`.

A list endpoint's example is one row: drf-spectacular wraps it in the page envelope."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample


def response(name: str, value: dict[str, Any]) -> list[OpenApiExample]:
    return [OpenApiExample(name, value=value, response_only=True)]


PHASE = {
    "number": 1,
    "slug": "foundations",
    "title": "Foundations",
    "goal": "Write small Python scripts calmly and with confidence.",
    "summary": "Thirty days on the ground floor of Python: values and types, decisions, loops.",
    "habit": "Code for one to two focused hours every day.",
    "first_day": 1,
    "last_day": 30,
}

MODULE_REF = {"slug": "python-basics", "title": "Python basics", "phase": 1, "track": None}

TRACK = {
    "slug": "backend-web",
    "letter": "A",
    "title": "Backend and web development",
    "summary": "Build HTTP services that other people can depend on.",
    "focus": ["Routing, middleware and dependency injection in FastAPI or Flask"],
    "capstone_title": "A production-ready HTTP API",
    "capstone_days": 21,
}

LESSON = {
    "slug": "values-and-types",
    "title": "Values, names and the four everyday types",
    "module": MODULE_REF,
    "order": 1,
    "minutes": 40,
    "completed": False,
}

EXERCISE = {
    "slug": "temperature-converter",
    "title": "Temperature converter",
    "kind": "exercise",
    "module": MODULE_REF,
    "order": 1,
    "difficulty": 1,
    "minutes": 40,
    "runtime": "core",
    "solved": False,
}

ENROLLMENT = {
    "id": 7,
    "track": {"slug": "backend-web", "letter": "A", "title": "Backend and web development"},
    "status": "active",
    "started_on": "2025-01-06",
    "created_at": "2025-01-06T09:31:00Z",
    "ended_at": None,
    "note": "",
}

PROGRAMME_EXAMPLES = response(
    "programme",
    {
        "slug": "python-with-a-mentor",
        "title": "Python with a mentor",
        "summary": "A six-month programme that takes you from your first script to "
        "production-grade code.",
        "total_days": 180,
        "phases": [PHASE],
    },
)

PHASE_LIST_EXAMPLES = response("phases", PHASE)

PHASE_DETAIL_EXAMPLES = response(
    "phase",
    {
        **PHASE,
        "modules": [
            {
                "slug": "python-basics",
                "title": "Python basics",
                "summary": "Names, values and the four everyday types.",
                "track": None,
            }
        ],
    },
)

TRACK_LIST_EXAMPLES = response("tracks", TRACK)

TRACK_DETAIL_EXAMPLES = response(
    "track",
    {
        **TRACK,
        "capstone_brief_html": "<p>Build and deploy an HTTP API…</p>",
        "capstone_examples": ["A task-manager REST API with user accounts, projects and tasks."],
        "rubric": [
            {
                "slug": "functionality",
                "title": "Functionality",
                "description": "The endpoints do what the README promises…",
                "max_score": 4,
            }
        ],
    },
)

LESSON_LIST_EXAMPLES = response("lessons", LESSON)

LESSON_DETAIL_EXAMPLES = response(
    "lesson",
    {
        **{k: v for k, v in LESSON.items() if k != "order"},
        "body_html": "<p>Every Python program pushes <strong>values</strong> around…</p>",
        "body_markdown": "Every Python program pushes **values** around…",
        "resources": [
            {
                "title": "The Python tutorial, an informal introduction",
                "url": "https://docs.python.org/3/tutorial/introduction.html",
            }
        ],
        "skills": ["Production-grade Python"],
    },
)

LESSON_COMPLETION_EXAMPLES = response(
    "done", {"lesson": "values-and-types", "completed_at": "2025-01-06T18:40:00Z"}
)

EXERCISE_LIST_EXAMPLES = response("exercises", EXERCISE)

EXERCISE_DETAIL_EXAMPLES = response(
    "exercise",
    {
        **{k: v for k, v in EXERCISE.items() if k not in ("order", "minutes", "runtime", "solved")},
        "statement_html": "<h1>Temperature converter</h1><p>Turn text such as…</p>",
        "statement_markdown": "# Temperature converter\n\nTurn text such as…",
        "wall_seconds": 10,
        "memory_mb": 512,
        "starter_files": [
            {
                "path": "temperature.py",
                "content": "def to_number(text: str) -> int | float:\n    ...\n",
            }
        ],
        "visible_tests": [
            {"path": "test_temperature.py", "content": "from temperature import convert\n"}
        ],
    },
)

ENROLLMENT_LIST_EXAMPLES = response("enrollments", ENROLLMENT)

ENROLL_EXAMPLES = [
    OpenApiExample("enroll", value={"track": "backend-web"}, request_only=True),
    *response("enrolled", ENROLLMENT),
]

CURRENT_ENROLLMENT_EXAMPLES = response("current", ENROLLMENT)

SWITCH_EXAMPLES = [
    OpenApiExample(
        "switch",
        value={"track": "data-science-ai", "reason": "I prefer data work"},
        request_only=True,
    ),
    *response(
        "switched",
        {
            **ENROLLMENT,
            "id": 8,
            "track": {"slug": "data-science-ai", "letter": "B", "title": "Data science and AI"},
            "created_at": "2025-01-20T10:02:00Z",
            "note": "switched from backend-web",
        },
    ),
]

PROGRESS_EXAMPLES = response(
    "progress",
    {
        "enrollment": ENROLLMENT,
        "today": "2025-01-20",
        "day_number": 15,
        "total_days": 180,
        "calendar_percent": 8,
        "percent": 10,
        "pace": "on track",
        "current_phase": 1,
        "expected_phase": 1,
        "lessons_done": 6,
        "exercises_solved": 3,
        "phases": [
            {
                "number": 1,
                "title": "Foundations",
                "lessons_total": 12,
                "lessons_done": 6,
                "exercises_total": 8,
                "exercises_solved": 3,
                "percent": 45,
            }
        ],
        "next_step": {
            "kind": "exercise",
            "title": "Temperature converter",
            "slug": "temperature-converter",
            "phase_number": 1,
            "minutes": 40,
            "difficulty": 1,
        },
    },
)
