import pytest
from rankings import extremes, rank_players, sort_files, sort_versions, top_names

PLAYERS = [("bo", 90, 31.5), ("Ada", 90, 30.0), ("cy", 95, 40.0), ("di", 60, 12.0)]
FILES = [("notes.txt", 300), ("Photo.JPG", 5000), ("archive.zip", 300), ("b.txt", 10)]


def test_rank_players_best_first():
    assert rank_players(PLAYERS) == [
        ("cy", 95, 40.0),
        ("Ada", 90, 30.0),
        ("bo", 90, 31.5),
        ("di", 60, 12.0),
    ]


def test_top_names():
    assert top_names(PLAYERS, 2) == ["cy", "Ada"]
    assert top_names(PLAYERS, 10) == ["cy", "Ada", "bo", "di"]


def test_top_names_rejects_negative_n():
    with pytest.raises(ValueError):
        top_names(PLAYERS, -1)


def test_extremes():
    assert extremes(PLAYERS) == ("cy", "di")


def test_sort_files_by_size_and_name():
    assert sort_files(FILES, "size") == [
        ("b.txt", 10),
        ("archive.zip", 300),
        ("notes.txt", 300),
        ("Photo.JPG", 5000),
    ]
    assert [name for name, _ in sort_files(FILES)] == ["archive.zip", "b.txt", "notes.txt", "Photo.JPG"]


def test_sort_files_rejects_unknown_keys():
    with pytest.raises(ValueError):
        sort_files(FILES, "colour")


def test_sort_versions_numerically():
    assert sort_versions(["1.10.0", "1.9.2", "0.12", "1.9"]) == ["0.12", "1.9", "1.9.2", "1.10.0"]
