"""Hidden checks: the fix at every unit boundary, the unchanged API and the release notes."""

import random
from pathlib import Path

import pytest
import sizefmt
from sizefmt import format_size, parse_size
from sizefmt.formatting import format_size as format_size_in_module
from sizefmt.parsing import parse_size as parse_size_in_module
from sizefmt.units import BINARY_UNITS, DECIMAL_UNITS, multiplier, unit_system


@pytest.mark.parametrize("binary", [True, False], ids=["binary", "decimal"])
def check_every_unit_boundary_at_every_precision(observe, binary):
    base = 1024 if binary else 1000
    sizes = []
    for power in range(1, 6):
        unit = base**power
        for offset in (-1, 0, 1):
            sizes.append(unit * base + offset)  # just around the next unit
        for fraction in ("0.9994", "0.9995", "0.99949", "0.9996", "0.95", "0.949", "0.5"):
            numerator, denominator = fraction[2:], 10 ** len(fraction[2:])
            sizes.append(unit * base * int(numerator) // denominator)
    for precision in (0, 1, 2, 3):
        observe([format_size(size, binary=binary, precision=precision) for size in sizes])
        observe([format_size(-size, binary=binary, precision=precision) for size in sizes[::3]])


def check_the_largest_unit_keeps_growing(observe):
    for size in (1024**6 - 1, 1024**6, 1024**6 * 5 // 2, 1024**7):
        observe(format_size(size))
        observe(format_size(size, precision=0))
    for size in (10**18 - 1, 10**18, 10**19 + 5 * 10**14):
        observe(format_size(size, binary=False))
        observe(format_size(size, binary=False, precision=3))


def check_sizes_far_from_boundaries_are_unchanged(observe):
    rng = random.Random(42)
    sizes = [rng.randrange(0, 1024**rng.randint(1, 6)) for _ in range(120)]
    observe([format_size(size) for size in sizes])
    observe([format_size(size, binary=False, precision=2) for size in sizes])
    observe([format_size(-size, precision=0) for size in sizes[:40]])
    observe([format_size(size) for size in (0, 1, 999, 1000, 1023, 1024, 1025, 1535, 1536)])
    observe([format_size(size, binary=False) for size in (999, 1000, 1049, 1050, 1051)])


def check_errors_and_keyword_only_options(observe):
    for bad in (1.5, True, "1024", None):
        observe.raises(format_size, bad)
    for precision in (-1, 4, 1.0, True):
        observe.raises(format_size, 2048, precision=precision)
    observe.raises(format_size, 2048, False)
    observe.raises(format_size, 2048, True, 2)
    observe([format_size(2048, precision=p) for p in (0, 3)])


def check_parsing_is_unchanged(observe):
    texts = ["1.5 KiB", "2MB", "10", "-3 kB", "1.0005 kB", " 7 PiB ", "0.5 B", "-0.5 B",
             "0.4 B", "3 GiB", "1.25TB", "999.9999 kB", "00012 B"]
    observe([parse_size(text) for text in texts])
    for bad in ["", "KiB", "1.5 kb", "1,5 KiB", "one MB", "1.5 KIB", "1.5.2 MB", "- 3 kB", "1e3"]:
        observe.raises(parse_size, bad)
    rng = random.Random(7)
    sizes = [rng.randrange(1024, 1024**5) for _ in range(60)]
    observe([parse_size(format_size(size, precision=3)) for size in sizes])


def check_the_public_api_is_kept(observe):
    observe(sizefmt.__version__)
    observe(sorted(sizefmt.__all__))
    observe([format_size_in_module is format_size, parse_size_in_module is parse_size])
    observe((BINARY_UNITS, DECIMAL_UNITS))
    observe([unit_system(True), unit_system(False)])
    observe([multiplier(unit) for unit in (*BINARY_UNITS, *DECIMAL_UNITS)])
    observe.call(multiplier, "kib")


def _sections():
    lines = Path("CHANGELOG.md").read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("## ")]
    intro = "\n".join(lines[: starts[0]]).strip() if starts else ""
    return intro, [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)])]


def check_changelog_has_a_new_section_and_keeps_the_old_ones(observe):
    intro, sections = _sections()
    observe(intro)
    observe([section[0] for section in sections])
    new = sections[0]
    text = "\n".join(new)
    observe([line for line in new if line.startswith("### ")])
    observe(len([line for line in new if line.startswith("- ")]))
    observe(["#42" in text, "format_size" in text])
    observe("\n".join("\n".join(section) for section in sections[1:]).rstrip())
