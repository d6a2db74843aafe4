"""Your property-based tests for runlength.py (see the README for what to cover)."""

from hypothesis import given
from hypothesis import strategies as st

from runlength import compact, decode, encode, longest_runs, runs


def test_encode_example():
    assert encode("aab") == "2:a1:b"


@given(st.text(alphabet="ab", max_size=5))
def test_round_trip_on_short_texts(text):
    # A start: short texts of 'a' and 'b' only. Which inputs would really stress the codec?
    assert decode(encode(text)) == text


# TODO: properties of runs(), compact() (it keeps the text, it is idempotent, its output is
# canonical) and longest_runs() (length, order, ties); examples of malformed encodings.
