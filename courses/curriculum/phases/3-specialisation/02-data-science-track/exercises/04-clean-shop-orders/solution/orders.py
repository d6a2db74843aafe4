"""Clean the raw order export of a web shop, accounting for every dropped row."""

from __future__ import annotations

import numpy as np
import pandas as pd

COLUMNS = ["order_id", "customer_id", "country", "ordered_at", "quantity", "unit_price"]
COUNTRY_ALIASES = {"UK": "GB", "U.K.": "GB", "GREAT BRITAIN": "GB", "HOLLAND": "NL", "DEUTSCHLAND": "DE"}
REPORT_KEYS = ["missing_id", "duplicates", "bad_country", "bad_quantity", "bad_price", "bad_date"]


def clean_orders(raw: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """Return (clean orders, report). The report counts every row that was dropped, once,
    under the first rule it breaks."""
    df = raw[COLUMNS].apply(lambda column: column.str.strip())
    df = df.mask(df == "")

    country = df["country"].str.upper().replace(COUNTRY_ALIASES)
    quantity = pd.to_numeric(df["quantity"].where(df["quantity"].str.fullmatch(r"\d+")))
    price = pd.to_numeric(df["unit_price"].str.removeprefix("€").str.replace(",", ""), errors="coerce")
    ordered_at = pd.to_datetime(df["ordered_at"], format="%Y-%m-%d", errors="coerce")

    failures = {
        "missing_id": df["order_id"].isna(),
        "duplicates": df["order_id"].notna() & df["order_id"].duplicated(keep="first"),
        "bad_country": ~country.str.fullmatch(r"[A-Z]{2}"),
        "bad_quantity": ~(quantity >= 1),
        "bad_price": ~(np.isfinite(price) & (price > 0)),
        "bad_date": ordered_at.isna(),
    }
    dropped = pd.Series(False, index=df.index)
    report = {"rows_in": len(df)}
    for name in REPORT_KEYS:
        new = failures[name] & ~dropped
        report[name] = int(new.sum())
        dropped |= new
    report["rows_out"] = int((~dropped).sum())

    keep = ~dropped
    clean = pd.DataFrame(
        {
            "order_id": df["order_id"][keep],
            "customer_id": df["customer_id"][keep],
            "country": country[keep],
            "ordered_at": ordered_at[keep].astype("datetime64[us]"),
            "quantity": quantity[keep].astype("int64"),
            "unit_price": price[keep].astype("float64"),
        }
    )
    clean["revenue"] = (clean["quantity"] * clean["unit_price"]).round(2)
    clean = clean.sort_values(["ordered_at", "order_id"])
    return clean.reset_index(drop=True), report
