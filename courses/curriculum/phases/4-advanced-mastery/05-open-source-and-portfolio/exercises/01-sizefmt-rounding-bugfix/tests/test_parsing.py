import pytest

from sizefmt import parse_size
from sizefmt.units import multiplier


def test_parse_sizes():
    assert parse_size("1.5 KiB") == 1536
    assert parse_size("2MB") == 2_000_000
    assert parse_size("10") == 10
    assert parse_size("-3 kB") == -3000


def test_parse_rounds_half_up_to_a_byte():
    assert parse_size("1.0005 kB") == 1001


@pytest.mark.parametrize("text", ["", "KiB", "1.5 kb", "1,5 KiB", "one MB"])
def test_parse_rejects_what_is_not_a_size(text):
    with pytest.raises(ValueError):
        parse_size(text)


def test_multiplier():
    assert multiplier("MiB") == 1024**2
    assert multiplier("GB") == 10**9
