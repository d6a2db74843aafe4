"""Hidden checks for the unitconv package: they record what the code does, never assert."""

import importlib
import shutil
import sys
from pathlib import Path

import pytest
import unitconv
import unitconv.units as units
from unitconv.convert import convert
from unitconv.errors import IncompatibleUnits, UnitError, UnknownUnit
from unitconv.quantity import Quantity, parse_quantity

ALL_UNITS = ["mm", "cm", "m", "km", "in", "ft", "mi", "g", "kg", "t", "oz", "lb", "s", "min", "h", "d"]


def q(quantity):
    return (quantity.value, quantity.unit)


def outcome(function, *args):
    try:
        result = function(*args)
    except (IncompatibleUnits, UnknownUnit) as error:
        return type(error).__name__
    except UnitError as error:
        return type(error).__name__
    return q(result) if isinstance(result, Quantity) else result


def check_every_unit_has_its_factor(observe):
    observe([units.factor(unit) for unit in ALL_UNITS])
    observe([units.dimension_of(unit) for unit in ALL_UNITS])
    observe([type(units.factor(unit)).__name__ for unit in ALL_UNITS])
    for bad in ["KM", "Kg", "sec", "", "metre", " m"]:
        observe(outcome(units.factor, bad))
        observe(outcome(units.dimension_of, bad))


def check_unit_names(observe):
    observe(units.unit_names())
    for dimension in ["length", "mass", "time"]:
        observe(units.unit_names(dimension))
    for bad in ["Length", "volume", ""]:
        observe(outcome(units.unit_names, bad))
    observe(sorted(units.REGISTRY))
    observe({dimension: sorted(table) for dimension, table in units.REGISTRY.items()})


@pytest.mark.parametrize(
    ("source", "target"),
    [("1 mi", "km"), ("5 km", "mi"), ("12 in", "ft"), ("250 cm", "mm"), ("3 ft", "in"), ("1500 m", "km"),
     ("16 oz", "lb"), ("2 t", "g"), ("1 kg", "oz"), ("2.5 lb", "g"), ("1 d", "min"), ("90 min", "h"),
     ("7200 s", "h"), ("1.5 h", "s"), ("-40 mm", "cm"), ("0 km", "mm"), ("3 kg", "kg")],
)
def check_conversions(observe, source, target):
    observe(outcome(convert, source, target))
    observe(outcome(convert, parse_quantity(source), target))


def check_conversion_errors(observe):
    for source, target in [("1 km", "kg"), ("1 h", "m"), ("2 lb", "s"), ("1 km", "KM"), ("1 parsec", "m"),
                           ("one km", "m"), (Quantity(1.0, "furlong"), "m"), (Quantity(2.0, "kg"), "min")]:
        observe(outcome(convert, source, target))
    observe([issubclass(IncompatibleUnits, UnitError), issubclass(UnknownUnit, UnitError),
             issubclass(UnitError, ValueError), issubclass(UnknownUnit, IncompatibleUnits)])
    observe(outcome(convert, Quantity(4.0, "h"), "d"))


@pytest.mark.parametrize(
    "text",
    ["12.5 km", "3kg", " -2 min ", "+0.75 lb", "10\tmi", "0 s", "12", "km", ".5 km", "1e3 m", "1,5 m",
     "5 k m", "5 km/h", "3 parsecs", "3 KG", "", "２ km", "4.0.1 m", "- 3 m"],
)
def check_parse_quantity(observe, text):
    observe(outcome(parse_quantity, text))
    observe(outcome(convert, text, "m"))


def check_package_surface(observe):
    namespace = {}
    exec("from unitconv import *", namespace)
    observe(sorted(name for name in namespace if not name.startswith("__")))
    observe(sorted(unitconv.__all__))
    observe(len(unitconv.__all__))
    observe(unitconv.__version__)
    observe([
        getattr(unitconv, "convert", None) is convert,
        getattr(unitconv, "parse_quantity", None) is parse_quantity,
        getattr(unitconv, "Quantity", None) is Quantity,
        getattr(unitconv, "UnitError", None) is UnitError,
        getattr(unitconv, "UnknownUnit", None) is UnknownUnit,
        getattr(unitconv, "IncompatibleUnits", None) is IncompatibleUnits,
        unitconv.units.dimension_of is units.dimension_of,
        hasattr(unitconv, "unit_names"),
        hasattr(unitconv, "REGISTRY"),
    ])
    observe(sorted(name for name in sys.modules if name.startswith("unitconv.units.")))


def check_package_survives_being_renamed(observe, tmp_path):
    """Relative imports keep working when the folder has another name."""
    source = Path(unitconv.__file__).parent
    shutil.copytree(source, tmp_path / "measures", ignore=shutil.ignore_patterns("__pycache__"))
    saved = {n: m for n, m in sys.modules.items() if n == "unitconv" or n.startswith("unitconv.")}
    for name in saved:
        del sys.modules[name]
    sys.modules["unitconv"] = None  # any absolute `import unitconv...` now fails
    sys.path.insert(0, str(tmp_path))
    try:
        def use_renamed():
            kit = importlib.import_module("measures")
            kit_units = importlib.import_module("measures.units")
            return (q(kit.convert("2 ft", "in")), kit_units.unit_names("mass"),
                    kit_units.dimension_of("h"), sorted(kit.__all__),
                    issubclass(kit_units.UnknownUnit, kit.UnitError))

        observe.call(use_renamed)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n == "measures" or n.startswith("measures.")]:
            del sys.modules[name]
        del sys.modules["unitconv"]
        sys.modules.update(saved)
    observe(q(convert("1 t", "kg")))
