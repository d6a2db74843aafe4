"""Context managers that always give back what they took, on success and on error."""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any


class Transaction:
    """`with Transaction(conn) as conn:` begins, then commits on success or rolls back."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.active = False

    def __enter__(self) -> Any:
        raise NotImplementedError

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        raise NotImplementedError


@contextmanager
def pooled(pool: Any) -> Iterator[Any]:
    """Borrow a connection; give it back on success, close and discard it on error."""
    raise NotImplementedError
    yield


@contextmanager
def temporary_settings(settings: dict[str, Any], **overrides: Any) -> Iterator[dict[str, Any]]:
    """Apply `overrides` (None deletes a key) for the block, then restore those keys."""
    raise NotImplementedError
    yield


@contextmanager
def open_all(names: Iterable[str], opener: Callable[[str], Any]) -> Iterator[list[Any]]:
    """Open every name with `opener`; close all that were opened, whatever happens."""
    raise NotImplementedError
    yield
