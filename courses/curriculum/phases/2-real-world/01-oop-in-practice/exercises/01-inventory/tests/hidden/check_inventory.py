"""Hidden checks for the inventory: they record what the code does, never assert."""

import pytest
from inventory import Inventory


def stock(inv):
    """Everything an inventory shows through its public interface."""
    return (list(inv), [inv[name] for name in inv], len(inv), inv.total, repr(inv))


def check_names_are_stripped_everywhere(observe):
    inv = Inventory()
    inv.add("  kettle ", 2)
    inv.add("kettle\t", 3)
    observe(stock(inv))
    observe(inv.quantity(" kettle"))
    observe(inv[" kettle  "])
    observe(["kettle " in inv, " kettle" in inv, "kettles" in inv])
    inv.remove(" kettle ", 4)
    observe(stock(inv))
    for bad in ["   ", "", "\n", 7, None]:
        observe.raises(inv.add, bad, 1)
        observe.raises(inv.remove, bad, 1)
    observe(stock(inv))


def check_constructor_merges_names_that_collide_after_stripping(observe):
    inv = Inventory({"mug": 2, " mug": 5, "plate ": 1})
    observe(stock(inv))
    observe.raises(Inventory, {"mug": 1, "cup": 0})
    observe.raises(Inventory, {"mug": True})
    observe.raises(Inventory, {"  ": 3})
    observe(stock(Inventory()))
    observe(stock(Inventory(None)))


@pytest.mark.parametrize("quantity", [0, -1, -10, True, False, 2.0, "4", None])
def check_bad_quantities_change_nothing(observe, quantity):
    inv = Inventory({"bowl": 3})
    observe.raises(inv.add, "bowl", quantity)
    observe.raises(inv.add, "jug", quantity)
    observe.raises(inv.remove, "bowl", quantity)
    observe.raises(inv.remove, "jug", quantity)
    observe(stock(inv))


def check_remove_at_and_around_the_stock_level(observe):
    inv = Inventory({"spoon": 5, "fork": 2})
    observe.raises(inv.remove, "spoon", 6)
    observe(stock(inv))
    inv.remove("spoon", 4)
    observe(stock(inv))
    inv.remove("spoon", 1)
    observe(stock(inv))
    observe.raises(inv.remove, "spoon", 1)
    observe.raises(inv.remove, "knife")
    observe.raises(inv.__getitem__, "spoon")
    for action in (lambda: inv.remove("  knife "), lambda: inv[" spoon\n"]):
        try:
            action()
        except KeyError as error:
            observe(error.args)
    observe(inv.quantity("spoon"))
    inv.remove("fork")
    observe(stock(inv))
    observe(inv.quantity("fork"))


def check_iteration_and_repr_use_sorted_names(observe):
    inv = Inventory({"teapot": 1, "Zebra mug": 2, "apple": 3, "banana": 4})
    inv.add("cherry", 5)
    inv.add("Apple", 6)
    observe(list(inv))
    observe(repr(inv))
    observe([name for name in inv if name.islower()])
    observe(repr(Inventory()))


def check_membership_of_non_strings(observe):
    inv = Inventory({"mug": 1})
    observe([42 in inv, None in inv, ("mug",) in inv, "mug" in inv, "" in inv])
    observe(len(inv))


def check_total_is_read_only(observe):
    inv = Inventory({"mug": 2, "cup": 7})
    observe(inv.total)
    observe.raises(setattr, inv, "total", 100)
    observe(inv.total)
    inv.add("cup", 1)
    observe(inv.total)
    observe.raises(setattr, inv, "total", 0)
    observe(stock(inv))


def check_equality_hashing_and_not_implemented(observe):
    a = Inventory({"mug": 1, "cup": 2})
    b = Inventory({"cup": 2})
    observe([a == b, a != b])
    b.add("mug")
    observe([a == b, a != b])
    b.add("mug")
    observe([a == b, a != b])
    observe([a == {"mug": 1, "cup": 2}, a != "mug", a == None])  # noqa: E711
    observe([a.__eq__({"mug": 1}) is NotImplemented, a.__eq__(a) is NotImplemented])
    observe(a.__eq__(Inventory({"cup": 2, "mug": 1})))
    observe.raises(hash, a)
    observe.raises(hash, Inventory())
    observe(stock(a))


def check_adding_merges_into_a_new_inventory(observe):
    a = Inventory({"mug": 1, "cup": 2})
    b = Inventory({"mug": 4, "plate": 1})
    merged = a + b
    observe(stock(merged))
    observe([merged is a, merged is b])
    observe(stock(a))
    observe(stock(b))
    merged.add("cup", 10)
    observe(stock(a))
    empty = Inventory() + Inventory()
    observe(stock(empty))
    observe(stock(Inventory() + a))
    for other in [{"mug": 1}, 3, None, "mug"]:
        observe.raises(lambda: a + other)
        observe([a.__add__(other) is NotImplemented])
    observe(stock(a))


def check_transactions_roll_back_and_nest(observe):
    inv = Inventory({"mug": 5, "cup": 1})
    with inv as same:
        observe(same is inv)
        inv.remove("mug", 1)
        inv.add("plate", 3)
    observe(stock(inv))
    try:
        with inv:
            inv.remove("cup")
            inv.add("bowl", 2)
            inv.remove("mug", 99)
    except ValueError as error:
        observe(type(error).__name__)
    observe(stock(inv))
    try:
        with inv:
            inv.remove("mug", 1)
            try:
                with inv:
                    inv.remove("mug", 1)
                    inv.add("saucer", 4)
                    inv.remove("nothing")
            except KeyError:
                observe(stock(inv))
            inv.add("glass", 1)
        observe(stock(inv))
        with inv:
            inv.remove("glass")
            raise RuntimeError("not an inventory error")
    except RuntimeError as error:
        observe(str(error))
    observe(stock(inv))
    with inv:
        pass
    observe(stock(inv))
