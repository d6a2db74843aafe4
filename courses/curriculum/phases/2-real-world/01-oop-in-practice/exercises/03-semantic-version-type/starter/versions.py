"""Semantic version numbers as an immutable value type that sorts the way people expect.

Read README.md for the full specification.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class Version:
    """MAJOR.MINOR.PATCH, compared as numbers; instances can never change."""

    def __init__(self, major: int, minor: int = 0, patch: int = 0) -> None:
        """Validate the three parts (ints, not bools, not negative) and store them."""
        raise NotImplementedError

    def __setattr__(self, name: str, value: Any) -> None:
        """Refuse every assignment (hint: __init__ can use object.__setattr__)."""
        raise NotImplementedError

    @property
    def major(self) -> int:
        raise NotImplementedError

    @property
    def minor(self) -> int:
        raise NotImplementedError

    @property
    def patch(self) -> int:
        raise NotImplementedError

    def __repr__(self) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        raise NotImplementedError

    def __hash__(self) -> int:
        raise NotImplementedError

    def __lt__(self, other: object) -> bool:
        raise NotImplementedError

    def bump(self, part: str) -> Version:
        """The next version after raising `part`; the parts after it go back to zero."""
        raise NotImplementedError

    def is_compatible_with(self, other: Version) -> bool:
        """Whether this version can replace `other` without breaking its users."""
        raise NotImplementedError


def parse_version(text: str) -> Version:
    """'1.4.2' or 'v1.4.2' (surrounding whitespace ignored) as a Version."""
    raise NotImplementedError


def release_order(tags: Iterable[str]) -> list[Version]:
    """The distinct versions among `tags`, oldest first; tags that are not versions are skipped."""
    raise NotImplementedError


def latest(tags: Iterable[str]) -> Version | None:
    """The newest version among `tags`, or None when none of them is a version."""
    raise NotImplementedError
