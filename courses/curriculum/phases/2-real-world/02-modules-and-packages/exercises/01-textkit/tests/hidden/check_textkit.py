"""Hidden checks for the textkit package: they record what the code does, never assert."""

import importlib
import shutil
import sys
from pathlib import Path

import pytest
import textkit
import textkit.cleaning as cleaning
import textkit.stats as stats


def check_whitespace_of_every_kind(observe):
    for text in ["  a \n\t b  ", "one\r\ntwo\x0bthree\x0cfour", "\u00a0x\u2003y\u00a0", "", "   ", "solo"]:
        observe(cleaning.normalise_whitespace(text))


@pytest.mark.parametrize(
    "text",
    [
        "Don't stop_now, 'Bob'!",
        "rock'n'roll it''s 'tis' o'",
        "Ελλάδα 2024 naïve ÉCOLE Straße",
        "x1_y2__z3 4.5 -6",
        "don\u2019t",
        "",
        "?! -- ''",
    ],
)
def check_words_and_slugs(observe, text):
    observe(cleaning.words(text))
    observe(cleaning.slugify(text))
    observe(stats.word_count(text))


def check_slugify_removes_accents_before_splitting(observe):
    for text in ["Zürich - Łódź", "Ελλάδα 2024", "ﬁne crème brûlée", "L'été, déjà!", "Ωμέγα"]:
        observe(cleaning.slugify(text))


def check_top_words_ranking_and_ties(observe):
    text = "pear fig pear kiwi apple fig pear Fig date kiwi banana"
    for n in [0, 1, 2, 3, 4, 6, 7, 50]:
        observe(stats.top_words(text, n))
    observe(stats.top_words(text))
    observe(stats.top_words("zeta alpha mid", 2))
    observe(stats.top_words("", 3))
    observe.raises(stats.top_words, "a b", -1)
    observe.raises(stats.top_words, "", -3)


def check_reading_time_rounds_up_at_the_boundaries(observe):
    for count, speed in [(0, 200), (1, 200), (199, 200), (200, 200), (201, 200), (400, 200),
                         (401, 200), (7, 1), (7, 7), (8, 7), (450, 200)]:
        observe(stats.reading_time(" ".join(["word"] * count), speed))
    observe(stats.reading_time("one two three"))
    observe(stats.reading_time("w " * 600))
    for speed in [0, -1, -200]:
        observe.raises(stats.reading_time, "hello world", speed)
        observe.raises(stats.reading_time, "", speed)


def check_package_surface(observe):
    namespace = {}
    exec("from textkit import *", namespace)
    observe(sorted(name for name in namespace if not name.startswith("__")))
    observe(sorted(textkit.__all__))
    observe(len(textkit.__all__))
    observe(textkit.__version__)
    observe([
        textkit.words is cleaning.words,
        textkit.slugify is cleaning.slugify,
        textkit.normalise_whitespace is cleaning.normalise_whitespace,
        textkit.word_count is stats.word_count,
        textkit.top_words is stats.top_words,
        textkit.reading_time is stats.reading_time,
        stats.words is cleaning.words,
    ])
    observe(textkit.top_words("the cat and the hat and the bat", 2))


def check_package_survives_being_renamed(observe, tmp_path):
    """Relative imports keep working when the folder has another name."""
    source = Path(textkit.__file__).parent
    shutil.copytree(source, tmp_path / "renamed_kit", ignore=shutil.ignore_patterns("__pycache__"))
    saved = {n: m for n, m in sys.modules.items() if n == "textkit" or n.startswith("textkit.")}
    for name in saved:
        del sys.modules[name]
    sys.modules["textkit"] = None  # any absolute `import textkit...` now fails
    sys.path.insert(0, str(tmp_path))
    try:
        def use_renamed():
            kit = importlib.import_module("renamed_kit")
            kit_stats = importlib.import_module("renamed_kit.stats")
            return (kit.slugify("Renamed Package"), kit_stats.top_words("b a b", 1),
                    kit.reading_time("x " * 250), sorted(kit.__all__))

        observe.call(use_renamed)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n == "renamed_kit" or n.startswith("renamed_kit.")]:
            del sys.modules[name]
        del sys.modules["textkit"]
        sys.modules.update(saved)
    observe(textkit.slugify("Back Home"))
