"""The unit registry, assembled from one module per dimension."""

from ..errors import UnitError, UnknownUnit
from .duration import DURATION
from .length import LENGTH
from .mass import MASS

# dimension -> {unit: size of one unit in the dimension's base unit}
REGISTRY: dict[str, dict[str, float]] = {"length": LENGTH, "mass": MASS, "time": DURATION}


def dimension_of(unit: str) -> str:
    """'km' -> 'length'; an unknown unit raises UnknownUnit."""
    for dimension, units in REGISTRY.items():
        if unit in units:
            return dimension
    raise UnknownUnit(f"unknown unit {unit!r}")


def factor(unit: str) -> float:
    """How many base units one `unit` is (1000 for 'km')."""
    return REGISTRY[dimension_of(unit)][unit]


def unit_names(dimension: str | None = None) -> list[str]:
    """Every known unit name, sorted; only one dimension's when it is given."""
    if dimension is None:
        return sorted(unit for units in REGISTRY.values() for unit in units)
    if dimension not in REGISTRY:
        raise UnitError(f"unknown dimension {dimension!r}")
    return sorted(REGISTRY[dimension])
