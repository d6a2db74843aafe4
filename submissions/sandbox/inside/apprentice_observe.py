"""Typed observations recorded by hidden checks (runs inside the sandbox; stdlib only).

A hidden check never asserts: it calls the learner's code and records what happened with
the ``observe`` fixture. The grader compares the records, outside the sandbox, with the ones
the reference solution produced, so the expected results never enter the sandbox.

    def check_tidy_results(observe):
        observe(format_result(0.1 + 0.2))          # a value
        observe.call(calculate, 5, "%", 0)          # a return value or the exception's type
        observe(parse("x"), tol=1e-6)               # floats compared within a tolerance

Every value is encoded with its exact type: ``1`` is not ``1.0`` nor ``True``, a tuple is
not a list, a ``str`` subclass is not a ``str``. Objects of other classes (an object whose
``__eq__`` always answers True, say) are *unserialisable* and never match.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime
import decimal
import enum
import fractions
import hashlib
import json
import math
import pathlib
from collections.abc import Callable
from typing import Any

ENCODING_VERSION = 1
MAX_NODES = 20_000  # per observation
MAX_DEPTH = 40
MAX_OBSERVATIONS = 200  # per check
# Longer text and bytes are recorded by length and digest: exact, but small in the report.
DIGEST_ABOVE = 2_000
DEFAULT_TOLERANCE = (1e-9, 1e-12)  # (relative, absolute) for floats


class Unencodable(Exception):
    """A value of a type the observation format does not represent."""


def _float(value: float) -> list[Any]:
    if math.isnan(value):
        return ["float", "nan"]
    if math.isinf(value):
        return ["float", "inf" if value > 0 else "-inf"]
    return ["float", repr(value)]


def _text(tag: str, text: str) -> list[Any]:
    if len(text) <= DIGEST_ABOVE:
        return [tag, text]
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return [tag + "#", len(text), digest]


def _bytes(value: bytes) -> list[Any]:
    if len(value) <= DIGEST_ABOVE:
        return ["bytes", base64.b64encode(value).decode("ascii")]
    return ["bytes#", len(value), hashlib.sha256(value).hexdigest()]


def _sort_key(encoded: Any) -> str:
    return json.dumps(encoded, sort_keys=True, separators=(",", ":"))


class _Encoder:
    def __init__(self) -> None:
        self.nodes = 0

    def encode(self, value: Any, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise Unencodable(f"more than {MAX_NODES} values in one observation")
        if depth > MAX_DEPTH:
            raise Unencodable(f"nested deeper than {MAX_DEPTH}")
        kind = type(value)
        # Exact types only: subclasses of builtins fall through to the named cases below.
        if value is None:
            return ["none"]
        if kind is bool:
            return ["bool", value]
        if kind is int:
            try:
                return _text("int", str(value))
            except ValueError:  # more digits than int->str conversion allows
                raise Unencodable("an integer with too many digits") from None
        if kind is float:
            return _float(value)
        if kind is complex:
            return ["complex", _float(value.real), _float(value.imag)]
        if kind is str:
            return _text("str", value)
        if kind is bytes or kind is bytearray:
            return _bytes(bytes(value)) if kind is bytes else ["bytearray", _bytes(bytes(value))]
        if kind is list or kind is tuple:
            return [kind.__name__, [self.encode(v, depth + 1) for v in value]]
        if kind is dict:
            return [
                "dict",
                [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in value.items()],
            ]
        if kind is set or kind is frozenset:
            items = sorted((self.encode(v, depth + 1) for v in value), key=_sort_key)
            return [kind.__name__, items]
        if kind is range:
            return ["range", value.start, value.stop, value.step]
        if kind is decimal.Decimal:
            return ["decimal", str(value)]
        if kind is fractions.Fraction:
            return ["fraction", str(value.numerator), str(value.denominator)]
        if kind is datetime.datetime:
            return ["datetime", value.isoformat()]
        if kind is datetime.date:
            return ["date", value.isoformat()]
        if kind is datetime.time:
            return ["time", value.isoformat()]
        if kind is datetime.timedelta:
            return ["timedelta", value.days, value.seconds, value.microseconds]
        if isinstance(value, pathlib.PurePath):
            return ["path", kind.__name__, value.as_posix()]
        if isinstance(value, enum.Enum):
            return ["enum", kind.__name__, value.name, self.encode(value.value, depth + 1)]
        if isinstance(value, tuple) and hasattr(kind, "_fields"):
            fields = [
                [name, self.encode(v, depth + 1)]
                for name, v in zip(kind._fields, value, strict=True)
            ]
            return ["namedtuple", kind.__name__, fields]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = [
                [f.name, self.encode(getattr(value, f.name), depth + 1)]
                for f in dataclasses.fields(value)
            ]
            return ["dataclass", kind.__name__, fields]
        if isinstance(value, BaseException):
            return ["exception", kind.__name__]
        module = getattr(kind, "__module__", "") or ""
        root = module.split(".", 1)[0]
        if root == "numpy":
            return self._numpy(value, depth)
        if root == "pandas":
            return self._pandas(value, depth)
        if root == "polars":
            return self._polars(value, depth)
        raise Unencodable(f"cannot record a value of type {kind.__qualname__}")

    def _numpy(self, value: Any, depth: int) -> Any:
        import numpy as np

        if isinstance(value, np.ndarray):
            if value.size > MAX_NODES:
                raise Unencodable(f"an array of more than {MAX_NODES} items")
            self.nodes += int(value.size)
            return [
                "ndarray",
                value.dtype.str,
                list(value.shape),
                self.encode(value.tolist(), depth + 1),
            ]
        if isinstance(value, np.generic):
            return ["np", value.dtype.str, self.encode(value.item(), depth + 1)]
        raise Unencodable(f"cannot record a value of type {type(value).__qualname__}")

    def _pandas(self, value: Any, depth: int) -> Any:
        import pandas as pd

        if isinstance(value, pd.DataFrame):
            if value.size > MAX_NODES:
                raise Unencodable(f"a DataFrame of more than {MAX_NODES} cells")
            return [
                "DataFrame",
                self.encode([_scalar(c) for c in value.columns], depth + 1),
                [str(t) for t in value.dtypes],
                self.encode([_scalar(i) for i in value.index], depth + 1),
                self.encode(
                    [[_scalar(v) for v in row] for row in value.itertuples(index=False)], depth + 1
                ),
            ]
        if isinstance(value, pd.Series):
            if value.size > MAX_NODES:
                raise Unencodable(f"a Series of more than {MAX_NODES} items")
            return [
                "Series",
                self.encode(_scalar(value.name), depth + 1),
                str(value.dtype),
                self.encode([_scalar(i) for i in value.index], depth + 1),
                self.encode([_scalar(v) for v in value.tolist()], depth + 1),
            ]
        if value is pd.NA:
            return ["pd.NA"]
        if isinstance(value, pd.Timestamp):
            return ["Timestamp", value.isoformat()]
        raise Unencodable(f"cannot record a value of type {type(value).__qualname__}")

    def _polars(self, value: Any, depth: int) -> Any:
        import polars as pl

        if isinstance(value, pl.DataFrame):
            if value.width * value.height > MAX_NODES:
                raise Unencodable(f"a DataFrame of more than {MAX_NODES} cells")
            return [
                "pl.DataFrame",
                self.encode(list(value.columns), depth + 1),
                [str(t) for t in value.dtypes],
                self.encode([list(row) for row in value.rows()], depth + 1),
            ]
        if isinstance(value, pl.Series):
            if value.len() > MAX_NODES:
                raise Unencodable(f"a Series of more than {MAX_NODES} items")
            return [
                "pl.Series",
                value.name,
                str(value.dtype),
                self.encode(value.to_list(), depth + 1),
            ]
        raise Unencodable(f"cannot record a value of type {type(value).__qualname__}")


def _scalar(value: Any) -> Any:
    """numpy/pandas scalars inside frames as plain Python values (dtypes are recorded apart)."""
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__.split(".", 1)[0] == "numpy":
        return item()
    if type(value).__name__ == "Timestamp":
        return value.isoformat()
    if value.__class__.__name__ in ("NAType", "NaTType"):
        return None
    return value


def encode(value: Any) -> Any:
    """The typed JSON form of `value`, or raise Unencodable."""
    return _Encoder().encode(value)


class Observer:
    """The ``observe`` fixture: records values for one hidden check, in order."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []
        self.problem = ""  # set once a value could not be recorded; the check then fails

    def _add(self, record: dict[str, Any]) -> None:
        if len(self.records) >= MAX_OBSERVATIONS:
            self.problem = self.problem or f"more than {MAX_OBSERVATIONS} observations"
            return
        self.records.append(record)

    def __call__(self, value: Any, *, tol: float | tuple[float, float] | None = None) -> Any:
        """Record `value`; floats inside it are compared within `tol` (relative[, absolute])."""
        try:
            encoded = encode(value)
        except Unencodable as exc:
            self.problem = self.problem or str(exc)
            self._add({"v": ["unencodable", type(value).__qualname__]})
            return value
        record: dict[str, Any] = {"v": encoded}
        if tol is not None:
            rel, absolute = (tol, 0.0) if isinstance(tol, int | float) else tol
            record["tol"] = [float(rel), float(absolute)]
        self._add(record)
        return value

    def call(self, function: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        """Call `function` and record what it returned, or the type of what it raised."""
        try:
            result = function(*args, **kwargs)
        except Exception as exc:  # the learner's exception is the observation
            self._add({"v": ["raised", type(exc).__name__]})
            return None
        self(result)
        return result

    def raises(self, function: Callable[..., Any], /, *args: Any, **kwargs: Any) -> None:
        """Record only the type of the exception `function` raises ("none" if it returns)."""
        try:
            function(*args, **kwargs)
        except Exception as exc:
            self._add({"v": ["raised", type(exc).__name__]})
            return
        self._add({"v": ["returned"]})

    def tree(self, root: str | pathlib.Path) -> dict[str, Any]:
        """Record the files under `root` (relative names and contents), sorted by name."""
        base = pathlib.Path(root)
        files: dict[str, Any] = {}
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(base).as_posix()
            if path.is_dir():
                files[rel + "/"] = None
            else:
                data = path.read_bytes()
                try:
                    files[rel] = data.decode("utf-8")
                except UnicodeDecodeError:
                    files[rel] = data
        self(files)
        return files
