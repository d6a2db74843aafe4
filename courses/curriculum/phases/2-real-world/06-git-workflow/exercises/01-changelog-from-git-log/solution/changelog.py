"""Turn `git log` output into a changelog and the next semantic version."""

import re
from dataclasses import dataclass

HEADER = re.compile(r"([A-Za-z]+)(?:\(([^()\s]+)\))?(!?): (.+)")
VERSION = re.compile(r"(v?)(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
FOOTERS = ("BREAKING CHANGE:", "BREAKING-CHANGE:")
TITLES: dict[str | None, str] = {"feat": "Features", "fix": "Bug fixes", "perf": "Performance"}
BREAKING, OTHER = "Breaking changes", "Other changes"


@dataclass(frozen=True)
class Commit:
    hash: str
    type: str | None
    scope: str | None
    description: str
    breaking: bool


def parse_commit(hash_: str, subject: str, body: list[str]) -> Commit:
    """One commit from its hash, subject line and body lines."""
    subject = subject.strip()
    breaking = any(line.startswith(FOOTERS) for line in body)
    match = HEADER.fullmatch(subject)
    if match is None:
        return Commit(hash_.strip(), None, None, subject, breaking)
    type_, scope, bang, text = match.groups()
    return Commit(hash_.strip(), type_.lower(), scope, text.strip(), breaking or bool(bang))


def parse_log(text: str) -> list[Commit]:
    """The commits of `git log --format='---%n%h%n%B'` output, newest first, without merges."""
    records: list[list[str]] = []
    for line in text.splitlines():
        if line == "---":
            records.append([])
        elif records:
            records[-1].append(line)
    commits = []
    for lines in records:
        if len(lines) < 2 or not lines[0].strip() or not lines[1].strip():
            raise ValueError(f"a commit record needs a hash and a subject: {lines!r}")
        hash_, subject, *body = lines
        if not subject.startswith("Merge "):
            commits.append(parse_commit(hash_, subject, body))
    return commits


def next_version(current: str, commits: list[Commit]) -> str:
    """The semantic version after `current` that these commits call for."""
    match = VERSION.fullmatch(current)
    if match is None:
        raise ValueError(f"not a semantic version: {current!r}")
    prefix, *numbers = match.groups()
    major, minor, patch = map(int, numbers)
    types = {commit.type for commit in commits}
    if any(commit.breaking for commit in commits):
        if major == 0:
            minor, patch = minor + 1, 0
        else:
            major, minor, patch = major + 1, 0, 0
    elif "feat" in types:
        minor, patch = minor + 1, 0
    elif "fix" in types or "perf" in types:
        patch += 1
    return f"{prefix}{major}.{minor}.{patch}"


def _item(commit: Commit) -> str:
    scope = f"**{commit.scope}:** " if commit.scope else ""
    return f"- {scope}{commit.description} ({commit.hash[:7]})"


def render_changelog(version: str, date: str, commits: list[Commit]) -> str:
    """A Markdown section for one release; commits come newest first, items are oldest first."""
    sections: dict[str, list[str]] = {t: [] for t in (BREAKING, *TITLES.values(), OTHER)}
    for commit in reversed(commits):
        title = BREAKING if commit.breaking else TITLES.get(commit.type, OTHER)
        sections[title].append(_item(commit))
    lines = [f"## {version} ({date})", ""]
    for title, items in sections.items():
        if items:
            lines += [f"### {title}", "", *items, ""]
    if not commits:
        lines += ["No changes.", ""]
    return "\n".join(lines)
