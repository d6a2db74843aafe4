"""A small stock inventory that plays well with Python's built-in protocols."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import TracebackType


class Inventory:
    """Quantities of named items; every quantity is a positive whole number."""

    def __init__(self, items: Mapping[str, int] | None = None) -> None:
        self._stock: dict[str, int] = {}
        self._snapshots: list[dict[str, int]] = []
        for name, quantity in (items or {}).items():
            self.add(name, quantity)

    @staticmethod
    def _clean_name(name: str) -> str:
        if not isinstance(name, str) or not name.strip():
            raise ValueError("item name must be a non-empty string")
        return name.strip()

    @staticmethod
    def _check_quantity(quantity: int) -> None:
        if isinstance(quantity, bool) or not isinstance(quantity, int):
            raise TypeError(f"quantity must be an int, not {type(quantity).__name__}")
        if quantity <= 0:
            raise ValueError(f"quantity must be positive, got {quantity}")

    def add(self, name: str, quantity: int = 1) -> None:
        """Put `quantity` units of `name` into stock."""
        name = self._clean_name(name)
        self._check_quantity(quantity)
        self._stock[name] = self._stock.get(name, 0) + quantity

    def remove(self, name: str, quantity: int = 1) -> None:
        """Take `quantity` units of `name` out of stock; the name disappears at zero."""
        name = self._clean_name(name)
        self._check_quantity(quantity)
        if name not in self._stock:
            raise KeyError(name)
        available = self._stock[name]
        if quantity > available:
            raise ValueError(f"cannot remove {quantity} {name}: only {available} in stock")
        if quantity == available:
            del self._stock[name]
        else:
            self._stock[name] = available - quantity

    def quantity(self, name: str) -> int:
        """How many units of `name` are in stock (0 when there are none)."""
        return self._stock.get(name.strip(), 0)

    @property
    def total(self) -> int:
        """The number of units across all items."""
        return sum(self._stock.values())

    def __getitem__(self, name: str) -> int:
        return self._stock[name.strip()]

    def __len__(self) -> int:
        return len(self._stock)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.strip() in self._stock

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._stock))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Inventory):
            return NotImplemented
        return self._stock == other._stock

    __hash__ = None  # type: ignore[assignment]  # mutable, so not hashable

    def __add__(self, other: object) -> Inventory:
        if not isinstance(other, Inventory):
            return NotImplemented
        merged = Inventory(self._stock)
        for name, quantity in other._stock.items():
            merged.add(name, quantity)
        return merged

    def __repr__(self) -> str:
        contents = {name: self._stock[name] for name in sorted(self._stock)}
        return f"Inventory({contents!r})"

    def __enter__(self) -> Inventory:
        self._snapshots.append(dict(self._stock))
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        snapshot = self._snapshots.pop()
        if exc_type is not None:
            self._stock = snapshot
