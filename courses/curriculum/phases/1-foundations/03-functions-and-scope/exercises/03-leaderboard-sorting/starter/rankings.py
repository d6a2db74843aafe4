"""Leaderboards, file listings and version numbers: sorting with key functions."""

Player = tuple[str, int, float]
File = tuple[str, int]


def rank_players(players: list[Player]) -> list[Player]:
    """Best first: higher score, then less time, then name (ignoring case, then exact)."""
    raise NotImplementedError


def top_names(players: list[Player], n: int) -> list[str]:
    """The names of the first `n` ranked players; a negative n raises ValueError."""
    raise NotImplementedError


def extremes(players: list[Player]) -> tuple[str, str]:
    """(name with the highest score, name with the lowest score); ties go to the first."""
    raise NotImplementedError


def sort_files(files: list[File], by: str = "name", *, descending: bool = False) -> list[File]:
    """Files sorted by 'name', 'size' or 'extension'; anything else raises ValueError."""
    raise NotImplementedError


def sort_versions(versions: list[str]) -> list[str]:
    """Version strings in numeric order, part by part ('1.9' < '1.9.2' < '1.10')."""
    raise NotImplementedError
