"""Helpers for an events app that take any number of arguments."""

from collections.abc import Callable

LEVELS = ("debug", "info", "warning", "error")


def total(*amounts: float, discount: float = 0.0) -> float:
    """Add up the amounts and take off the discount fraction, rounded to cents."""
    if not 0 <= discount <= 1:
        raise ValueError(f"discount must be between 0 and 1, got {discount}")
    return float(round(sum(amounts) * (1 - discount), 2))


def join_names(*names: str, sep: str = ", ", last_sep: str = " and ") -> str:
    """Join names like 'Ada, Bo and Cy', skipping blank ones."""
    cleaned = [name.strip() for name in names if name.strip()]
    if not cleaned:
        return ""
    if len(cleaned) == 1:
        return cleaned[0]
    return sep.join(cleaned[:-1]) + last_sep + cleaned[-1]


def log_line(level: str, *parts: object, sep: str = " ", **fields: object) -> str:
    """One log line: '[LEVEL] message | key=value ...'."""
    if level.lower() not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
    pieces = [f"[{level.upper()}]"]
    if parts:
        pieces.append(sep.join(str(part) for part in parts))
    if fields:
        pieces.append("|")
        pieces.extend(f"{key}={fields[key]}" for key in sorted(fields))
    return " ".join(pieces)


def apply_all(value: object, *functions: Callable[[object], object]) -> object:
    """Pass `value` through each function in turn and return the result."""
    for function in functions:
        value = function(value)
    return value
