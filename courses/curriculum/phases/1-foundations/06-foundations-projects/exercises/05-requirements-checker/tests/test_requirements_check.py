import pytest
from requirements_check import (
    compare_environment,
    normalize_name,
    parse_freeze,
    parse_requirement,
    read_requirements,
    version_key,
)


def test_normalize_name():
    assert normalize_name("Typing_Extensions") == "typing-extensions"
    assert normalize_name("zope.interface") == "zope-interface"


def test_version_key_compares_numbers():
    assert version_key("1.10.0") == (1, 10)
    assert version_key("1.9") < version_key("1.10")
    with pytest.raises(ValueError):
        version_key("2.0rc1")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Django==4.2.11", ("django", "==", "4.2.11")),
        ("requests[socks] >= 2.31   # HTTP client", ("requests", ">=", "2.31")),
        ("pytest", ("pytest", "", "")),
        ("-r dev-requirements.txt", None),
        ("   # just a comment", None),
    ],
)
def test_parse_requirement(line, expected):
    assert parse_requirement(line) == expected


def test_parse_requirement_rejects_other_operators():
    with pytest.raises(ValueError):
        parse_requirement("numpy<2")


def test_read_requirements_rejects_duplicates():
    with pytest.raises(ValueError, match="django"):
        read_requirements("Django==4.2\ndjango>=4.0\n")


def test_parse_freeze():
    assert parse_freeze("Django==4.2.11\n-e git+https://example.com/x.git#egg=x\n") == {
        "django": "4.2.11"
    }


def test_compare_environment():
    requirements = read_requirements("Django==4.2.11\nrequests>=2.31\npytest\n")
    installed = {"django": "4.2.11", "requests": "2.28.2"}
    assert compare_environment(requirements, installed) == {
        "ok": ["django"],
        "missing": ["pytest"],
        "mismatched": ["requests"],
    }
