import ast
from pathlib import Path

import pytest
import textkit
import textkit.stats as stats


def test_stats_uses_a_relative_import():
    tree = ast.parse(Path(stats.__file__).read_text(encoding="utf-8"))
    relative = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level > 0]
    assert relative, "stats.py should import from .cleaning"


def test_star_import_exposes_exactly_all():
    namespace: dict[str, object] = {}
    exec("from textkit import *", namespace)
    public = {name for name in namespace if not name.startswith("__")}
    assert public == set(textkit.__all__)
    assert len(public) == 6


def test_top_words_edge_cases():
    assert stats.top_words("b a c", 0) == []
    assert stats.top_words("b a c", 10) == [("a", 1), ("b", 1), ("c", 1)]
    with pytest.raises(ValueError):
        stats.top_words("a", -1)


def test_reading_time_rejects_bad_speed():
    with pytest.raises(ValueError):
        stats.reading_time("hello", words_per_minute=0)


def test_words_handle_other_alphabets_and_digits():
    assert textkit.words("Ελλάδα 2024 naïve") == ["ελλάδα", "2024", "naïve"]
    assert textkit.slugify("Ελλάδα 2024") == "2024"
