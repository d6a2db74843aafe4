"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from form_types import coerce, numeric_total, parse_bool, parse_form, to_text


def check_parse_bool_words(observe):
    for text in ["true", "TRUE", " yes", "Y", "on ", "1", "False", "no", "n", "Off", " 0 ", "\tyEs\n"]:
        observe(parse_bool(text))
    observe([parse_bool(t) for t in ["y", "n", "on", "off", "1", "0"]].count(True))


@pytest.mark.parametrize("text", ["maybe", "", "   ", "2", "-1", "yes!", "tru", "nope", "01"])
def check_parse_bool_rejects(observe, text):
    observe.raises(parse_bool, text)
    observe(coerce(text))
    observe(coerce(f"{len(text)}.5"))


@pytest.mark.parametrize(
    "text",
    [
        " 34 ", "-7", "+3", "007", "0", "-0", "2.50", "1e3", "-0.5", ".5", "3.", "1_000",
        "TRUE", "False", " tRuE ", "yes", "1.0", "nan", "inf", "-Infinity", "NaN", "",
        "   ", "\t\n", " Ada ", "12 apples", "3,5", "0x1F", "None",
    ],
)  # fmt: skip
def check_coerce_rules_in_order(observe, text):
    value = observe(coerce(text))
    observe(type(value).__name__)


def check_parse_form_new_dict_same_order(observe):
    form = {"zip": " 0042 ", "name": " Grace ", "age": "85", "member": "False", "score": "9.75", "notes": ""}
    before = dict(form)
    result = observe(parse_form(form))
    observe(list(result))
    observe(form == before)
    observe(result is form)
    observe(parse_form({}))


def check_to_text(observe):
    for value in [None, True, False, 0, -12, 3.0, 2.5, 1e16, -0.001, "", "hi there", " x "]:
        observe(to_text(value))
    for value in [[1], {"a": 1}, (1, 2), {3}]:
        observe.raises(to_text, value)


def check_round_trip(observe):
    values = [None, True, False, 42, -3, 0.1, 2.0, 1e-7, "Ada", "12 apples"]
    observe([coerce(to_text(value)) for value in values])


def check_numeric_total(observe):
    observe(numeric_total([3, None, 2.5, True, "5"]))
    observe(numeric_total([1, 2, False, True, True]))
    observe(numeric_total([]))
    observe(numeric_total([None, "7", True]))
    observe(numeric_total([0.25, 0.5, -1]))
    observe(numeric_total([10, -4, "x", 6]))
