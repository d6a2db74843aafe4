"""A number with a unit, and reading one from text.

TODO: import what you need from the sibling modules with relative imports.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str


def parse_quantity(text: str) -> Quantity:
    """'12.5 km' or '3kg' as a Quantity; the unit must be known."""
    raise NotImplementedError
