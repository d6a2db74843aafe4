"""A small in-memory task API: routing, validation and status codes with FastAPI."""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, HTTPException, Query, Response
from pydantic import BaseModel, Field, StringConstraints

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Priority = Annotated[int, Field(ge=1, le=5)]
Tags = Annotated[list[Annotated[str, StringConstraints(min_length=1, max_length=20)]], Field(max_length=5)]


class TaskIn(BaseModel):
    title: Title
    priority: Priority = 3
    tags: Tags = []


class TaskPatch(BaseModel):
    """Every field optional; a field that is sent must be valid (null is not)."""

    title: Title = None  # type: ignore[assignment]
    priority: Priority = None  # type: ignore[assignment]
    tags: Tags = None  # type: ignore[assignment]
    done: bool = None  # type: ignore[assignment]


def _clean_tags(tags: list[str]) -> list[str]:
    return sorted(set(tags))


def create_app() -> FastAPI:
    """A new app with its own empty task store."""
    app = FastAPI()
    tasks: dict[int, dict[str, object]] = {}
    last_id = 0

    def find(task_id: int) -> dict[str, object]:
        if task_id not in tasks:
            raise HTTPException(status_code=404, detail=f"task {task_id} not found")
        return tasks[task_id]

    @app.post("/tasks", status_code=201)
    def create_task(body: TaskIn, response: Response) -> dict[str, object]:
        nonlocal last_id
        last_id += 1
        task = {"id": last_id, "title": body.title, "priority": body.priority,
                "tags": _clean_tags(body.tags), "done": False}
        tasks[last_id] = task
        response.headers["Location"] = f"/tasks/{last_id}"
        return task

    @app.get("/tasks")
    def list_tasks(
        done: bool | None = None,
        min_priority: Annotated[int | None, Query(ge=1, le=5)] = None,
        tag: str | None = None,
    ) -> list[dict[str, object]]:
        found = [
            task for task in tasks.values()
            if (done is None or task["done"] == done)
            and (min_priority is None or task["priority"] >= min_priority)
            and (tag is None or tag in task["tags"])  # type: ignore[operator]
        ]
        return sorted(found, key=lambda task: (-task["priority"], task["id"]))  # type: ignore[operator]

    @app.get("/tasks/{task_id}")
    def read_task(task_id: int) -> dict[str, object]:
        return find(task_id)

    @app.patch("/tasks/{task_id}")
    def update_task(task_id: int, body: TaskPatch) -> dict[str, object]:
        task = find(task_id)
        changes = body.model_dump(exclude_unset=True)
        if "tags" in changes:
            changes["tags"] = _clean_tags(changes["tags"])
        task.update(changes)
        return task

    @app.delete("/tasks/{task_id}", status_code=204)
    def delete_task(task_id: int) -> Response:
        find(task_id)
        del tasks[task_id]
        return Response(status_code=204)

    return app
