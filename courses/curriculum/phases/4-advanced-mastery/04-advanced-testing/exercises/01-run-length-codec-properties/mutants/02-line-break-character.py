"""Run-length encoding for a log shipper: "aaab" <-> "3:a1:b".

An encoded string is a sequence of groups "<count>:<char>": the count is one or more ASCII
digits, then comes a colon, then exactly one character - any character, a digit, a colon
or a line break included.
"""

from __future__ import annotations

import re

_GROUP = re.compile(r"(\d+):(.)", re.ASCII)
_ENCODED = re.compile(r"(?:\d+:.)*", re.ASCII)


def runs(text: str) -> list[tuple[str, int]]:
    """Split `text` into its maximal runs of one character, in order.

    runs("aaab") == [("a", 3), ("b", 1)]; runs("") == [].
    """
    result: list[tuple[str, int]] = []
    for char in text:
        if result and result[-1][0] == char:
            result[-1] = (char, result[-1][1] + 1)
        else:
            result.append((char, 1))
    return result


def _join(groups: list[tuple[str, int]]) -> str:
    return "".join(f"{count}:{char}" for char, count in groups)


def encode(text: str) -> str:
    """One "<count>:<char>" group per run of `text`: encode("aaab") == "3:a1:b"."""
    return _join(runs(text))


def _groups(data: str) -> list[tuple[str, int]]:
    """Parse an encoded string into (char, count) pairs; ValueError if it is malformed."""
    if not _ENCODED.fullmatch(data):
        raise ValueError("expected a sequence of '<count>:<char>' groups")
    return [(char, int(digits)) for digits, char in _GROUP.findall(data)]


def decode(data: str) -> str:
    """The text `data` encodes: decode("3:a1:b") == "aaab".

    Groups need not be canonical: "0:x" stands for nothing, "2:a1:a" for "aaa" and "007:z"
    for seven z. Anything that is not a sequence of groups raises ValueError.
    """
    return "".join(char * count for char, count in _groups(data))


def compact(data: str) -> str:
    """The canonical encoding of the text `data` encodes.

    Zero-count groups are dropped, neighbouring groups of one character are merged and
    counts lose their leading zeros: compact("2:a0:b03:a") == "5:a".
    ValueError if `data` is malformed.
    """
    merged: list[tuple[str, int]] = []
    for char, count in _groups(data):
        if count == 0:
            continue
        if merged and merged[-1][0] == char:
            merged[-1] = (char, merged[-1][1] + count)
        else:
            merged.append((char, count))
    return _join(merged)


def longest_runs(text: str, k: int) -> list[tuple[str, int]]:
    """The `k` longest runs of `text`, longest first.

    Runs of equal length keep the order in which they appear in `text`. A `k` larger than
    the number of runs returns them all; k == 0 returns []; a negative k raises ValueError.
    """
    if k < 0:
        raise ValueError("k must be 0 or more")
    ranked = sorted(runs(text), key=lambda run: run[1], reverse=True)
    return ranked[:k]
