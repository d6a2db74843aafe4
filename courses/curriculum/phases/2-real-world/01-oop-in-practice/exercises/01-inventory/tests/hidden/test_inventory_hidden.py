import pytest
from inventory import Inventory


def test_names_are_stripped_and_blank_names_rejected():
    inv = Inventory()
    inv.add("  mug ", 2)
    assert inv["mug"] == 2
    assert " mug" in inv
    with pytest.raises(ValueError):
        inv.add("   ", 1)


def test_bool_is_not_a_quantity_and_constructor_validates():
    with pytest.raises(TypeError):
        Inventory().add("mug", True)
    with pytest.raises(ValueError):
        Inventory({"mug": 0})


def test_unknown_item_lookup_and_non_string_membership():
    inv = Inventory({"mug": 1})
    with pytest.raises(KeyError):
        inv["plate"]
    assert 42 not in inv


def test_adding_a_non_inventory_raises_type_error():
    with pytest.raises(TypeError):
        Inventory({"mug": 1}) + {"mug": 1}


def test_inventory_is_not_hashable():
    with pytest.raises(TypeError):
        hash(Inventory())


def test_nested_transactions_roll_back_only_the_inner_block():
    inv = Inventory({"mug": 5})
    with inv:
        inv.remove("mug", 1)
        with pytest.raises(KeyError):
            with inv:
                inv.remove("mug", 1)
                inv.remove("plate")
        assert inv["mug"] == 4
    assert inv["mug"] == 4


def test_total_is_read_only():
    inv = Inventory({"mug": 2})
    with pytest.raises(AttributeError):
        inv.total = 10
