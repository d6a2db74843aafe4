"""How alike two learners' code is, as plain functions of file contents (no Django, no
database, and no learner code is run: Python is parsed with `ast` and tokenised with
Pygments, never imported or executed).

Two measures, for two jobs:

* `normalised_digest` groups solutions that are the *same* program written differently, so
  a mentor's earlier comment on one applies to the other. Each `.py` file is parsed and
  reduced to its structure: names the file binds (variables, arguments, functions, classes,
  except/match targets) become positional placeholders in order of first use; docstrings,
  comments, type annotations and formatting go; imports and attribute names stay (they name
  things outside the file). Numbers, booleans and None keep their *values* (an off-by-one in
  `range(1, n)` is exactly the kind of mistake a comment is about); strings keep only their
  *type* (learners word their messages differently). Code that does not parse, and files
  that are not Python, count by their text with whitespace collapsed.
* `overlap` measures how much of one document's code also appears in another with
  copydetect (token filtering and winnowing, Schleimer et al. 2003): a signal of shared
  code, shown to mentors and staff, never a verdict.
"""

from __future__ import annotations

import ast
import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

NORMALISED_VERSION = "1"  # part of every digest: change it when the normal form changes
_WHITESPACE = re.compile(r"\s+")
_STRING_PLACEHOLDER = "<str>"
_BYTES_PLACEHOLDER = b"<bytes>"

File = tuple[str, str]  # (path, content)


