"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from rankings import extremes, rank_players, sort_files, sort_versions, top_names

PLAYERS = [
    ("mo", 70, 20.0),
    ("Zed", 88, 45.5),
    ("amy", 88, 45.5),
    ("Amy", 88, 45.5),
    ("lee", 88, 44.0),
    ("kim", 100, 99.9),
    ("Bob", 70, 20.0),
    ("eve", 5, 1.0),
    ("ann", 5, 0.5),
    ("_bot", 70, 20.0),
    ("a_1", 88, 45.5),
    ("a1", 88, 45.5),
]

FILES = [
    ("report.PDF", 2048),
    ("a.pdf", 2048),
    ("Zebra.png", 10),
    ("zebra.PNG", 10),
    ("README", 512),
    ("backup.tar.gz", 4096),
    ("notes.txt", 512),
    ("B.txt", 512),
    (".bashrc", 64),
    ("_draft.txt", 512),
    ("Apple.txt", 512),
    ("data.t_x", 10),
    ("data.TA", 10),
    ("z[1].pdf", 2048),
]


def check_rank_players(observe):
    before = list(PLAYERS)
    observe(rank_players(PLAYERS))
    observe(PLAYERS == before)
    observe(rank_players([]))
    observe(rank_players(PLAYERS[:1]))


def check_top_names(observe):
    for n in [0, 1, 3, 9, 20]:
        observe(top_names(PLAYERS, n))
    observe(top_names([], 2))
    observe.raises(top_names, PLAYERS, -1)
    observe.raises(top_names, [], -3)


def check_extremes_ties_go_to_the_first(observe):
    observe(extremes(PLAYERS))
    observe(extremes(PLAYERS[::-1]))
    observe(extremes([("solo", 1, 1.0)]))
    observe(extremes([("x", 3, 1.0), ("y", 3, 2.0), ("z", 3, 0.5)]))
    observe.raises(extremes, [])


@pytest.mark.parametrize("by", ["name", "size", "extension"])
@pytest.mark.parametrize("descending", [False, True])
def check_sort_files(observe, by, descending):
    before = list(FILES)
    observe(sort_files(FILES, by, descending=descending))
    observe(FILES == before)


def check_sort_files_defaults_and_errors(observe):
    observe(sort_files(FILES))
    observe(sort_files(FILES, descending=True))
    observe(sort_files([], "size"))
    for by in ["Name", "date", ""]:
        observe.raises(sort_files, FILES, by)
    observe.raises(sort_files, FILES, "size", True)


def check_sort_versions(observe):
    observe(sort_versions(["1.10.0", "1.9.2", "0.12", "1.9", "10.0", "2.0.1", "1.9.10"]))
    observe(sort_versions(["1.1", "1.01", "0.9", "1.001"]))
    observe(sort_versions(["3"]))
    observe(sort_versions([]))
    observe.raises(sort_versions, ["1.0", "1.x"])
    observe.raises(sort_versions, ["1.0", "2.0rc1"])
