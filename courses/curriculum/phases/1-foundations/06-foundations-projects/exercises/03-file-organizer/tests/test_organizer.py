import pytest
from organizer import OTHER, category_for, organize, plan_moves, unique_destination


def make_files(folder, *names):
    for name in names:
        (folder / name).write_text(name, encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("cat.png", "images"),
        ("Photo.JPG", "images"),
        ("cv.pdf", "documents"),
        ("song.mp3", "audio"),
        ("backup.tar.gz", "archives"),
        ("setup.exe", OTHER),
        ("README", OTHER),
    ],
)
def test_category_for(name, category):
    assert category_for(name) == category


def test_unique_destination_adds_number(tmp_path):
    (tmp_path / "report.pdf").write_text("x", encoding="utf-8")
    assert unique_destination(tmp_path / "report.pdf", set()) == tmp_path / "report (1).pdf"
    assert unique_destination(tmp_path / "new.pdf", set()) == tmp_path / "new.pdf"


def test_plan_moves_lists_files_by_name(tmp_path):
    make_files(tmp_path, "b.txt", "a.png")
    assert plan_moves(tmp_path) == [
        (tmp_path / "a.png", tmp_path / "images" / "a.png"),
        (tmp_path / "b.txt", tmp_path / "documents" / "b.txt"),
    ]


def test_dry_run_changes_nothing(tmp_path):
    make_files(tmp_path, "a.png", "b.zip")
    plan = organize(tmp_path, dry_run=True)
    assert len(plan) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png", "b.zip"]


def test_organize_moves_files(tmp_path):
    make_files(tmp_path, "a.png", "b.zip", "c.xyz")
    organize(tmp_path)
    assert (tmp_path / "images" / "a.png").read_text(encoding="utf-8") == "a.png"
    assert (tmp_path / "archives" / "b.zip").exists()
    assert (tmp_path / "other" / "c.xyz").exists()
    assert not (tmp_path / "a.png").exists()


def test_existing_file_in_category_is_not_overwritten(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "cat.png").write_text("old", encoding="utf-8")
    make_files(tmp_path, "cat.png")
    organize(tmp_path)
    assert (tmp_path / "images" / "cat.png").read_text(encoding="utf-8") == "old"
    assert (tmp_path / "images" / "cat (1).png").read_text(encoding="utf-8") == "cat.png"
