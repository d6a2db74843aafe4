"""Typed, validated settings read from environment variables (APP_*)."""

from collections.abc import Mapping
from dataclasses import dataclass


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


def load_settings(env: Mapping[str, str]) -> Settings:
    """Read every APP_* variable, or raise ConfigError naming every problem."""
    raise NotImplementedError


def settings_from_environ() -> Settings:
    """The settings of this process."""
    raise NotImplementedError
