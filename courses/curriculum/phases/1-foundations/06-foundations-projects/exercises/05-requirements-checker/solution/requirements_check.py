"""Compare what requirements.txt asks for with what `pip freeze` says is installed."""

OPERATORS = ("==", ">=")
NAME_PUNCTUATION = "-_."

Requirement = tuple[str, str, str]  # (normalised name, operator, version)


def normalize_name(name: str) -> str:
    """Lower-case, with every run of '-', '_' and '.' replaced by one '-'."""
    result = ""
    for char in name.lower():
        if char in NAME_PUNCTUATION:
            if not result.endswith("-"):
                result += "-"
        else:
            result += char
    return result


def version_key(version: str) -> tuple[int, ...]:
    """'1.10.0' -> (1, 10): numeric parts with trailing zeros dropped."""
    parts = version.split(".")
    if not all(part.isascii() and part.isdigit() for part in parts):
        raise ValueError(f"not a version of the form 1.2.3: {version!r}")
    numbers = [int(part) for part in parts]
    while numbers and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)


def parse_requirement(line: str) -> Requirement | None:
    """One requirements.txt line as (name, operator, version), or None if it names nothing."""
    text = line.partition("#")[0].strip()
    if not text or text.startswith("-"):
        return None
    end = 0
    while end < len(text) and (text[end].isalnum() or text[end] in NAME_PUNCTUATION):
        end += 1
    name, rest = text[:end], text[end:].strip()
    if not name:
        raise ValueError(f"no package name in {line!r}")
    if rest.startswith("["):
        close = rest.find("]")
        if close == -1:
            raise ValueError(f"unclosed extras in {line!r}")
        rest = rest[close + 1 :].strip()
    if not rest:
        return normalize_name(name), "", ""
    operator, version = rest[:2], rest[2:].strip()
    if operator not in OPERATORS:
        raise ValueError(f"only == and >= are supported: {line!r}")
    version_key(version)  # raises ValueError for a version we cannot compare
    return normalize_name(name), operator, version


def read_requirements(text: str) -> dict[str, tuple[str, str]]:
    """Name -> (operator, version) for every requirement, in file order."""
    requirements: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        parsed = parse_requirement(line)
        if parsed is None:
            continue
        name, operator, version = parsed
        if name in requirements:
            raise ValueError(f"{name} is listed twice")
        requirements[name] = (operator, version)
    return requirements


def parse_freeze(text: str) -> dict[str, str]:
    """Name -> version from `pip freeze` output."""
    installed: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "==" not in line:
            continue
        name, version = line.split("==", 1)
        installed[normalize_name(name.strip())] = version.strip()
    return installed


def compare_environment(
    requirements: dict[str, tuple[str, str]], installed: dict[str, str]
) -> dict[str, list[str]]:
    """Sort every requirement into ok, missing or mismatched."""
    result: dict[str, list[str]] = {"ok": [], "missing": [], "mismatched": []}
    for name in sorted(requirements):
        operator, wanted = requirements[name]
        if name not in installed:
            status = "missing"
        elif not operator:
            status = "ok"
        else:
            have, need = version_key(installed[name]), version_key(wanted)
            good = have == need if operator == "==" else have >= need
            status = "ok" if good else "mismatched"
        result[status].append(name)
    return result
