import pytest

from sizefmt import format_size


@pytest.mark.parametrize(
    ("size", "text"),
    [(0, "0 B"), (1, "1 B"), (1023, "1023 B"), (1024, "1.0 KiB"), (1536, "1.5 KiB"),
     (5 * 1024**3, "5.0 GiB"), (-1536, "-1.5 KiB")],
)
def test_binary_units(size, text):
    assert format_size(size) == text


def test_decimal_units():
    assert format_size(999, binary=False) == "999 B"
    assert format_size(1500, binary=False) == "1.5 kB"
    assert format_size(2_500_000, binary=False) == "2.5 MB"


def test_precision():
    assert format_size(1536, precision=0) == "2 KiB"
    assert format_size(1536, precision=3) == "1.500 KiB"
    with pytest.raises(ValueError):
        format_size(1536, precision=4)


def test_only_ints_are_sizes():
    with pytest.raises(TypeError):
        format_size(1.5)
    with pytest.raises(TypeError):
        format_size(True)


def test_options_are_keyword_only():
    with pytest.raises(TypeError):
        format_size(1536, False)
