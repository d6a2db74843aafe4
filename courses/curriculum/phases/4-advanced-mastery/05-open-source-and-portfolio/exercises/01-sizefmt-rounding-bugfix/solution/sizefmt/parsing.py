"""Text to bytes: parse_size("1.5 KiB") == 1536."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from sizefmt.units import multiplier

_SIZE = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*")


def parse_size(text: str) -> int:
    """The number of bytes `text` describes, rounded half up to a whole byte.

    A number, optional spaces, and a unit of either system (case-sensitive; no unit means
    bytes): "1.5 KiB" -> 1536, "2MB" -> 2000000, "-3 kB" -> -3000, "10" -> 10.
    Anything else raises ValueError.
    """
    match = _SIZE.fullmatch(text)
    if match is None:
        raise ValueError(f"not a size: {text!r}")
    number, unit = match.groups()
    size = Decimal(number) * multiplier(unit or "B")
    return int(size.to_integral_value(rounding=ROUND_HALF_UP))
