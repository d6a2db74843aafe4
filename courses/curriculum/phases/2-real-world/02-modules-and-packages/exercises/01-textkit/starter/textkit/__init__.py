"""textkit - small, dependable helpers for everyday text.

TODO: re-export the six public functions from .cleaning and .stats with relative imports,
and list their names in __all__ (see README.md).
"""

__version__ = "1.0.0"

__all__: list[str] = []
