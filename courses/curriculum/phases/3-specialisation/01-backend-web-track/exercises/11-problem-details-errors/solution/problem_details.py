"""Errors as RFC 9457 problem details (application/problem+json) in a FastAPI app."""

from __future__ import annotations

from http import HTTPStatus
from typing import Annotated

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, StringConstraints
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://tasks.example.com/problems/"


class ProblemError(Exception):
    """A domain error that knows how to describe itself as a problem."""

    status = 500
    slug = "internal"
    title = "Internal error"

    def __init__(self, detail: str, **extensions: object) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extensions = extensions


class NotFoundError(ProblemError):
    status = 404
    slug = "not-found"
    title = "Resource not found"


class ConflictError(ProblemError):
    status = 409
    slug = "conflict"
    title = "Conflict with the current state"


def problem(
    request: Request,
    status: int,
    title: str,
    detail: str,
    type_: str = "about:blank",
    extensions: dict[str, object] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = {"type": type_, "title": title, "status": status, "detail": detail,
            "instance": request.url.path, **(extensions or {})}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def domain_problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem(request, exc.status, exc.title, exc.detail, PROBLEM_BASE + exc.slug,
                       exc.extensions)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"location": ".".join(str(part) for part in error["loc"]), "message": error["msg"]}
                  for error in exc.errors()]
        count = len(errors)
        detail = f"{count} validation error" + ("" if count == 1 else "s")
        return problem(request, 422, "Your request is not valid", detail,
                       PROBLEM_BASE + "validation-error", {"errors": errors})

    @app.exception_handler(StarletteHTTPException)
    async def http_problem(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(request, exc.status_code, HTTPStatus(exc.status_code).phrase,
                       str(exc.detail), headers=exc.headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return problem(request, 500, "Internal Server Error", "an unexpected error occurred")


class ProjectIn(BaseModel):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]


def create_app() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    projects: dict[int, dict[str, object]] = {}

    def find(project_id: int) -> dict[str, object]:
        if project_id not in projects:
            raise NotFoundError(f"project {project_id} does not exist")
        return projects[project_id]

    @app.post("/projects", status_code=201)
    def create_project(body: ProjectIn) -> dict[str, object]:
        for project in projects.values():
            if str(project["name"]).casefold() == body.name.casefold():
                raise ConflictError(f'the name "{body.name}" is taken', existing_id=project["id"])
        project = {"id": len(projects) + 1, "name": body.name, "archived": False}
        projects[project["id"]] = project  # type: ignore[index]
        return project

    @app.get("/projects")
    def list_projects(limit: Annotated[int, Query(ge=1, le=100)] = 20) -> list[dict[str, object]]:
        return list(projects.values())[:limit]

    @app.get("/projects/{project_id}")
    def read_project(project_id: int) -> dict[str, object]:
        return find(project_id)

    @app.post("/projects/{project_id}/archive")
    def archive_project(project_id: int) -> dict[str, object]:
        project = find(project_id)
        if project["archived"]:
            raise ConflictError(f"project {project_id} is already archived")
        project["archived"] = True
        return project

    @app.delete("/projects/{project_id}")
    def delete_project(project_id: int) -> None:
        find(project_id)
        raise HTTPException(status_code=403, detail="projects are archived, never deleted")

    return app
