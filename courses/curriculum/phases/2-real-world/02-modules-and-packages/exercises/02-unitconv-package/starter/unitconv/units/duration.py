"""Durations, in seconds."""
DURATION: dict[str, float] = {}
