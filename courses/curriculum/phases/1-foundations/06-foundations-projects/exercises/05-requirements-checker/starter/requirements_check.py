"""Compare what requirements.txt asks for with what `pip freeze` says is installed."""

Requirement = tuple[str, str, str]  # (normalised name, operator, version)


def normalize_name(name: str) -> str:
    """Lower-case, with every run of '-', '_' and '.' replaced by one '-'."""
    raise NotImplementedError


def version_key(version: str) -> tuple[int, ...]:
    """'1.10.0' -> (1, 10): numeric parts with trailing zeros dropped; ValueError otherwise."""
    raise NotImplementedError


def parse_requirement(line: str) -> Requirement | None:
    """One requirements.txt line as (name, operator, version), or None if it names nothing."""
    raise NotImplementedError


def read_requirements(text: str) -> dict[str, tuple[str, str]]:
    """Name -> (operator, version) for every requirement, in file order."""
    raise NotImplementedError


def parse_freeze(text: str) -> dict[str, str]:
    """Name -> version from `pip freeze` output."""
    raise NotImplementedError


def compare_environment(
    requirements: dict[str, tuple[str, str]], installed: dict[str, str]
) -> dict[str, list[str]]:
    """{"ok": [...], "missing": [...], "mismatched": [...]}, each list sorted."""
    raise NotImplementedError
