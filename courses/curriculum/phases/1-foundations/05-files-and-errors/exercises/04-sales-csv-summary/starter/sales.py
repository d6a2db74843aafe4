"""Summarise a CSV export of sales into a small JSON document."""

from pathlib import Path
from typing import Any

COLUMNS = ("date", "region", "product", "quantity", "unit_price")

Sale = dict[str, Any]  # date, region, product: str; quantity: int; unit_price: float


def read_sales(path: str | Path) -> list[Sale]:
    """One dict per sale, with the quantity as int and the unit price as float.

    A missing column raises ValueError naming it; a bad number raises ValueError
    mentioning 'line <n>'.
    """
    raise NotImplementedError


def summarise(sales: list[Sale]) -> dict[str, object]:
    """Rows, units, revenue, revenue by region and the best-selling product."""
    raise NotImplementedError


def write_summary(summary: dict[str, object], path: str | Path) -> None:
    """Write the summary as indented UTF-8 JSON (ensure_ascii=False) with a final newline."""
    raise NotImplementedError


def csv_to_json(csv_path: str | Path, json_path: str | Path) -> dict[str, object]:
    """Read, summarise and write; return the summary."""
    raise NotImplementedError
