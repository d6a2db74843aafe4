import pytest
from form_types import coerce, numeric_total, parse_bool, parse_form, to_text


def test_parse_bool_reads_yes_and_no():
    assert parse_bool(" Yes ") is True
    assert parse_bool("OFF") is False
    assert parse_bool("1") is True


def test_parse_bool_rejects_other_answers():
    with pytest.raises(ValueError):
        parse_bool("maybe")


@pytest.mark.parametrize(
    ("text", "expected"),
    [(" 34 ", 34), ("2.50", 2.5), ("TRUE", True), ("false", False), ("   ", None), (" Ada ", "Ada")],
)
def test_coerce_picks_the_type(text, expected):
    result = coerce(text)
    assert result == expected
    assert type(result) is type(expected)


def test_coerce_keeps_words_that_only_look_like_numbers():
    assert coerce("nan") == "nan"
    assert coerce("yes") == "yes"


def test_parse_form_coerces_every_field():
    form = {"name": "Ada", "age": "36", "newsletter": "true", "phone": ""}
    assert parse_form(form) == {"name": "Ada", "age": 36, "newsletter": True, "phone": None}
    assert form["age"] == "36"


def test_to_text_writes_values_back():
    assert to_text(None) == ""
    assert to_text(True) == "true"
    assert to_text(3.0) == "3.0"
    assert to_text("hi") == "hi"


def test_numeric_total_ignores_booleans_and_text():
    assert numeric_total([3, None, 2.5, True, "5"]) == 5.5
    result = numeric_total([1, 2, False])
    assert result == 3
    assert type(result) is int
