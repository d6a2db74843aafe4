"""Hidden checks for the version type: they record what the code does, never assert."""

import pytest
from versions import Version, latest, parse_version, release_order


def parts(v):
    return (v.major, v.minor, v.patch, str(v), repr(v))


def check_construction(observe):
    for args in [(0,), (0, 0, 0), (7, 12), (1, 2, 3), (10, 0, 250)]:
        observe(parts(Version(*args)))
    for args in [(-1,), (1, -1), (1, 2, -3), (True,), (1, False), (1, 2, 3.0), ("1",), (None,), (1, 2, "3")]:
        observe.raises(Version, *args)
    observe(parts(Version(major=4, patch=9)))


@pytest.mark.parametrize("name", ["major", "minor", "patch", "_parts", "_major", "label", "__dict__"])
def check_nothing_can_be_assigned_or_deleted(observe, name):
    v = Version(3, 1, 4)
    observe.raises(setattr, v, name, 99)
    observe.raises(delattr, v, name)
    observe(parts(v))


@pytest.mark.parametrize(
    ("left", "right"),
    [((1, 9, 0), (1, 10, 0)), ((2, 0, 0), (1, 99, 99)), ((1, 2, 3), (1, 2, 3)), ((0, 0, 1), (0, 0, 0)),
     ((1, 2, 10), (1, 2, 9)), ((3, 0, 0), (3, 0, 1)), ((0, 10, 0), (0, 9, 99))],
)
def check_comparisons(observe, left, right):
    a, b = Version(*left), Version(*right)
    observe([a == b, a != b, a < b, a <= b, a > b, a >= b])
    observe([str(v) for v in sorted([b, a])])
    observe(str(max(a, b)))


def check_other_types(observe):
    v = Version(1, 0, 0)
    observe([v == "1.0.0", v == (1, 0, 0), v != 1, v == None])  # noqa: E711
    for method in ("__eq__", "__lt__", "__le__", "__gt__", "__ge__"):
        observe(getattr(v, method)((1, 0, 0)) is NotImplemented)
    for other in ["2.0.0", (1, 0, 0), 1, None]:
        observe.raises(lambda: v < other)
        observe.raises(lambda: v <= other)
        observe.raises(lambda: v > other)
        observe.raises(lambda: v >= other)
    observe(str(v))


def check_hashing(observe):
    versions = [Version(1, 2, 3), Version(1, 2, 3), Version(1, 2), Version(1, 2, 0), Version(2)]
    observe(len(set(versions)))
    observe(hash(Version(4, 5, 6)) == hash(Version(4, 5, 6)))
    notes = {Version(1, 2, 3): "first"}
    notes[Version(1, 2, 3)] = "second"
    observe(notes[Version(1, 2, 3)])
    observe(sorted(str(v) for v in set(versions)))


@pytest.mark.parametrize("start", [(0, 0, 0), (1, 4, 2), (9, 9, 9), (0, 3, 7)])
def check_bump(observe, start):
    v = Version(*start)
    for part in ["major", "minor", "patch"]:
        observe(parts(v.bump(part)))
    observe(parts(v.bump("patch").bump("patch").bump("minor")))
    for bad in ["Major", "build", "", " patch"]:
        observe.raises(v.bump, bad)
    observe(parts(v))


@pytest.mark.parametrize(
    ("new", "old"),
    [((1, 4, 0), (1, 2, 9)), ((1, 2, 9), (1, 4, 0)), ((1, 2, 3), (1, 2, 3)), ((2, 0, 0), (1, 9, 0)),
     ((1, 9, 0), (2, 0, 0)), ((0, 3, 5), (0, 3, 1)), ((0, 4, 0), (0, 3, 1)), ((0, 3, 1), (0, 3, 1)),
     ((0, 0, 2), (0, 0, 1)), ((1, 0, 0), (0, 9, 9)), ((3, 0, 0), (3, 0, 0))],
)
def check_compatibility(observe, new, old):
    observe(Version(*new).is_compatible_with(Version(*old)))
    observe(str(Version(*new)))


def check_compatibility_needs_a_version(observe):
    for other in ["1.0.0", (1, 0, 0), None]:
        observe.raises(Version(1).is_compatible_with, other)
    observe(str(Version(1)))


@pytest.mark.parametrize(
    "text",
    ["1.4.2", " v0.10.0 ", "V2.0.0", "\t10.20.30\n", "0.0.0", "1.4", "1.4.2.0", "01.4.2", "1.04.2",
     "1.4.02", "1.4.x", "vv1.0.0", "v 1.0.0", "1.4.2-rc1", "", "   ", "1 .4.2", "-1.0.0", "1..4", "１.2.3"],
)
def check_parse_version(observe, text):
    try:
        observe(parts(parse_version(text)))
    except ValueError:
        observe("ValueError")
    observe(str(latest([text, "0.0.1"])))


def check_parse_needs_text(observe):
    for value in [None, 1.4, 142, b"1.4.2"]:
        observe.raises(parse_version, value)
    observe(str(parse_version("3.2.1")))


def check_release_order_and_latest(observe):
    tags = ["v1.10.0", "nightly", "v1.9.3", "1.10.0", "v0.9.0", "v2.0.0-rc1", "V1.9.3", "v1.2.10",
            "v1.2.9", "release-3", "0.10.0", "0.9.10"]
    observe([str(v) for v in release_order(tags)])
    observe(str(latest(tags)))
    observe([str(v) for v in release_order(iter(["2.0.0", "x", "1.0.0"]))])
    observe(release_order([]))
    observe(release_order(["nightly", "v1"]))
    observe(latest([]))
    observe(latest(["nightly", "v2.0.0-rc1"]))
    observe(str(latest(["0.1.0"])))
