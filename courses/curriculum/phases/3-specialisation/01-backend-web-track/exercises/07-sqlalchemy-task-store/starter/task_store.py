"""Users, projects and tasks with SQLAlchemy 2: typed models and the queries an API needs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # email, name and the tasks relationship: see README.md


class Project(Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    # name and the tasks relationship (with cascade)


class Task(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    # title, project_id, assignee_id, due, done, project, assignee


def create_schema(engine: Engine) -> None:
    """Create all tables."""
    raise NotImplementedError


def add_task(
    session: Session,
    project_name: str,
    title: str,
    *,
    due: date | None = None,
    assignee_email: str | None = None,
) -> Task:
    """Add a task to an existing project (and user); flush so it has an id."""
    raise NotImplementedError


def overdue_tasks(session: Session, today: date) -> list[Task]:
    """Open tasks due strictly before `today`, by due date then id."""
    raise NotImplementedError


def project_summary(session: Session) -> list[tuple[str, int, int]]:
    """(project name, open tasks, done tasks) for every project, by name."""
    raise NotImplementedError


def tasks_with_assignees(session: Session, project_name: str) -> list[tuple[str, str | None]]:
    """(title, assignee email or None) for a project's tasks, by title then id; two queries."""
    raise NotImplementedError


def complete(session: Session, task_ids: Iterable[int]) -> int:
    """Mark these tasks done; the number that were open (unknown ids are ignored)."""
    raise NotImplementedError


def delete_project(session: Session, name: str) -> int:
    """Delete a project and its tasks; the number of tasks deleted."""
    raise NotImplementedError
