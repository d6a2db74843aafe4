"""Turn `git log` output into a changelog and the next semantic version."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Commit:
    hash: str
    type: str | None
    scope: str | None
    description: str
    breaking: bool


def parse_commit(hash_: str, subject: str, body: list[str]) -> Commit:
    """One commit from its hash, subject line and body lines (see the README)."""
    raise NotImplementedError


def parse_log(text: str) -> list[Commit]:
    """The commits of `git log --format='---%n%h%n%B'` output, newest first, without merges."""
    raise NotImplementedError


def next_version(current: str, commits: list[Commit]) -> str:
    """The semantic version after `current` that these commits call for."""
    raise NotImplementedError


def render_changelog(version: str, date: str, commits: list[Commit]) -> str:
    """A Markdown section for one release; commits come newest first, items are oldest first."""
    raise NotImplementedError

