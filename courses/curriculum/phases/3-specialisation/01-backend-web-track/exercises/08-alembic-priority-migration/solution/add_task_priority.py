"""Replace the urgent flag with a priority, rename notes, add task tags.

Revision ID: 0002_task_priority
Revises: 0001_initial

The downgrade loses information: priorities 4 and 5 both become "urgent", 1 to 3 become
"not urgent", and all tags are dropped.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_task_priority"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

TABLE = "tasks"
INDEX = "ix_tasks_priority"
TAGS = "task_tags"


def upgrade() -> None:
    op.add_column(TABLE, sa.Column("priority", sa.Integer(), nullable=False, server_default="3"))
    op.execute(f"UPDATE {TABLE} SET priority = 5 WHERE urgent")
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column("urgent")
        batch.alter_column("notes", new_column_name="description")
    op.create_index(INDEX, TABLE, ["priority"])
    op.create_table(
        TAGS,
        sa.Column("task_id", sa.Integer(), sa.ForeignKey(f"{TABLE}.id"), primary_key=True),
        sa.Column("tag", sa.String(20), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table(TAGS)
    op.drop_index(INDEX, table_name=TABLE)
    op.add_column(TABLE, sa.Column("urgent", sa.Boolean(), nullable=False, server_default="0"))
    op.execute(f"UPDATE {TABLE} SET urgent = 1 WHERE priority >= 4")
    with op.batch_alter_table(TABLE) as batch:
        batch.alter_column("description", new_column_name="notes")
        batch.drop_column("priority")
