"""Clean the raw order export of a web shop, accounting for every dropped row."""

from __future__ import annotations

import pandas as pd

COLUMNS = ["order_id", "customer_id", "country", "ordered_at", "quantity", "unit_price"]
COUNTRY_ALIASES = {"UK": "GB", "U.K.": "GB", "GREAT BRITAIN": "GB", "HOLLAND": "NL", "DEUTSCHLAND": "DE"}
REPORT_KEYS = ["missing_id", "duplicates", "bad_country", "bad_quantity", "bad_price", "bad_date"]


def clean_orders(raw: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """Return (clean orders, report). The report counts every row that was dropped, once,
    under the first rule it breaks."""
    raise NotImplementedError
