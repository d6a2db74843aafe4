"""The unit registry, assembled from one module per dimension.

TODO: import the exceptions from the parent package (`from ..errors import ...`) and the
three tables from the modules next to this file, then build REGISTRY.
"""

REGISTRY: dict[str, dict[str, float]] = {}


def dimension_of(unit: str) -> str:
    """'km' -> 'length'; an unknown unit raises UnknownUnit."""
    raise NotImplementedError


def factor(unit: str) -> float:
    """How many base units one `unit` is (1000 for 'km')."""
    raise NotImplementedError


def unit_names(dimension: str | None = None) -> list[str]:
    """Every known unit name, sorted; only one dimension's when it is given."""
    raise NotImplementedError
