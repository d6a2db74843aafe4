"""unitconv - convert lengths, masses and durations between units."""

from .convert import convert
from .errors import IncompatibleUnits, UnitError, UnknownUnit
from .quantity import Quantity, parse_quantity

__version__ = "0.2.0"

__all__ = [
    "IncompatibleUnits",
    "Quantity",
    "UnitError",
    "UnknownUnit",
    "convert",
    "parse_quantity",
]
