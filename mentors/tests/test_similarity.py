"""The normal form of solutions (same program, same digest) and copydetect's overlap, as
plain functions of file contents (no database)."""

from __future__ import annotations

import re

from mentors.similarity import (
    Fingerprinter,
    Limits,
    filtered_code,
    normalised_digest,
    overlap,
    python_document,
)

MEAN = '''\
def mean(values: list[float]) -> float:
    """The average of the values."""
    total = 0
    for value in values:  # one at a time
        total += value
    return total / len(values)
'''

MEAN_RENAMED = """\
def average(xs):
    # sum them first
    s = 0
    for x in xs:
        s += x
    return s/len(xs)
"""

MEAN_BUILTIN = """\
def mean(values):
    return sum(values) / len(values)
"""

MEAN_OFF_BY_ONE = MEAN.replace("total = 0", "total = 1")


def digest(source: str, path: str = "solution.py") -> str:
    return normalised_digest([(path, source)])


def test_solutions_differing_in_names_comments_docstrings_and_layout_share_a_digest() -> None:
    assert digest(MEAN) == digest(MEAN_RENAMED)


def test_a_different_algorithm_has_another_digest() -> None:
    assert digest(MEAN) != digest(MEAN_BUILTIN)


def test_numbers_keep_their_value_so_an_off_by_one_is_another_program() -> None:
    assert digest(MEAN) != digest(MEAN_OFF_BY_ONE)


def test_strings_keep_only_their_type() -> None:
    assert digest("print('Hello!')\n") == digest('print("Good morning")\n')
    assert digest("print('Hello!')\n") != digest("print(1)\n")


def test_names_that_come_from_outside_the_file_are_kept() -> None:
    assert digest("import math\nr = math.sqrt(2)\n") != digest("import math\nr = math.floor(2)\n")
    assert digest("x = len([])\n") != digest("x = sum([])\n")


def test_keyword_arguments_follow_the_renamed_parameters() -> None:
    first = "def f(a, b=1):\n    return a - b\nf(2, b=3)\n"
    second = "def g(p, q=1):\n    return p - q\ng(2, q=3)\n"
    assert digest(first) == digest(second)


def test_code_that_does_not_parse_counts_by_its_text_without_layout() -> None:
    assert digest("def broken(:\n  return 1\n") == digest("def broken(:   return 1")
    assert digest("def broken(:\n  return 1\n") != digest("def broken(:\n  return 2\n")


def test_deeply_nested_code_falls_back_to_text_instead_of_failing() -> None:
    chain = "x = " + " + ".join(["1"] * 20000) + "\n"
    assert digest(chain) == digest(chain.replace(" + ", "  +\t"))


def test_file_order_does_not_matter_but_paths_do() -> None:
    files = [("a.py", "x = 1\n"), ("b.py", "y = 2\n")]
    assert normalised_digest(files) == normalised_digest(list(reversed(files)))
    assert normalised_digest(files) != normalised_digest([("c.py", "x = 1\n"), ("b.py", "y = 2\n")])


def test_each_file_names_its_own_placeholders() -> None:
    first = [("a.py", "x = 1\n"), ("b.py", "y = x\n")]
    second = [("a.py", "p = 1\n"), ("b.py", "q = x\n")]
    # `x` is bound in a.py only: in b.py it names something from outside and stays.
    assert normalised_digest(first) == normalised_digest(second)


# --------------------------------------------------------------------------- copydetect

LIMITS = Limits(file_chars=64 * 1024, document_chars=256 * 1024)
FINGERPRINTER = Fingerprinter(noise=25, guarantee=30)

INVENTORY = '''\
class Inventory:
    """Items and how many of each are in stock."""

    def __init__(self):
        self.items = {}

    def add(self, name, count):
        if count <= 0:
            raise ValueError("count must be positive")
        self.items[name] = self.items.get(name, 0) + count

    def remove(self, name, count):
        have = self.items.get(name, 0)
        if count > have:
            raise KeyError(name)
        self.items[name] = have - count
        if self.items[name] == 0:
            del self.items[name]

    def total(self):
        return sum(self.items.values())
'''

# The same class copied with every name and the message changed, the docstring dropped and the
# quotes switched.
RENAMES = {
    "Inventory": "Stock",
    "items": "things",
    "name": "label",
    "count": "n",
    "have": "present",
    "add": "put",
    "remove": "take",
}
INVENTORY_RENAMED = re.sub(
    r"\b(" + "|".join(RENAMES) + r")\b",
    lambda match: RENAMES[match.group(1)],
    INVENTORY.replace('    """Items and how many of each are in stock."""\n\n', "").replace(
        '"count must be positive"', "'n has to be more than zero'"
    ),
)

UNRELATED = """\
import csv
from pathlib import Path


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def by_city(rows):
    cities = {}
    for row in rows:
        cities.setdefault(row["city"], []).append(row)
    return {city: len(group) for city, group in sorted(cities.items())}
"""


def share(first: str, second: str) -> float:
    mine = FINGERPRINTER.fingerprint(filtered_code(first))
    theirs = FINGERPRINTER.fingerprint(filtered_code(second))
    return overlap(mine, theirs).share_of_first


def test_a_copied_and_renamed_project_overlaps_far_more_than_an_unrelated_one() -> None:
    copied = share(INVENTORY, INVENTORY_RENAMED)
    unrelated = share(INVENTORY, UNRELATED)
    assert copied > 0.8
    assert unrelated < 0.2


def test_starter_code_is_left_out_of_the_overlap() -> None:
    starter = FINGERPRINTER.fingerprint(filtered_code(INVENTORY))
    mine = FINGERPRINTER.fingerprint(filtered_code(INVENTORY), boilerplate=starter)
    theirs = FINGERPRINTER.fingerprint(filtered_code(INVENTORY_RENAMED), boilerplate=starter)
    assert overlap(mine, theirs).tokens == 0


def test_a_document_holds_the_python_files_within_the_size_caps() -> None:
    files = [
        ("README.md", "# not code"),
        ("app/big.py", "x = 1\n" * 100),
        ("app/small.py", "y = 2\n"),
    ]
    document = python_document(files, limits=Limits(file_chars=100, document_chars=1000))
    assert document == "y = 2\n"
    capped = python_document(
        [("a.py", "a" * 60), ("b.py", "b" * 60)], limits=Limits(file_chars=100, document_chars=100)
    )
    assert capped == "a" * 60
