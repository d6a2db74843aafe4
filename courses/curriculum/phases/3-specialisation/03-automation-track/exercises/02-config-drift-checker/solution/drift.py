"""Compare host configurations with a baseline and report drift without leaking secrets."""

from __future__ import annotations

import configparser
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

MASK = "***"
DEFAULT_SECRETS = ("*password*", "*secret*", "*token*")
_SUFFIXES = {".ini": "ini", ".cfg": "ini", ".json": "json"}


@dataclass(frozen=True)
class Drift:
    key: str
    kind: str
    expected: str | None
    actual: str | None


@dataclass(frozen=True)
class HostReport:
    host: str
    drifts: list[Drift]
    error: str | None = None


def _parse_ini(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        raise ValueError(f"invalid INI: {exc}") from exc
    return {
        f"{section}.{option}": value
        for section in parser.sections()
        for option, value in parser.items(section)
    }


def _flatten(data: Mapping[str, object], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in data.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{dotted}."))
        elif isinstance(value, str):
            flat[dotted] = value
        else:
            flat[dotted] = json.dumps(value, sort_keys=True)
    return flat


def parse_config(text: str, fmt: str) -> dict[str, str]:
    """Parse INI or JSON text into a flat {dotted.key: str} dictionary."""
    if fmt == "ini":
        return _parse_ini(text)
    if fmt == "json":
        data = json.loads(text)  # JSONDecodeError is a ValueError
        if not isinstance(data, dict):
            raise ValueError("a JSON configuration must be an object at the top level")
        return _flatten(data)
    raise ValueError(f"unknown configuration format {fmt!r}")


def load_config(path: Path) -> dict[str, str]:
    """Read a .ini/.cfg/.json file and parse it by suffix."""
    fmt = _SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"cannot tell the format of {path.name}")
    return parse_config(path.read_text(encoding="utf-8"), fmt)


def _matches(key: str, patterns: Sequence[str]) -> bool:
    return any(fnmatchcase(key, pattern) for pattern in patterns)


def diff_configs(
    expected: Mapping[str, str],
    actual: Mapping[str, str],
    *,
    ignore: Iterable[str] = (),
    secrets: Iterable[str] = DEFAULT_SECRETS,
) -> list[Drift]:
    """Differences between two flat configurations, sorted by key, secrets masked."""
    ignored, secret = tuple(ignore), tuple(secrets)
    drifts: list[Drift] = []
    for key in sorted(set(expected) | set(actual)):
        if _matches(key, ignored):
            continue
        want, have = expected.get(key), actual.get(key)
        if want == have:
            continue
        kind = "missing" if have is None else "unexpected" if want is None else "changed"
        if _matches(key.lower(), secret):
            want = None if want is None else MASK
            have = None if have is None else MASK
        drifts.append(Drift(key, kind, want, have))
    return drifts


def check_fleet(
    baseline: Mapping[str, str],
    hosts: Sequence[str],
    fetch: Callable[[str], Mapping[str, str]],
    *,
    ignore: Iterable[str] = (),
) -> list[HostReport]:
    """Diff every host's configuration against the baseline; record fetch errors."""
    ignored = tuple(ignore)
    reports: list[HostReport] = []
    for host in hosts:
        try:
            actual = fetch(host)
        except Exception as exc:  # one unreachable host must not hide the others
            reports.append(HostReport(host, [], error=f"{type(exc).__name__}: {exc}"))
            continue
        reports.append(HostReport(host, diff_configs(baseline, actual, ignore=ignored)))
    return reports
