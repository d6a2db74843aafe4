"""A small stock inventory that plays well with Python's built-in protocols.

Read README.md for the full specification. Keep the stock in a "private" attribute (for
example `self._stock`) so that the only way to change it is through `add` and `remove`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import TracebackType


class Inventory:
    """Quantities of named items; every quantity is a positive whole number."""

    def __init__(self, items: Mapping[str, int] | None = None) -> None:
        """Start empty, or with the given name -> quantity pairs (validated like `add`)."""
        raise NotImplementedError

    def add(self, name: str, quantity: int = 1) -> None:
        """Put `quantity` units of `name` into stock."""
        raise NotImplementedError

    def remove(self, name: str, quantity: int = 1) -> None:
        """Take `quantity` units of `name` out of stock; the name disappears at zero."""
        raise NotImplementedError

    def quantity(self, name: str) -> int:
        """How many units of `name` are in stock (0 when there are none)."""
        raise NotImplementedError

    @property
    def total(self) -> int:
        """The number of units across all items."""
        raise NotImplementedError

    def __getitem__(self, name: str) -> int:
        raise NotImplementedError

    def __len__(self) -> int:
        raise NotImplementedError

    def __contains__(self, name: object) -> bool:
        raise NotImplementedError

    def __iter__(self) -> Iterator[str]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        raise NotImplementedError

    def __add__(self, other: object) -> Inventory:
        raise NotImplementedError

    def __repr__(self) -> str:
        raise NotImplementedError

    def __enter__(self) -> Inventory:
        raise NotImplementedError

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        raise NotImplementedError
