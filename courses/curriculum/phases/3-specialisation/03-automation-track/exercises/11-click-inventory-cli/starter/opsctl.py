"""`opsctl`: list, check and drain the hosts of an inventory file, with meaningful exit codes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import click


class InventoryError(Exception):
    """The inventory file is missing or does not have the expected shape."""


@dataclass(frozen=True)
class Host:
    name: str
    address: str
    port: int
    tags: tuple[str, ...] = ()
    drained: bool = False


@dataclass(frozen=True)
class Services:
    """What the commands need from the outside world, passed as click's `obj`."""

    probe: Callable[[str, int, float], float]


def load_inventory(path: Path) -> list[Host]:
    """The hosts of an inventory file, sorted by name."""
    raise NotImplementedError


def save_inventory(path: Path, hosts: Sequence[Host]) -> None:
    """Write the inventory back, hosts sorted by name, as indented JSON."""
    raise NotImplementedError


@click.group()
def cli() -> None:
    """Look after the hosts listed in an inventory file."""
