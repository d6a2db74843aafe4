import pytest
from inventory import Inventory


def test_add_and_query_quantities():
    inv = Inventory()
    inv.add("mug", 3)
    inv.add("mug")
    inv.add("cup", 2)
    assert inv.quantity("mug") == 4
    assert inv["cup"] == 2
    assert inv.quantity("plate") == 0
    assert inv.total == 6


def test_remove_down_to_zero_drops_the_item():
    inv = Inventory({"mug": 2})
    inv.remove("mug")
    assert inv["mug"] == 1
    inv.remove("mug")
    assert "mug" not in inv
    assert len(inv) == 0


@pytest.mark.parametrize(
    ("quantity", "error"),
    [(0, ValueError), (-2, ValueError), (1.5, TypeError), ("3", TypeError)],
)
def test_invalid_quantities_are_rejected(quantity, error):
    inv = Inventory()
    with pytest.raises(error):
        inv.add("mug", quantity)
    assert len(inv) == 0


def test_removing_too_much_or_unknown_item():
    inv = Inventory({"mug": 2})
    with pytest.raises(ValueError):
        inv.remove("mug", 5)
    assert inv["mug"] == 2
    with pytest.raises(KeyError):
        inv.remove("plate")


def test_len_contains_and_sorted_iteration():
    inv = Inventory({"pear": 1, "apple": 4, "mug": 2})
    assert len(inv) == 3
    assert "apple" in inv
    assert "kiwi" not in inv
    assert list(inv) == ["apple", "mug", "pear"]


def test_repr_is_sorted_and_readable():
    inv = Inventory({"mug": 3, "cup": 2})
    assert repr(inv) == "Inventory({'cup': 2, 'mug': 3})"
    assert repr(Inventory()) == "Inventory({})"


def test_equality_compares_contents():
    assert Inventory({"mug": 1, "cup": 2}) == Inventory({"cup": 2, "mug": 1})
    assert Inventory({"mug": 1}) != Inventory({"mug": 2})
    assert Inventory() != {}


def test_adding_inventories_merges_into_a_new_one():
    a = Inventory({"mug": 1, "cup": 2})
    b = Inventory({"mug": 4, "plate": 1})
    merged = a + b
    assert merged == Inventory({"mug": 5, "cup": 2, "plate": 1})
    assert a == Inventory({"mug": 1, "cup": 2})
    assert b == Inventory({"mug": 4, "plate": 1})


def test_with_block_rolls_back_on_error():
    inv = Inventory({"mug": 3, "cup": 2})
    with pytest.raises(ValueError):
        with inv:
            inv.remove("mug", 3)
            inv.add("plate", 1)
            inv.remove("cup", 5)
    assert inv == Inventory({"mug": 3, "cup": 2})


def test_with_block_keeps_changes_on_success():
    inv = Inventory({"mug": 3})
    with inv as same:
        same.remove("mug", 1)
        same.add("cup", 1)
    assert same is inv
    assert inv == Inventory({"mug": 2, "cup": 1})


def test_total_is_read_only_and_names_are_stripped():
    inv = Inventory({"mug": 2, " mug ": 1})
    assert inv.total == 3
    with pytest.raises(AttributeError):
        inv.total = 10
    assert inv.total == 3
    assert inv[" mug"] == 3
