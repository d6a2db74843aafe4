"""Properties of the run-length codec, with a few examples that pin the exact format."""

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from runlength import compact, decode, encode, longest_runs, runs

# Characters that mean something to the format (digits, the colon, a line break) often, and
# the first 2,048 code points besides (all of Unicode costs a second of start-up per run).
awkward_chars = st.sampled_from(["a", "b", "1", "0", ":", "\n", " ", "é", "😀"]) | st.characters(
    max_codepoint=0x7FF
)
any_text = st.text(alphabet=awkward_chars)
# Texts built from runs, so that long runs (10, 100 characters) are common.
texts_with_runs = st.lists(st.tuples(awkward_chars, st.integers(1, 120)), max_size=8).map(
    lambda pairs: "".join(char * count for char, count in pairs)
)
# Encoded strings that are valid but not canonical: zero counts, leading zeros, repeats.
loose_groups = st.lists(
    st.tuples(awkward_chars, st.integers(0, 30), st.integers(0, 2)), max_size=10
).map(lambda items: "".join(f"{'0' * zeros}{count}:{char}" for char, count, zeros in items))
CANONICAL = re.compile(r"(?:[1-9][0-9]*:.)*", re.DOTALL)


# ---------------------------------------------------------------- round trip


@given(any_text)
def test_decode_inverts_encode_on_any_text(text):
    assert decode(encode(text)) == text


@given(texts_with_runs)
@example("a" * 10)
@example("1" * 12 + "::\n\n")
def test_decode_inverts_encode_on_long_and_awkward_runs(text):
    assert decode(encode(text)) == text


def test_examples_pin_the_format():
    assert encode("aaab") == "3:a1:b"
    assert encode("") == ""
    assert encode("1" * 11 + ":") == "11:11::"
    assert decode("3:a1:b") == "aaab"
    assert decode("") == ""
    assert decode("0:x2:a1:a007:z") == "aaa" + "z" * 7
    assert decode("2:\n1::3:7") == "\n\n:777"


# ---------------------------------------------------------------- runs


@given(texts_with_runs)
def test_runs_are_maximal_and_rebuild_the_text(text):
    found = runs(text)
    assert "".join(char * count for char, count in found) == text
    assert all(count >= 1 for _, count in found)
    assert all(a[0] != b[0] for a, b in zip(found, found[1:]))
    assert encode(text) == "".join(f"{count}:{char}" for char, count in found)


def test_runs_examples():
    assert runs("aaab") == [("a", 3), ("b", 1)]
    assert runs("abba") == [("a", 1), ("b", 2), ("a", 1)]
    assert runs("") == []


# ---------------------------------------------------------------- compact


@given(loose_groups)
@example("2:a0:b03:a")
def test_compact_keeps_the_text_and_is_canonical(data):
    result = compact(data)
    assert decode(result) == decode(data)
    assert result == encode(decode(data))
    assert CANONICAL.fullmatch(result)


@given(loose_groups)
def test_compact_is_idempotent(data):
    assert compact(compact(data)) == compact(data)


def test_compact_examples():
    assert compact("2:a0:b03:a") == "5:a"
    assert compact("0:a") == ""
    assert compact("10:a5:b") == "10:a5:b"


# ---------------------------------------------------------------- malformed input


@pytest.mark.parametrize(
    "data",
    ["a", "3", "123", "3:", "3:a2:", "1:a45", ":a", "3a", "-1:a", "+1:a", " 1:a", "3:ab", "1:a:",
     "٣:a", "¹:a"],
)
def test_malformed_input_is_rejected(data):
    with pytest.raises(ValueError):
        decode(data)
    with pytest.raises(ValueError):
        compact(data)


# ---------------------------------------------------------------- longest runs


@given(texts_with_runs, st.integers(0, 10))
def test_longest_runs_are_ordered_and_stable(text, k):
    all_runs = runs(text)
    result = longest_runs(text, k)
    assert len(result) == min(k, len(all_runs))
    assert [count for _, count in result] == sorted((c for _, c in result), reverse=True)
    # the result is the k first of the runs ranked by length, ties in order of appearance
    ranked = sorted(all_runs, key=lambda run: -run[1])
    assert result == ranked[:k]


def test_longest_runs_examples():
    assert longest_runs("abbcdd", 2) == [("b", 2), ("d", 2)]
    assert longest_runs("zzaaab", 2) == [("a", 3), ("z", 2)]
    assert longest_runs("ab", 0) == []
    assert longest_runs("ab", 5) == [("a", 1), ("b", 1)]
    assert longest_runs("", 3) == []
    with pytest.raises(ValueError):
        longest_runs("ab", -1)
