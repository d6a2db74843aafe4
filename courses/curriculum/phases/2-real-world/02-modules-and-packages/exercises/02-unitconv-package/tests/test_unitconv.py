import pytest
import unitconv
import unitconv.units as units
from unitconv.convert import convert
from unitconv.errors import IncompatibleUnits, UnitError, UnknownUnit
from unitconv.quantity import Quantity, parse_quantity

dimension_of, factor, unit_names = units.dimension_of, units.factor, units.unit_names


def test_parse_quantity():
    assert parse_quantity("12.5 km") == Quantity(12.5, "km")
    assert parse_quantity("3kg") == Quantity(3.0, "kg")
    assert isinstance(parse_quantity("3kg").value, float)


def test_parse_errors():
    with pytest.raises(UnknownUnit):
        parse_quantity("3 parsecs")
    with pytest.raises(UnitError):
        parse_quantity("three metres")


def test_convert_lengths_masses_and_durations():
    assert convert("5 km", "m") == Quantity(5000.0, "m")
    assert convert(Quantity(90.0, "min"), "h") == Quantity(1.5, "h")
    assert convert("2 lb", "kg").value == pytest.approx(0.90718474)


def test_incompatible_and_unknown_units():
    with pytest.raises(IncompatibleUnits):
        convert("1 km", "kg")
    with pytest.raises(UnknownUnit):
        convert("1 km", "KM")
    assert issubclass(UnknownUnit, UnitError) and issubclass(UnitError, ValueError)


def test_registry_functions():
    assert dimension_of("oz") == "mass"
    assert factor("km") == 1000.0
    assert unit_names("time") == ["d", "h", "min", "s"]
    assert len(unit_names()) == 16


def test_package_surface():
    assert sorted(unitconv.__all__) == sorted(
        ["convert", "parse_quantity", "Quantity", "UnitError", "UnknownUnit", "IncompatibleUnits"]
    )
    assert unitconv.__version__ == "0.2.0"
    assert unitconv.convert is convert
    assert unitconv.UnknownUnit is UnknownUnit
