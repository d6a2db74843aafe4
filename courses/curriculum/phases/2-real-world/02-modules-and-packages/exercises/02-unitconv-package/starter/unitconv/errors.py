"""The package's exceptions, in one place so every module can import them."""


class UnitError(ValueError):
    """Base class for every unitconv problem."""


class UnknownUnit(UnitError):
    """A unit name the registry does not know."""


class IncompatibleUnits(UnitError):
    """A conversion between different dimensions, such as metres to kilograms."""
