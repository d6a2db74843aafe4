"""Typed, validated settings read from environment variables (APP_*)."""

import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

PREFIX = "APP_"
DIGITS = re.compile(r"[0-9]+")
BOOLEANS = {"1": True, "true": True, "yes": True, "on": True,
            "0": False, "false": False, "no": False, "off": False}
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


@dataclass(frozen=True)
class Settings:
    database_url: str
    port: int = 8000
    debug: bool = False
    workers: int = 2
    timeout: float = 5.0
    allowed_hosts: tuple[str, ...] = ("localhost",)
    log_level: str = "INFO"


class ConfigError(ValueError):
    """Every problem found in the environment: variable name -> missing, invalid or unknown."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__(", ".join(f"{name}: {problem}" for name, problem in problems.items()))


def _whole(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if not DIGITS.fullmatch(text) or not low <= int(text) <= high:
            raise ValueError
        return int(text)

    return parse


def _boolean(text: str) -> bool:
    return BOOLEANS[text.lower()]


def _seconds(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or value <= 0:
        raise ValueError
    return value


def _hosts(text: str) -> tuple[str, ...]:
    hosts = tuple(dict.fromkeys(h.strip().lower() for h in text.split(",") if h.strip()))
    if not hosts:
        raise ValueError
    return hosts


def _level(text: str) -> str:
    if text.upper() not in LEVELS:
        raise ValueError
    return text.upper()


PARSERS: dict[str, Callable[[str], Any]] = {
    "database_url": str,
    "port": _whole(1, 65535),
    "debug": _boolean,
    "workers": _whole(1, 32),
    "timeout": _seconds,
    "allowed_hosts": _hosts,
    "log_level": _level,
}

KNOWN = {PREFIX + name.upper() for name in PARSERS}


def load_settings(env: Mapping[str, str]) -> Settings:
    """Read every APP_* variable, or raise ConfigError naming every problem."""
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for field in fields(Settings):
        name = PREFIX + field.name.upper()
        text = env.get(name, "").strip()
        if not text:
            if field.name == "database_url":
                problems[name] = "missing"
            continue
        try:
            values[field.name] = PARSERS[field.name](text)
        except (KeyError, ValueError):
            problems[name] = "invalid"
    for name in sorted(env):
        if name.startswith(PREFIX) and name not in KNOWN:
            problems[name] = "unknown"
    if problems:
        raise ConfigError(problems)
    return Settings(**values)


def settings_from_environ() -> Settings:
    """The settings of this process."""
    return load_settings(os.environ)
