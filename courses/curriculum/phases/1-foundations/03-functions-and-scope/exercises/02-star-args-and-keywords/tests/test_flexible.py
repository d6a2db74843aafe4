import pytest
from flexible import apply_all, join_names, log_line, total


def test_total_adds_any_number_of_amounts():
    assert total(12.5, 7.5) == 20.0
    assert total() == 0.0
    assert type(total(1, 2)) is float


def test_total_discount_is_keyword_only():
    assert total(12.5, 7.5, discount=0.1) == 18.0
    assert total(10, 20, 0.5) == 30.5


def test_total_rejects_a_discount_above_one():
    with pytest.raises(ValueError):
        total(10, discount=1.5)


@pytest.mark.parametrize(
    ("names", "expected"),
    [((), ""), (("Ada",), "Ada"), (("Ada", " Bo "), "Ada and Bo"), (("Ada", "Bo", "", "Cy"), "Ada, Bo and Cy")],
)
def test_join_names(names, expected):
    assert join_names(*names) == expected


def test_join_names_with_other_separators():
    assert join_names("Ada", "Bo", "Cy", sep="; ", last_sep=" or ") == "Ada; Bo or Cy"


def test_log_line_message_and_fields():
    line = log_line("info", "user", "logged in", user="ada", ip="10.0.0.7")
    assert line == "[INFO] user logged in | ip=10.0.0.7 user=ada"
    assert log_line("debug") == "[DEBUG]"


def test_log_line_rejects_unknown_levels():
    with pytest.raises(ValueError):
        log_line("loud", "hello")


def test_apply_all_runs_functions_in_order():
    assert apply_all(" Ada ", str.strip, str.upper, lambda text: text + "!") == "ADA!"
    assert apply_all(5) == 5
