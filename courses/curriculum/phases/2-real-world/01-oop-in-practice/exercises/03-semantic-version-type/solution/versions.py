"""Semantic version numbers as an immutable value type that sorts the way people expect."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_VERSION = re.compile(r"[vV]?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")


class Version:
    """MAJOR.MINOR.PATCH, compared as numbers; instances can never change."""

    __slots__ = ("_parts",)

    def __init__(self, major: int, minor: int = 0, patch: int = 0) -> None:
        parts = (major, minor, patch)
        for value in parts:
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"version parts must be ints, not {value!r}")
            if value < 0:
                raise ValueError(f"version parts cannot be negative, got {value}")
        object.__setattr__(self, "_parts", parts)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Version is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Version is immutable: cannot delete {name!r}")

    @property
    def major(self) -> int:
        return self._parts[0]

    @property
    def minor(self) -> int:
        return self._parts[1]

    @property
    def patch(self) -> int:
        return self._parts[2]

    def __repr__(self) -> str:
        return f"Version({self._parts[0]}, {self._parts[1]}, {self._parts[2]})"

    def __str__(self) -> str:
        return ".".join(str(part) for part in self._parts)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._parts == other._parts

    def __hash__(self) -> int:
        return hash(self._parts)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._parts < other._parts

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._parts <= other._parts

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._parts > other._parts

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._parts >= other._parts

    def bump(self, part: str) -> Version:
        """The next version after raising `part`; the parts after it go back to zero."""
        major, minor, patch = self._parts
        if part == "major":
            return Version(major + 1)
        if part == "minor":
            return Version(major, minor + 1)
        if part == "patch":
            return Version(major, minor, patch + 1)
        raise ValueError(f"part must be 'major', 'minor' or 'patch', not {part!r}")

    def is_compatible_with(self, other: Version) -> bool:
        """Whether this version can replace `other` without breaking its users."""
        if not isinstance(other, Version):
            raise TypeError("can only compare compatibility with another Version")
        if self.major != other.major or self < other:
            return False
        return self.major > 0 or self.minor == other.minor


def parse_version(text: str) -> Version:
    """'1.4.2' or 'v1.4.2' (surrounding whitespace ignored) as a Version."""
    if not isinstance(text, str):
        raise TypeError(f"expected a str, not {text!r}")
    match = _VERSION.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not a version: {text!r}")
    return Version(*(int(group) for group in match.groups()))


def release_order(tags: Iterable[str]) -> list[Version]:
    """The distinct versions among `tags`, oldest first; tags that are not versions are skipped."""
    found: set[Version] = set()
    for tag in tags:
        try:
            found.add(parse_version(tag))
        except ValueError:
            continue
    return sorted(found)


def latest(tags: Iterable[str]) -> Version | None:
    """The newest version among `tags`, or None when none of them is a version."""
    ordered = release_order(tags)
    return ordered[-1] if ordered else None
