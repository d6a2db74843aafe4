"""Context managers that always give back what they took, on success and on error."""

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from types import TracebackType
from typing import Any

_MISSING = object()


class Transaction:
    """`with Transaction(conn) as conn:` begins, then commits on success or rolls back."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.active = False

    def __enter__(self) -> Any:
        if self.active:
            raise RuntimeError("this transaction is already active")
        self.conn.begin()
        self.active = True
        return self.conn

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.active = False
        if exc_type is not None:
            self.conn.rollback()
            return
        try:
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise


@contextmanager
def pooled(pool: Any) -> Iterator[Any]:
    """Borrow a connection; give it back on success, close and discard it on error."""
    conn = pool.acquire()
    try:
        yield conn
    except BaseException:
        conn.close()
        pool.discard(conn)
        raise
    pool.release(conn)


@contextmanager
def temporary_settings(settings: dict[str, Any], **overrides: Any) -> Iterator[dict[str, Any]]:
    """Apply `overrides` (None deletes a key) for the block, then restore those keys."""
    saved = {key: settings.get(key, _MISSING) for key in overrides}
    for key, value in overrides.items():
        if value is None:
            settings.pop(key, None)
        else:
            settings[key] = value
    try:
        yield settings
    finally:
        for key, value in saved.items():
            if value is _MISSING:
                settings.pop(key, None)
            else:
                settings[key] = value


@contextmanager
def open_all(names: Iterable[str], opener: Callable[[str], Any]) -> Iterator[list[Any]]:
    """Open every name with `opener`; close all that were opened, whatever happens."""
    with ExitStack() as stack:
        yield [stack.enter_context(opener(name)) for name in names]
