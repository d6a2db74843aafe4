"""Leaderboards, file listings and version numbers: sorting with key functions."""

from collections.abc import Callable
from pathlib import Path

Player = tuple[str, int, float]
File = tuple[str, int]

FILE_KEYS: dict[str, Callable[[File], tuple[object, ...]]] = {
    "name": lambda file: (file[0].lower(), file[0]),
    "size": lambda file: (file[1], file[0].lower(), file[0]),
    "extension": lambda file: (Path(file[0]).suffix.lower(), file[0].lower(), file[0]),
}


def rank_players(players: list[Player]) -> list[Player]:
    """Best first: higher score, then less time, then name (ignoring case, then exact)."""
    return sorted(players, key=lambda player: (-player[1], player[2], player[0].lower(), player[0]))


def top_names(players: list[Player], n: int) -> list[str]:
    """The names of the first `n` ranked players."""
    if n < 0:
        raise ValueError(f"n must not be negative, got {n}")
    return [player[0] for player in rank_players(players)[:n]]


def extremes(players: list[Player]) -> tuple[str, str]:
    """(name with the highest score, name with the lowest score); ties go to the first."""
    best = max(players, key=lambda player: player[1])  # max() of nothing is a ValueError
    worst = min(players, key=lambda player: player[1])
    return best[0], worst[0]


def sort_files(files: list[File], by: str = "name", *, descending: bool = False) -> list[File]:
    """Files sorted by name, size or extension."""
    if by not in FILE_KEYS:
        raise ValueError(f"by must be one of {sorted(FILE_KEYS)}, got {by!r}")
    return sorted(files, key=FILE_KEYS[by], reverse=descending)


def sort_versions(versions: list[str]) -> list[str]:
    """Version strings in numeric order, part by part."""
    return sorted(versions, key=lambda version: tuple(int(part) for part in version.split(".")))
