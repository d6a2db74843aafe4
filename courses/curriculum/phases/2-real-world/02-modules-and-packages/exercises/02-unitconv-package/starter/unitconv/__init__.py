"""unitconv - convert lengths, masses and durations between units.

TODO: re-export the public names with relative imports and list them in __all__
(see README.md).
"""

__version__ = "0.2.0"

__all__: list[str] = []
