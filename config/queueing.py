"""Publishing Celery tasks from services."""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

logger = logging.getLogger(__name__)


def publish_on_commit(task: Any, *args: Any) -> None:
    """`task.delay(*args)` once the current transaction commits — never before the rows the
    task reads exist. A broker outage is logged, not raised: the work is already recorded in
    the database, and each app's beat sweeper publishes what is still waiting."""

    def publish() -> None:
        try:
            task.delay(*args)
        except Exception:  # any transport error; the sweeper retries, the request succeeds
            logger.exception("could not publish %s%r; its sweeper will retry", task.name, args)

    transaction.on_commit(publish)
