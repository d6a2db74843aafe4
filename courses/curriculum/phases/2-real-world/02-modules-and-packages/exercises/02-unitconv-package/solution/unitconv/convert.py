"""Converting a quantity to another unit of the same dimension."""

from .errors import IncompatibleUnits
from .quantity import Quantity, parse_quantity
from .units import dimension_of, factor


def convert(quantity: Quantity | str, to_unit: str) -> Quantity:
    """The same amount expressed in `to_unit`; text is parsed first."""
    if isinstance(quantity, str):
        quantity = parse_quantity(quantity)
    source, target = dimension_of(quantity.unit), dimension_of(to_unit)
    if source != target:
        raise IncompatibleUnits(f"cannot convert {source} ({quantity.unit}) to {target} ({to_unit})")
    value = quantity.value * factor(quantity.unit) / factor(to_unit)
    return Quantity(value, to_unit)
