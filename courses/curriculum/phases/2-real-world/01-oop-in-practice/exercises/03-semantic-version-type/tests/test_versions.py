import pytest
from versions import Version, latest, parse_version, release_order


def test_parts_str_and_repr():
    v = Version(1, 4, 2)
    assert (v.major, v.minor, v.patch) == (1, 4, 2)
    assert str(v) == "1.4.2"
    assert repr(v) == "Version(1, 4, 2)"
    assert str(Version(3)) == "3.0.0"


@pytest.mark.parametrize(("parts", "error"), [((1, -1, 0), ValueError), ((1.0,), TypeError), ((True,), TypeError)])
def test_invalid_parts(parts, error):
    with pytest.raises(error):
        Version(*parts)


def test_versions_cannot_be_changed():
    v = Version(1, 2, 3)
    with pytest.raises(AttributeError):
        v.major = 9
    with pytest.raises(AttributeError):
        v.label = "beta"
    assert v == Version(1, 2, 3)


def test_equality_and_hashing():
    assert Version(1, 2, 3) == Version(1, 2, 3)
    assert Version(1, 2, 3) != Version(1, 2, 4)
    assert Version(1, 0, 0) != "1.0.0"
    assert len({Version(1, 2, 3), Version(1, 2, 3), Version(2)}) == 2


def test_ordering_is_numeric():
    assert Version(1, 9, 0) < Version(1, 10, 0)
    assert Version(2) > Version(1, 99, 99)
    assert Version(1, 2, 3) <= Version(1, 2, 3)
    assert sorted([Version(1, 10), Version(1, 9), Version(0, 1)]) == [Version(0, 1), Version(1, 9), Version(1, 10)]
    with pytest.raises(TypeError):
        Version(1) < "2.0.0"


def test_bump_returns_a_new_version():
    v = Version(1, 4, 2)
    assert v.bump("major") == Version(2, 0, 0)
    assert v.bump("minor") == Version(1, 5, 0)
    assert v.bump("patch") == Version(1, 4, 3)
    assert v == Version(1, 4, 2)
    with pytest.raises(ValueError):
        v.bump("build")


def test_compatibility():
    assert Version(1, 4, 0).is_compatible_with(Version(1, 2, 9))
    assert not Version(2, 0, 0).is_compatible_with(Version(1, 9, 0))
    assert not Version(0, 4, 0).is_compatible_with(Version(0, 3, 1))


def test_parse_version():
    assert parse_version(" v0.10.0 ") == Version(0, 10, 0)
    for bad in ["1.4", "01.4.2", "1.4.2-rc1", ""]:
        with pytest.raises(ValueError):
            parse_version(bad)


def test_release_order_and_latest():
    tags = ["v1.10.0", "nightly", "v1.9.3", "1.10.0", "v0.9.0"]
    assert release_order(tags) == [Version(0, 9, 0), Version(1, 9, 3), Version(1, 10, 0)]
    assert latest(tags) == Version(1, 10, 0)
    assert latest(["nightly"]) is None
