"""Hidden checks: record the schema and query results; the grader compares with the reference."""

from datetime import date

from sqlalchemy import create_engine, event, func, inspect, select
from sqlalchemy.orm import Session
from task_store import (
    Project, Task, User, add_task, complete, create_schema, delete_project, overdue_tasks,
    project_summary, tasks_with_assignees,
)

USERS = [("zoe@example.com", "Zoë"), ("al@example.com", "Al"), ("mo@example.com", "Mo"),
         ("bea@example.com", "Bea")]
PROJECTS = ["website", "api", "zeta-empty", "Billing", "mobile"]
TASKS = [  # project, title, due, assignee
    ("api", "rate limits", date(2031, 3, 9), "al@example.com"),
    ("website", "footer", date(2031, 3, 2), None),
    ("api", "auth", date(2031, 3, 2), "zoe@example.com"),
    ("website", "hero image", None, "mo@example.com"),
    ("Billing", "invoices", date(2031, 3, 10), "bea@example.com"),
    ("api", "auth", date(2031, 2, 27), "mo@example.com"),
    ("website", "analytics", date(2031, 3, 1), "al@example.com"),
    ("api", "docs", date(2031, 3, 10), None),
    ("mobile", "login screen", date(2031, 2, 28), "zoe@example.com"),
    ("api", "pagination", date(2031, 3, 3), "bea@example.com"),
]


def seeded():
    engine = create_engine("sqlite://")
    create_schema(engine)
    with Session(engine) as session:
        session.add_all([User(email=e, name=n) for e, n in USERS])
        session.add_all([Project(name=p) for p in PROJECTS])
        session.flush()
        for project, title, due, who in TASKS:
            add_task(session, project, title, due=due, assignee_email=who)
        session.commit()
    return engine


def check_schema(observe):
    engine = create_engine("sqlite://")
    create_schema(engine)
    inspector = inspect(engine)
    observe(sorted(inspector.get_table_names()))
    for table in ["users", "projects", "tasks"]:
        observe(sorted((c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)))
        observe(inspector.get_pk_constraint(table)["constrained_columns"])
        observe(sorted((tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"]))
                       for fk in inspector.get_foreign_keys(table)))


def check_constraints_and_defaults(observe):
    engine = seeded()

    def insert(*objects):
        with Session(engine) as session:
            session.add_all(objects)
            session.flush()
            return [getattr(o, "id") for o in objects]

    observe.raises(insert, User(email="al@example.com", name="Other Al"))
    observe.raises(insert, User(email="new@example.com"))
    observe.raises(insert, Project(name="api"))
    observe.call(insert, Project(name="API"))
    observe.raises(insert, Task(project_id=1))
    with Session(engine) as session:
        task = add_task(session, "zeta-empty", "first of its kind")
        observe((task.id, task.title, task.done, task.due, task.assignee, task.project.name,
                 task.project_id, task.assignee_id))
        ana = add_task(session, "mobile", "push", due=date(2031, 1, 1), assignee_email="bea@example.com")
        observe((ana.id, ana.assignee.name, ana.assignee_id, sorted(t.title for t in ana.assignee.tasks)))
        observe.raises(add_task, session, "Website", "case matters")
        observe.raises(add_task, session, "website", "x", assignee_email="AL@example.com")
        observe(session.scalar(select(func.count()).select_from(Task)))


def check_overdue_boundaries(observe):
    engine = seeded()
    with Session(engine) as session:
        complete(session, [6])
        for today in [date(2031, 2, 27), date(2031, 2, 28), date(2031, 3, 2), date(2031, 3, 3),
                      date(2031, 3, 11), date(2030, 1, 1)]:
            observe((today, [(t.id, t.title, t.due) for t in overdue_tasks(session, today)]))


def check_summary_and_complete(observe):
    engine = seeded()
    with Session(engine) as session:
        observe(project_summary(session))
        loaded = session.get(Task, 4)
        observe(complete(session, [4, 2, 4, 999]))
        observe(loaded.done)
        observe(complete(session, []))
        observe(complete(session, (n for n in [2, 3, 5])))
        observe(project_summary(session))
        session.commit()
    with Session(engine) as session:
        observe(sorted(session.scalars(select(Task.id).where(Task.done.is_(True)))))


def check_assignees_in_two_statements(observe):
    engine = seeded()
    statements = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(1))
    for project in ["api", "website", "zeta-empty", "nothing"]:
        statements.clear()
        with Session(engine) as session:
            observe(tasks_with_assignees(session, project))
        observe(len(statements) <= 2)


def check_relationships_stay_in_sync(observe):
    engine = seeded()
    with Session(engine) as session:
        bea = session.scalar(select(User).where(User.email == "bea@example.com"))
        mobile = session.scalar(select(Project).where(Project.name == "mobile"))
        observe((sorted(t.title for t in bea.tasks), sorted(t.title for t in mobile.tasks)))
        task = add_task(session, "mobile", "offline mode", assignee_email="bea@example.com")
        observe((sorted(t.title for t in bea.tasks), sorted(t.title for t in mobile.tasks)))
        observe((task in bea.tasks, task in mobile.tasks, task.project.name, task.assignee.email))
        observe(delete_project(session, "mobile"))
        session.commit()
    with Session(engine) as session:
        observe(sorted(session.scalars(select(Task.title))))


def check_delete_project(observe):
    engine = seeded()
    with Session(engine) as session:
        observe(delete_project(session, "api"))
        observe(delete_project(session, "zeta-empty"))
        observe.raises(delete_project, session, "api")
        session.commit()
    with Session(engine) as session:
        observe(project_summary(session))
        observe(sorted(session.scalars(select(Task.title))))
        observe(sorted(session.scalars(select(User.email))))


def check_both_sides_sync_before_a_flush(observe):
    engine = seeded()
    with Session(engine) as session:
        mobile = session.scalar(select(Project).where(Project.name == "mobile"))
        bea = session.scalar(select(User).where(User.email == "bea@example.com"))
        from_project = Task(title="push alerts")
        mobile.tasks.append(from_project)
        from_user = Task(title="beta invite")
        bea.tasks.append(from_user)
        observe((from_project.project is mobile, from_user.assignee is bea))
