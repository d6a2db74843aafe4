"""Issue #42: sizes just below the next unit are shown as 1024 of the smaller unit."""

from sizefmt import format_size


def test_reported_example():
    assert format_size(1048575) == "1.0 MiB"


def test_the_largest_unit_has_no_next_unit():
    assert format_size(1024**6) == "1024.0 PiB"
