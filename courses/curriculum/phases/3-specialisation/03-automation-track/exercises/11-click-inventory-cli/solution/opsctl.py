"""`opsctl`: list, check and drain the hosts of an inventory file, with meaningful exit codes."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

# Exit codes; 2 (a usage error) is click's own.
EXIT_OK, EXIT_DOWN, EXIT_INVENTORY, EXIT_UNKNOWN_HOST = 0, 1, 3, 4


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


def tcp_probe(address: str, port: int, timeout: float) -> float:  # pragma: no cover
    """Milliseconds to open a TCP connection; raises OSError when it cannot."""
    started = time.perf_counter()
    with socket.create_connection((address, port), timeout=timeout):
        return (time.perf_counter() - started) * 1000


def _host(item: Any) -> Host:
    if not isinstance(item, dict):
        raise InventoryError("each host must be an object")
    name, address, port = item.get("name"), item.get("address"), item.get("port")
    tags, drained = item.get("tags", []), item.get("drained", False)
    if not (isinstance(name, str) and name and isinstance(address, str) and address):
        raise InventoryError("a host needs a name and an address")
    if type(port) is not int or not 1 <= port <= 65535:
        raise InventoryError(f"{name}: invalid port {port!r}")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise InventoryError(f"{name}: tags must be a list of strings")
    if type(drained) is not bool:
        raise InventoryError(f"{name}: drained must be true or false")
    return Host(name, address, port, tuple(tags), drained)


def load_inventory(path: Path) -> list[Host]:
    """The hosts of an inventory file, sorted by name."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InventoryError(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("hosts"), list):
        raise InventoryError('expected {"hosts": [...]}')
    hosts = [_host(item) for item in data["hosts"]]
    names = [h.name for h in hosts]
    if len(set(names)) != len(names):
        raise InventoryError("a host name appears twice")
    return sorted(hosts, key=lambda h: h.name)


def save_inventory(path: Path, hosts: Sequence[Host]) -> None:
    """Write the inventory back, hosts sorted by name, as indented JSON."""
    data = {
        "hosts": [
            {"name": h.name, "address": h.address, "port": h.port, "tags": list(h.tags),
             "drained": h.drained}
            for h in sorted(hosts, key=lambda h: h.name)
        ]
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _selected(hosts: list[Host], tags: Sequence[str]) -> list[Host]:
    return [h for h in hosts if set(tags) <= set(h.tags)]


@click.group()
@click.option(
    "--inventory",
    envvar="OPSCTL_INVENTORY",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The inventory JSON file (or set OPSCTL_INVENTORY).",
)
@click.pass_context
def cli(ctx: click.Context, inventory: Path) -> None:
    """Look after the hosts listed in an inventory file."""
    ctx.obj = (ctx.obj, inventory)


def _load(ctx: click.Context) -> tuple[Services, Path, list[Host]]:
    services, path = ctx.obj
    try:
        return services, path, load_inventory(path)
    except InventoryError as exc:
        click.echo(f"error: {exc}", err=True)
        ctx.exit(EXIT_INVENTORY)


@cli.command("list")
@click.option("--tag", "tags", multiple=True, help="Only hosts with this tag (repeatable).")
@click.pass_context
def list_hosts(ctx: click.Context, tags: tuple[str, ...]) -> None:
    """Print the hosts, one per line."""
    _, _, hosts = _load(ctx)
    for host in _selected(hosts, tags):
        click.echo(f"{host.name} {host.address}:{host.port}" + (" drained" if host.drained else ""))


@cli.command()
@click.option("--tag", "tags", multiple=True, help="Only hosts with this tag (repeatable).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=3.0,
              show_default=True, help="Seconds per probe.")
@click.option("--include-drained", is_flag=True, help="Probe drained hosts too.")
@click.pass_context
def check(ctx: click.Context, tags: tuple[str, ...], timeout: float, include_drained: bool) -> None:
    """Probe every host; exit 1 if any is down."""
    services, _, hosts = _load(ctx)
    targets = [h for h in _selected(hosts, tags) if include_drained or not h.drained]
    down = 0
    for host in targets:
        try:
            latency = services.probe(host.address, host.port, timeout)
        except Exception as exc:  # a failed probe is a result, not a crash
            down += 1
            detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            click.echo(f"DOWN {host.name} {detail}")
        else:
            click.echo(f"UP {host.name} {round(latency)}ms")
    click.echo(f"{len(targets) - down} up, {down} down")
    ctx.exit(EXIT_DOWN if down else EXIT_OK)


@cli.command()
@click.argument("name")
@click.option("--undo", is_flag=True, help="Put the host back into service.")
@click.option("--dry-run", is_flag=True, help="Say what would change, change nothing.")
@click.pass_context
def drain(ctx: click.Context, name: str, undo: bool, dry_run: bool) -> None:
    """Take a host out of service (or back in with --undo)."""
    _, path, hosts = _load(ctx)
    host = next((h for h in hosts if h.name == name), None)
    if host is None:
        click.echo(f"error: unknown host {name!r}", err=True)
        ctx.exit(EXIT_UNKNOWN_HOST)
    verb = "undrain" if undo else "drain"
    if host.drained is not undo:
        click.echo(f"{name} is already {'in service' if undo else 'drained'}")
        return
    if dry_run:
        click.echo(f"would {verb} {name}")
        return
    updated = [Host(h.name, h.address, h.port, h.tags, not undo) if h is host else h for h in hosts]
    save_inventory(path, updated)
    click.echo(f"{verb}ed {name}")


def main() -> None:  # pragma: no cover
    cli(obj=Services(probe=tcp_probe))


if __name__ == "__main__":
    main()
