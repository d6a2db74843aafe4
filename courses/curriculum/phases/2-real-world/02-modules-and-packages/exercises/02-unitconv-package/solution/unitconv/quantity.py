"""A number with a unit, and reading one from text."""

import re
from dataclasses import dataclass

from .errors import UnitError
from .units import dimension_of

_QUANTITY = re.compile(r"\s*([+-]?[0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]+)\s*")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str


def parse_quantity(text: str) -> Quantity:
    """'12.5 km' or '3kg' as a Quantity; the unit must be known."""
    match = _QUANTITY.fullmatch(text)
    if match is None:
        raise UnitError(f"expected '<number> <unit>', got {text!r}")
    number, unit = match.groups()
    dimension_of(unit)  # raises UnknownUnit for a unit nobody registered
    return Quantity(float(number), unit)
