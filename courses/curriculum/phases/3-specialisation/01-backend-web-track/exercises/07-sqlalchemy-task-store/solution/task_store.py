"""Users, projects and tasks with SQLAlchemy 2: typed models and the queries an API needs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Engine, ForeignKey, String, func, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectinload


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    tasks: Mapped[list[Task]] = relationship(back_populates="assignee")


class Project(Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    tasks: Mapped[list[Task]] = relationship(back_populates="project", cascade="all, delete-orphan")


class Task(Base):
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    due: Mapped[date | None]
    done: Mapped[bool] = mapped_column(default=False)
    project: Mapped[Project] = relationship(back_populates="tasks")
    assignee: Mapped[User | None] = relationship(back_populates="tasks")


def create_schema(engine: Engine) -> None:
    Base.metadata.create_all(engine)


def _project(session: Session, name: str) -> Project:
    project = session.scalar(select(Project).where(Project.name == name))
    if project is None:
        raise LookupError(f"no project named {name!r}")
    return project


def add_task(
    session: Session,
    project_name: str,
    title: str,
    *,
    due: date | None = None,
    assignee_email: str | None = None,
) -> Task:
    """Add a task to an existing project (and user); flush so it has an id."""
    project = _project(session, project_name)
    assignee = None
    if assignee_email is not None:
        assignee = session.scalar(select(User).where(User.email == assignee_email))
        if assignee is None:
            raise LookupError(f"no user with email {assignee_email!r}")
    task = Task(title=title, project=project, assignee=assignee, due=due)
    session.add(task)
    session.flush()
    return task


def overdue_tasks(session: Session, today: date) -> list[Task]:
    """Open tasks due strictly before `today`, by due date then id."""
    stmt = select(Task).where(Task.done.is_(False), Task.due.is_not(None), Task.due < today)
    return list(session.scalars(stmt.order_by(Task.due, Task.id)))


def project_summary(session: Session) -> list[tuple[str, int, int]]:
    """(project name, open tasks, done tasks) for every project, by name."""
    done = func.count(Task.id).filter(Task.done.is_(True))
    opened = func.count(Task.id).filter(Task.done.is_(False))
    stmt = (
        select(Project.name, opened, done)
        .outerjoin(Task)
        .group_by(Project.id)
        .order_by(Project.name)
    )
    return [(name, int(o), int(d)) for name, o, d in session.execute(stmt)]


def tasks_with_assignees(session: Session, project_name: str) -> list[tuple[str, str | None]]:
    """(title, assignee email or None) for a project's tasks, by title then id; two queries."""
    stmt = select(Task).join(Task.project).where(Project.name == project_name)
    stmt = stmt.options(selectinload(Task.assignee))
    stmt = stmt.order_by(Task.title, Task.id)
    return [(t.title, t.assignee.email if t.assignee else None) for t in session.scalars(stmt)]


def complete(session: Session, task_ids: Iterable[int]) -> int:
    """Mark these tasks done; the number that were open (unknown ids are ignored)."""
    stmt = update(Task).where(Task.id.in_(list(task_ids)), Task.done.is_(False)).values(done=True)
    return session.execute(stmt).rowcount


def delete_project(session: Session, name: str) -> int:
    """Delete a project and its tasks; the number of tasks deleted."""
    project = _project(session, name)
    count = len(project.tasks)
    session.delete(project)
    session.flush()
    return count