def _bound_names(tree: ast.AST) -> set[str]:
    """Names the module binds itself (not by import): these are the learner's to choose."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(node.id)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif (
            isinstance(
                node,
                ast.FunctionDef
                | ast.AsyncFunctionDef
                | ast.ClassDef
                | ast.ExceptHandler
                | ast.MatchAs
                | ast.MatchStar,
            )
            and node.name
        ):
            names.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            names.add(node.rest)
        elif isinstance(node, ast.Global | ast.Nonlocal):
            names.update(node.names)
    return names


def _without_docstring(body: list[ast.stmt]) -> list[ast.stmt]:
    first = body[0] if body else None
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        return body[1:] or [ast.Pass()]
    return body


class _Normaliser(ast.NodeTransformer):
    """Renames the bound names to `_0`, `_1`, … in the order the traversal meets them (the
    order depends on the program's structure only), drops docstrings and annotations and
    replaces string values by their type."""

    def __init__(self, bound: set[str]) -> None:
        self.bound = bound
        self.placeholders: dict[str, str] = {}

    def _rename(self, name: str) -> str:
        if name not in self.bound:
            return name
        return self.placeholders.setdefault(name, f"_{len(self.placeholders)}")

    def generic_visit(self, node: ast.AST) -> ast.AST:
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            node.body = _without_docstring(node.body)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            node.name = self._rename(node.name)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            node.returns = None
        return super().generic_visit(node)

    def visit_Name(self, node: ast.Name) -> ast.AST:
        node.id = self._rename(node.id)
        return node

    def visit_arg(self, node: ast.arg) -> ast.AST:
        node.arg = self._rename(node.arg)
        node.annotation = None
        return node

    def visit_keyword(self, node: ast.keyword) -> ast.AST:
        if node.arg is not None:
            node.arg = self._rename(node.arg)
        return self.generic_visit(node)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> ast.AST:
        if node.name:
            node.name = self._rename(node.name)
        return self.generic_visit(node)

    def visit_MatchAs(self, node: ast.MatchAs) -> ast.AST:
        if node.name:
            node.name = self._rename(node.name)
        return self.generic_visit(node)

    def visit_MatchStar(self, node: ast.MatchStar) -> ast.AST:
        if node.name:
            node.name = self._rename(node.name)
        return node

    def visit_MatchMapping(self, node: ast.MatchMapping) -> ast.AST:
        if node.rest:
            node.rest = self._rename(node.rest)
        return self.generic_visit(node)

    def visit_Global(self, node: ast.Global) -> ast.AST:
        node.names = [self._rename(name) for name in node.names]
        return node

    def visit_Nonlocal(self, node: ast.Nonlocal) -> ast.AST:
        node.names = [self._rename(name) for name in node.names]
        return node

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST | None:
        """`x: int = 1` is `x = 1`; a bare `x: int` binds nothing and goes."""
        if node.value is None:
            return None
        assign = ast.Assign(targets=[node.target], value=node.value)
        return self.generic_visit(assign)

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str):
            return ast.Constant(value=_STRING_PLACEHOLDER)
        if isinstance(node.value, bytes):
            return ast.Constant(value=_BYTES_PLACEHOLDER)
        return node


def whitespace_normalised(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def normalised_file(path: str, content: str) -> str:
    """One file's normal form (see the module docstring)."""
    if path.endswith(".py"):
        try:
            tree = ast.parse(content, filename=path)
            normalised = _Normaliser(_bound_names(tree)).visit(tree)
            return "ast:" + ast.dump(normalised, annotate_fields=True, include_attributes=False)
        # ValueError: a NUL byte; RecursionError: nesting deeper than the traversal goes.
        except (SyntaxError, ValueError, RecursionError):
            pass
    return "text:" + whitespace_normalised(content)


def normalised_form(files: Iterable[File]) -> str:
    """The normal form of a set of files, in path order (the order they come in does not
    matter; their paths do)."""
    return "\n".join(f"{path}\0{normalised_file(path, content)}" for path, content in sorted(files))


def normalised_digest(files: Iterable[File]) -> str:
    """sha256 of `normalised_form`: equal for solutions that differ only in names,
    comments, docstrings, annotations, string wording or formatting."""
    form = f"v{NORMALISED_VERSION}\n{normalised_form(files)}"
    return hashlib.sha256(form.encode()).hexdigest()


# --------------------------------------------------------------------------- copydetect


@dataclass(frozen=True)
class Limits:
    """Bounds on what one comparison reads: files over `file_chars` are left out (generated
    or vendored code, data), and a document stops at `document_chars`."""

    file_chars: int
    document_chars: int


@dataclass(frozen=True)
class Overlap:
    """How much two documents share: `tokens` matched (filtered tokens, as copydetect
    counts them) and the share of each document's fingerprinted code that matched."""

    tokens: int
    share_of_first: float
    share_of_second: float


def python_document(files: Iterable[File], *, limits: Limits) -> str:
    """The Python files joined into one document in path order, within `limits`. Winnowing
    matches fingerprints wherever they are, so how the files are split does not matter."""
    parts: list[str] = []
    total = 0
    for path, content in sorted(files):
        if not path.endswith(".py") or len(content) > limits.file_chars:
            continue
        if total + len(content) > limits.document_chars:
            break
        parts.append(content)
        total += len(content)
    return "\n".join(parts)


def document_digest(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


class Fingerprint(Protocol):
    """What this module reads of copydetect's CodeFingerprint."""

    hashes: set[int]
    k: int


@dataclass(frozen=True)
class Fingerprinter:
    """copydetect's noise threshold (`noise`: shorter matches are ignored) and guarantee
    threshold (`guarantee`: matches this long are always found), in filtered characters."""

    noise: int
    guarantee: int

    @property
    def window(self) -> int:
        return self.guarantee - self.noise + 1

    def fingerprint(self, filtered: str, *, boilerplate: Fingerprint | None = None) -> Fingerprint:
        """copydetect's CodeFingerprint of filtered code (`filtered_code`), leaving out the
        fingerprints of `boilerplate` (the exercise's starter code). Its hashes use Python's
        `hash()`, which differs between processes: fingerprints are compared in the process
        that made them and never stored (filtered code is what may be kept)."""
        from copydetect import CodeFingerprint  # imports matplotlib: only when used

        fingerprint: Fingerprint = CodeFingerprint(
            "document.py",
            self.noise,
            self.window,
            boilerplate=sorted(boilerplate.hashes) if boilerplate else [],
            filter=False,
            fp=io.StringIO(filtered),
        )
        return fingerprint


def filtered_code(document: str) -> str:
    """copydetect's tokenised form of Python code (names become V/F/O, strings S, layout and
    comments go): the costly step of a comparison, the same in every process."""
    from copydetect.utils import filter_code

    filtered, _offsets = filter_code(document, "document.py", "python")
    return str(filtered)


def overlap(first: Fingerprint, second: Fingerprint) -> Overlap:
    """How much two fingerprints (`Fingerprinter.fingerprint`) share."""
    from copydetect import compare_files

    tokens, (share_first, share_second), _ = compare_files(first, second)
    return Overlap(
        tokens=int(tokens), share_of_first=float(share_first), share_of_second=float(share_second)
    )
