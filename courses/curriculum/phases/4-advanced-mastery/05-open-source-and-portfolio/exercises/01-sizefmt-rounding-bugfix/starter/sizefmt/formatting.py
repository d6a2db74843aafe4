"""Bytes to text: format_size(1536) == "1.5 KiB"."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from sizefmt.units import unit_system

MAX_PRECISION = 3


def _round(amount: Decimal, precision: int) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-precision), rounding=ROUND_HALF_UP)


def format_size(num_bytes: int, *, binary: bool = True, precision: int = 1) -> str:
    """`num_bytes` in the largest unit that keeps the shown number below the base.

    Sizes below one kilo-unit are whole bytes ("512 B"); larger ones are rounded half up to
    `precision` decimal places (0 to 3). Negative sizes keep their sign.
    """
    if isinstance(num_bytes, bool) or not isinstance(num_bytes, int):
        raise TypeError(f"num_bytes must be an int, not {type(num_bytes).__name__}")
    if isinstance(precision, bool) or not isinstance(precision, int):
        raise TypeError("precision must be an int")
    if not 0 <= precision <= MAX_PRECISION:
        raise ValueError(f"precision must be between 0 and {MAX_PRECISION}")
    base, units = unit_system(binary)
    sign = "-" if num_bytes < 0 else ""
    amount = Decimal(abs(num_bytes))
    if amount < base:
        return f"{sign}{amount} {units[0]}"
    exponent = 0
    while amount >= base and exponent < len(units) - 1:
        amount /= base
        exponent += 1
    shown = _round(amount, precision)
    return f"{sign}{shown} {units[exponent]}"
