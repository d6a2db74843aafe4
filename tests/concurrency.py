"""Interleavings for tests of lost updates, made deterministic on one connection."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection


@contextmanager
def change_after_first_read(table: str, change: Callable[[], Any]) -> Iterator[None]:
    """Run `change` (what another request commits meanwhile) right after the code under
    test first reads a row of `table`. A write that merges the fields it was sent into a
    copy read before this point, and writes the copy back, undoes `change`."""
    done = False

    def wrapper(execute: Callable[..., Any], sql: str, *args: Any) -> Any:
        nonlocal done
        result = execute(sql, *args)
        if not done and sql.lstrip().upper().startswith("SELECT") and f'"{table}"' in sql:
            done = True
            change()
        return result

    with connection.execute_wrapper(wrapper):
        yield
    assert done, f"nothing read {table}"
