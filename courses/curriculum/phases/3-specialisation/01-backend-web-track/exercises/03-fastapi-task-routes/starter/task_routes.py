"""A small in-memory task API: routing, validation and status codes with FastAPI."""

from __future__ import annotations

from fastapi import FastAPI


def create_app() -> FastAPI:
    """A new app with its own empty task store.

    Routes: POST /tasks (201 + Location), GET /tasks (filters done, min_priority, tag),
    GET/PATCH/DELETE /tasks/{task_id} (404 when missing). See README.md.
    """
    app = FastAPI()
    # Your routes go here, inside create_app, so every app gets its own store.
    return app
