"""Masses, in kilograms."""
MASS: dict[str, float] = {}
