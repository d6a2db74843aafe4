"""Converting a quantity to another unit of the same dimension."""

from .quantity import Quantity


def convert(quantity: Quantity | str, to_unit: str) -> Quantity:
    """The same amount expressed in `to_unit`; text is parsed first."""
    raise NotImplementedError
