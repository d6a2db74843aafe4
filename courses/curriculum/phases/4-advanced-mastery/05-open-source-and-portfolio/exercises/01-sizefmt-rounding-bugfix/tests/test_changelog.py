"""The release notes: a 1.2.1 section on top, the older sections untouched."""

from pathlib import Path

import sizefmt


def sections():
    lines = Path("CHANGELOG.md").read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("## ")]
    return [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)])]


def test_new_section_on_top():
    found = sections()
    assert found[0][0] == "## [1.2.1] - Unreleased"
    assert found[1][0] == "## [1.2.0] - 2025-03-02"


def test_new_section_describes_the_fix():
    new = sections()[0]
    assert [line for line in new if line.startswith("### ")] == ["### Fixed"]
    assert len([line for line in new if line.startswith("- ")]) == 1
    assert "#42" in "\n".join(new)


def test_version_is_bumped():
    assert sizefmt.__version__ == "1.2.1"
