import add_task_priority
import pytest
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations

STARTING_SCHEMA = """CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    urgent BOOLEAN NOT NULL DEFAULT 0,
    notes TEXT
)"""


def run(migration, engine):
    with engine.begin() as connection:
        with Operations.context(MigrationContext.configure(connection)):
            migration()


def columns(engine, table):
    return sorted((c["name"], str(c["type"]), c["nullable"]) for c in sa.inspect(engine).get_columns(table))


def rows(engine, sql):
    with engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]


@pytest.fixture
def engine():
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        connection.exec_driver_sql(STARTING_SCHEMA)
        connection.exec_driver_sql(
            "INSERT INTO tasks (id, title, urgent, notes) VALUES (1, 'Pay rent', 1, 'by Friday'), "
            "(2, 'Water plants', 0, NULL)"
        )
    return engine


def test_revision_identifiers():
    assert add_task_priority.revision == "0002_task_priority"
    assert add_task_priority.down_revision == "0001_initial"


def test_upgrade_changes_the_columns(engine):
    run(add_task_priority.upgrade, engine)
    assert columns(engine, "tasks") == [
        ("description", "TEXT", True), ("id", "INTEGER", True),
        ("priority", "INTEGER", False), ("title", "VARCHAR(200)", False),
    ]


def test_upgrade_moves_the_data(engine):
    run(add_task_priority.upgrade, engine)
    assert rows(engine, "SELECT id, title, priority, description FROM tasks ORDER BY id") == [
        (1, "Pay rent", 5, "by Friday"), (2, "Water plants", 3, None),
    ]


def test_upgrade_adds_index_and_tags_table(engine):
    run(add_task_priority.upgrade, engine)
    inspector = sa.inspect(engine)
    assert [i["name"] for i in inspector.get_indexes("tasks")] == ["ix_tasks_priority"]
    assert inspector.get_pk_constraint("task_tags")["constrained_columns"] == ["task_id", "tag"]


def test_new_rows_default_to_priority_3(engine):
    run(add_task_priority.upgrade, engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO tasks (title) VALUES ('New')")
    assert rows(engine, "SELECT priority FROM tasks WHERE title = 'New'") == [(3,)]


def test_downgrade_restores_the_starting_schema(engine):
    before = columns(engine, "tasks")
    run(add_task_priority.upgrade, engine)
    run(add_task_priority.downgrade, engine)
    assert columns(engine, "tasks") == before
    assert sorted(sa.inspect(engine).get_table_names()) == ["tasks"]
    assert rows(engine, "SELECT id, urgent, notes FROM tasks ORDER BY id") == [
        (1, 1, "by Friday"), (2, 0, None),
    ]
