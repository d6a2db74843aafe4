import pytest
from organizer import organize, plan_moves, unique_destination


def test_missing_folder_raises(tmp_path):
    with pytest.raises(NotADirectoryError):
        plan_moves(tmp_path / "nope")


def test_subfolders_and_hidden_files_are_left_alone(tmp_path):
    (tmp_path / "projects").mkdir()
    (tmp_path / "projects" / "deep.png").write_text("x", encoding="utf-8")
    (tmp_path / ".DS_Store").write_text("x", encoding="utf-8")
    (tmp_path / "top.png").write_text("x", encoding="utf-8")
    plan = organize(tmp_path)
    assert [source.name for source, _ in plan] == ["top.png"]
    assert (tmp_path / "projects" / "deep.png").exists()
    assert (tmp_path / ".DS_Store").exists()


def test_taken_paths_count_as_collisions_and_are_not_modified(tmp_path):
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes").write_text("old", encoding="utf-8")
    taken = {tmp_path / "other" / "notes (1)"}
    assert unique_destination(tmp_path / "other" / "notes", taken) == (
        tmp_path / "other" / "notes (2)"
    )
    assert taken == {tmp_path / "other" / "notes (1)"}


def test_numbering_skips_existing_numbered_copies(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.png").write_text("1", encoding="utf-8")
    (tmp_path / "images" / "a (1).png").write_text("2", encoding="utf-8")
    (tmp_path / "a.png").write_text("3", encoding="utf-8")
    plan = plan_moves(tmp_path)
    assert plan == [(tmp_path / "a.png", tmp_path / "images" / "a (2).png")]


def test_second_run_is_a_no_op(tmp_path):
    for name in ("x.mp4", "y.json", "z.md"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    first = organize(tmp_path)
    assert len(first) == 3
    assert organize(tmp_path) == []
    assert (tmp_path / "video" / "x.mp4").exists()
    assert (tmp_path / "code" / "y.json").exists()
