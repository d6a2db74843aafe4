from datetime import date

import pytest
from sqlalchemy import create_engine, event, inspect, select
from sqlalchemy.orm import Session
from task_store import (
    Project, Task, User, add_task, complete, create_schema, delete_project, overdue_tasks,
    project_summary, tasks_with_assignees,
)


@pytest.fixture
def engine():
    engine = create_engine("sqlite://")
    create_schema(engine)
    with Session(engine) as session:
        session.add_all([Project(name="web"), Project(name="api"),
                         User(email="ana@example.com", name="Ana")])
        session.commit()
    return engine


def test_schema_has_the_three_tables(engine):
    assert sorted(inspect(engine).get_table_names()) == ["projects", "tasks", "users"]
    columns = {c["name"]: c for c in inspect(engine).get_columns("tasks")}
    assert str(columns["title"]["type"]) == "VARCHAR(200)"
    assert columns["due"]["nullable"] is True


def test_add_task_flushes_and_links(engine):
    with Session(engine) as session:
        task = add_task(session, "web", "Write docs", due=date(2030, 1, 5),
                        assignee_email="ana@example.com")
        assert task.id == 1
        assert task.done is False
        assert task.project.name == "web"
        assert task.assignee.name == "Ana"


def test_add_task_rejects_unknown_project_and_user(engine):
    with Session(engine) as session:
        with pytest.raises(LookupError):
            add_task(session, "mobile", "x")
        with pytest.raises(LookupError):
            add_task(session, "web", "x", assignee_email="nobody@example.com")


def test_overdue_is_strictly_before_today(engine):
    with Session(engine) as session:
        add_task(session, "web", "today", due=date(2030, 1, 5))
        add_task(session, "web", "late", due=date(2030, 1, 4))
        add_task(session, "web", "no date")
        assert [t.title for t in overdue_tasks(session, date(2030, 1, 5))] == ["late"]


def test_summary_includes_empty_projects(engine):
    with Session(engine) as session:
        add_task(session, "web", "a")
        add_task(session, "web", "b")
        complete(session, [2])
        assert project_summary(session) == [("api", 0, 0), ("web", 1, 1)]


def test_complete_counts_tasks_that_were_open(engine):
    with Session(engine) as session:
        first = add_task(session, "web", "a")
        add_task(session, "web", "b")
        assert complete(session, [1, 1, 42]) == 1
        assert first.done is True
        assert complete(session, [1, 2]) == 1


def test_tasks_with_assignees_uses_at_most_two_statements(engine):
    with Session(engine) as session:
        add_task(session, "web", "b", assignee_email="ana@example.com")
        add_task(session, "web", "a")
        session.commit()
    statements = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    with Session(engine) as session:
        assert tasks_with_assignees(session, "web") == [("a", None), ("b", "ana@example.com")]
    assert len(statements) <= 2


def test_delete_project_removes_its_tasks(engine):
    with Session(engine) as session:
        add_task(session, "web", "a")
        add_task(session, "api", "b")
        assert delete_project(session, "web") == 1
        assert [t.title for t in session.scalars(select(Task))] == ["b"]
        with pytest.raises(LookupError):
            delete_project(session, "web")
