"""The two unit systems: binary (powers of 1024) and decimal (powers of 1000)."""

from __future__ import annotations

BINARY_UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")
DECIMAL_UNITS = ("B", "kB", "MB", "GB", "TB", "PB")


def unit_system(binary: bool) -> tuple[int, tuple[str, ...]]:
    """The base and the unit names, smallest first, of one system."""
    if binary:
        return 1024, BINARY_UNITS
    return 1000, DECIMAL_UNITS


def multiplier(unit: str) -> int:
    """How many bytes one `unit` is: multiplier("KiB") == 1024, multiplier("MB") == 10**6.

    Unit names are case-sensitive; an unknown name raises ValueError.
    """
    for base, units in (unit_system(True), unit_system(False)):
        if unit in units:
            return base ** units.index(unit)
    raise ValueError(f"unknown unit {unit!r}")
