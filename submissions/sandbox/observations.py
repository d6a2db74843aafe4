"""Compare what a hidden check observed with what the reference solution observed.

Runs on the trusted side. The expected records come from the answer key (recorded from the
reference solution by `sync_curriculum`); the actual records come from the learner's run and
may be anything at all. The format is written by ``inside/apprentice_observe.py``.

Rules: the same number of records in the same order; every record equal by type and value.
Floats match within the *reference's* tolerance (a learner's run cannot widen it); dicts
match regardless of key order, as Python's ``==`` does; everything else matches exactly.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_DEPTH = 64


def _key(encoded: Any) -> str:
    return json.dumps(encoded, sort_keys=True, separators=(",", ":"))


def _float(text: Any) -> float | None:
    if not isinstance(text, str):
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _same(expected: Any, actual: Any, tol: tuple[float, float], depth: int) -> bool:
    if depth > MAX_DEPTH:
        return False
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return False
        if expected and expected[0] == "float" and len(expected) == 2:
            if actual[0] != "float":
                return False
            want, got = _float(expected[1]), _float(actual[1])
            if want is None or got is None:
                return False
            if math.isnan(want) or math.isnan(got):
                return math.isnan(want) and math.isnan(got)
            if math.isinf(want) or math.isinf(got):
                return want == got
            return math.isclose(want, got, rel_tol=tol[0], abs_tol=tol[1])
        if expected and expected[0] == "dict" and len(expected) == 2:
            pairs_e, pairs_a = expected[1], actual[1]
            if actual[0] != "dict" or not isinstance(pairs_a, list):
                return False
            if len(pairs_e) != len(pairs_a):
                return False
            try:
                by_key = {_key(p[0]): p[1] for p in pairs_a}
            except (TypeError, IndexError, ValueError):
                return False
            if len(by_key) != len(pairs_a):
                return False
            return all(
                _key(k) in by_key and _same(v, by_key[_key(k)], tol, depth + 1) for k, v in pairs_e
            )
        return all(_same(e, a, tol, depth + 1) for e, a in zip(expected, actual, strict=True))
    # Scalars inside the encoding (tags, strings, lengths, digests): exact, same JSON type.
    return type(expected) is type(actual) and expected == actual


def _tolerance(record: dict[str, Any]) -> tuple[float, float]:
    tol = record.get("tol")
    if isinstance(tol, list) and len(tol) == 2 and all(type(t) is float for t in tol):
        return float(tol[0]), float(tol[1])
    from .inside.apprentice_observe import DEFAULT_TOLERANCE

    return DEFAULT_TOLERANCE


def records_match(expected: list[dict[str, Any]], actual: list[Any]) -> bool:
    """True when the learner's records equal the reference's, one by one."""
    if not isinstance(actual, list) or len(actual) != len(expected):
        return False
    for want, got in zip(expected, actual, strict=True):
        if not isinstance(got, dict) or "v" not in got:
            return False
        if not _same(want["v"], got["v"], _tolerance(want), 0):
            return False
    return True


def informative(record: dict[str, Any]) -> bool:
    """Whether a record carries a value a learner could not guess from its type alone:
    not a bool, None, an exception's type or 'returned'. Each check needs one."""
    value = record.get("v")
    return (
        isinstance(value, list)
        and bool(value)
        and value[0]
        not in (
            "bool",
            "none",
            "raised",
            "returned",
            "unencodable",
        )
    )
