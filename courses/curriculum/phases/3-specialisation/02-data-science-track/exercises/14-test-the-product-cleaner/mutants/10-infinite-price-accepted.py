"""Cleaning helpers for a supplier's product feed (the module your tests are for)."""

from __future__ import annotations

import math
import re

import pandas as pd

ALIASES = {"UK": "GB", "U.K.": "GB", "GREAT BRITAIN": "GB", "HOLLAND": "NL"}


def parse_price(text: str | None) -> float | None:
    """'€1,299.50' -> 1299.5. None or blank -> None. Not a finite number >= 0 -> ValueError."""
    if text is None:
        return None
    cleaned = text.strip().removeprefix("€").replace(",", "").strip()
    if not cleaned:
        return None
    value = float(cleaned)
    if value < 0:
        raise ValueError(f"not a valid price: {text!r}")
    return round(value, 2)


def normalise_country(text: str | None) -> str | None:
    """' u.k. ' -> 'GB', 'de' -> 'DE'; anything that is not two letters afterwards -> None."""
    if text is None:
        return None
    code = text.strip().upper()
    code = ALIASES.get(code, code)
    return code if re.fullmatch(r"[A-Z]{2}", code) else None


def latest_per_key(frame: pd.DataFrame, key: str, at: str) -> pd.DataFrame:
    """For each value of `key`, the row with the latest `at`; on a tie the row that comes
    later in `frame` wins. Sorted by `key`, index 0..n-1."""
    ordered = frame.sort_values(at, kind="stable")
    latest = ordered.drop_duplicates(subset=key, keep="last")
    return latest.sort_values(key).reset_index(drop=True)


def clean_products(raw: pd.DataFrame) -> pd.DataFrame:
    """Parse prices, normalise countries, drop rows without a usable price, keep the latest
    row per sku."""
    prices = []
    for text in raw["price"]:
        try:
            prices.append(parse_price(text if isinstance(text, str) else None))
        except ValueError:
            prices.append(None)
    countries = [normalise_country(c if isinstance(c, str) else None) for c in raw["country"]]
    frame = raw.assign(
        price=pd.Series(prices, index=raw.index, dtype="float64"),
        country=pd.Series(countries, index=raw.index, dtype="object"),
    )
    frame = frame[frame["price"].notna()]
    return latest_per_key(frame, "sku", "updated_at")
