"""Hidden checks: record the schema and rows after each migration step."""

import add_task_priority
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations

STARTING_SCHEMA = """CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    urgent BOOLEAN NOT NULL DEFAULT 0,
    notes TEXT
)"""
ROWS = [(12, "Renew domain", 1, "expires 1 May"), (3, "Backups", 0, None), (40, "Rotate keys", 1, None),
        (7, "Team lunch", 0, "Thai?"), (5, "", 0, "")]


def fresh():
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        connection.exec_driver_sql(STARTING_SCHEMA)
        for row in ROWS:
            connection.exec_driver_sql(
                "INSERT INTO tasks (id, title, urgent, notes) VALUES (?, ?, ?, ?)", row)
    return engine


def run(migration, engine):
    with engine.begin() as connection:
        with Operations.context(MigrationContext.configure(connection)):
            migration()


def schema(engine):
    inspector = sa.inspect(engine)
    out = []
    for table in sorted(inspector.get_table_names()):
        out.append((
            table,
            sorted((c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)),
            inspector.get_pk_constraint(table)["constrained_columns"],
            sorted((tuple(fk["constrained_columns"]), fk["referred_table"], tuple(fk["referred_columns"]))
                   for fk in inspector.get_foreign_keys(table)),
            sorted((i["name"], tuple(i["column_names"]), bool(i["unique"])) for i in inspector.get_indexes(table)),
        ))
    return out


def query(engine, sql):
    with engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]


def execute(engine, sql):
    with engine.begin() as connection:
        connection.exec_driver_sql(sql)


def check_revision_identifiers(observe):
    observe((add_task_priority.revision, add_task_priority.down_revision,
             add_task_priority.branch_labels, add_task_priority.depends_on))


def check_upgrade_schema_and_data(observe):
    engine = fresh()
    run(add_task_priority.upgrade, engine)
    observe(schema(engine))
    observe(query(engine, "SELECT id, title, priority, description FROM tasks ORDER BY id"))
    execute(engine, "INSERT INTO tasks (id, title) VALUES (90, 'defaulted')")
    execute(engine, "INSERT INTO tasks (id, title, priority, description) VALUES (91, 'explicit', 1, 'd')")
    execute(engine, "INSERT INTO task_tags (task_id, tag) VALUES (90, 'ops'), (90, 'infra'), (12, 'ops')")
    observe(query(engine, "SELECT id, priority, description FROM tasks WHERE id >= 90 ORDER BY id"))
    observe(query(engine, "SELECT task_id, tag FROM task_tags ORDER BY task_id, tag"))
    observe.raises(execute, engine, "INSERT INTO task_tags (task_id, tag) VALUES (90, 'ops')")
    observe.raises(execute, engine, "INSERT INTO tasks (id) VALUES (92)")


def check_downgrade_schema_and_data(observe):
    engine = fresh()
    before = schema(engine)
    run(add_task_priority.upgrade, engine)
    for task_id, priority in [(3, 4), (12, 3), (7, 1), (5, 5)]:
        execute(engine, f"UPDATE tasks SET priority = {priority} WHERE id = {task_id}")
    execute(engine, "INSERT INTO tasks (id, title, priority) VALUES (60, 'two', 2)")
    run(add_task_priority.downgrade, engine)
    after = observe(schema(engine))
    observe(after == before)
    observe(query(engine, "SELECT id, title, urgent, notes FROM tasks ORDER BY id"))
    execute(engine, "INSERT INTO tasks (id, title) VALUES (70, 'after downgrade')")
    observe(query(engine, "SELECT id, urgent, notes FROM tasks WHERE id = 70"))


def check_round_trip(observe):
    engine = fresh()
    run(add_task_priority.upgrade, engine)
    first = schema(engine)
    run(add_task_priority.downgrade, engine)
    run(add_task_priority.upgrade, engine)
    second = observe(schema(engine))
    observe(first == second)
    observe(query(engine, "SELECT id, priority, description FROM tasks ORDER BY id"))
    run(add_task_priority.downgrade, engine)
    observe(query(engine, "SELECT id, urgent, notes FROM tasks ORDER BY id"))
