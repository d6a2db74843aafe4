"""Summarise a CSV export of sales into a small JSON document."""

import csv
import json
from pathlib import Path
from typing import Any

COLUMNS = ("date", "region", "product", "quantity", "unit_price")

Sale = dict[str, Any]  # date, region, product: str; quantity: int; unit_price: float


def read_sales(path: str | Path) -> list[Sale]:
    """One dict per sale, with the quantity as int and the unit price as float."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        for column in COLUMNS:
            if column not in header:
                raise ValueError(f"the CSV has no {column!r} column (header: {header})")
        sales: list[Sale] = []
        for row in reader:
            try:
                quantity = int(row["quantity"])
                unit_price = float(row["unit_price"])
            except ValueError:
                raise ValueError(f"line {reader.line_num}: bad quantity or price") from None
            sales.append(
                {
                    "date": row["date"].strip(),
                    "region": row["region"].strip(),
                    "product": row["product"].strip(),
                    "quantity": quantity,
                    "unit_price": unit_price,
                }
            )
    return sales


def summarise(sales: list[Sale]) -> dict[str, object]:
    """Rows, units, revenue, revenue by region and the best-selling product."""
    revenue = 0.0
    by_region: dict[str, float] = {}
    by_product: dict[str, float] = {}
    for sale in sales:
        amount = sale["quantity"] * sale["unit_price"]
        revenue += amount
        by_region[sale["region"]] = by_region.get(sale["region"], 0) + amount
        by_product[sale["product"]] = by_product.get(sale["product"], 0) + amount
    top = min(by_product, key=lambda product: (-by_product[product], product), default=None)
    return {
        "rows": len(sales),
        "units": sum(sale["quantity"] for sale in sales),
        "revenue": round(revenue, 2),
        "by_region": {region: round(by_region[region], 2) for region in sorted(by_region)},
        "top_product": top,
    }


def write_summary(summary: dict[str, object], path: str | Path) -> None:
    """Write the summary as indented UTF-8 JSON with a final newline."""
    file = Path(path)
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("w", encoding="utf-8") as handle:
        json.dump(summary, handle, indent=2, ensure_ascii=False)
        handle.write("\n")


def csv_to_json(csv_path: str | Path, json_path: str | Path) -> dict[str, object]:
    """Read, summarise and write; return the summary."""
    summary = summarise(read_sales(csv_path))
    write_summary(summary, json_path)
    return summary
