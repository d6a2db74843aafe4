"""Lengths, in metres."""
LENGTH: dict[str, float] = {}
