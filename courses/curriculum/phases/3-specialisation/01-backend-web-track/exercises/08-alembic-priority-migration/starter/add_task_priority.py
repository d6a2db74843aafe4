"""Replace the urgent flag with a priority, rename notes, add task tags.

Revision ID: 0002_task_priority
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401  (you will need it)
from alembic import op  # noqa: F401

revision = "0002_task_priority"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """priority (default 3, urgent -> 5), drop urgent, notes -> description, index, task_tags."""
    raise NotImplementedError


def downgrade() -> None:
    """Back to the starting schema; priority 4 or 5 -> urgent."""
    raise NotImplementedError
