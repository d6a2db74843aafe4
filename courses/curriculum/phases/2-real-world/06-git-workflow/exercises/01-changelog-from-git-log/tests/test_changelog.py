import pytest
from changelog import Commit, next_version, parse_commit, parse_log, render_changelog

LOG = """\
---
9fceb02
fix(cli): handle an empty expense file

Crashed with IndexError when the file had no rows.
---
b8e1d4a
feat!: store amounts as integer cents

BREAKING CHANGE: the database has a new schema; run the migration.
---
4e2d917
Merge branch 'docs-typo'
"""


def test_parse_commit_reads_type_scope_and_description():
    commit = parse_commit(" 1a2b3c4 ", "feat(report): add a monthly total", [])
    assert commit == Commit("1a2b3c4", "feat", "report", "add a monthly total", False)


def test_parse_commit_keeps_other_subjects_whole():
    commit = parse_commit("1a2b3c4", "Update README", [])
    assert commit == Commit("1a2b3c4", None, None, "Update README", False)


@pytest.mark.parametrize(
    ("subject", "body"),
    [("fix!: drop Python 3.9", []), ("refactor: rename tables", ["", "BREAKING CHANGE: new names"])],
)
def test_breaking_changes_come_from_bang_or_footer(subject, body):
    assert parse_commit("abc1234", subject, body).breaking is True


def test_parse_log_skips_merges_and_keeps_log_order():
    commits = parse_log(LOG)
    assert [c.hash for c in commits] == ["9fceb02", "b8e1d4a"]
    assert commits[1].breaking is True


@pytest.mark.parametrize(
    ("current", "types", "expected"),
    [
        ("1.3.7", ["fix"], "1.3.8"),
        ("1.3.7", ["fix", "feat"], "1.4.0"),
        ("v2.0.1", ["docs"], "v2.0.1"),
    ],
)
def test_next_version(current, types, expected):
    commits = [Commit("abc1234", t, None, "x", False) for t in types]
    assert next_version(current, commits) == expected


def test_a_breaking_change_bumps_major():
    commits = [Commit("abc1234", "feat", None, "x", True)]
    assert next_version("1.3.7", commits) == "2.0.0"


def test_version_must_be_three_numbers():
    with pytest.raises(ValueError):
        next_version("1.3", [])


def test_render_changelog_matches_the_readme():
    text = render_changelog("1.4.0", "2025-03-04", parse_log(LOG))
    assert text == (
        "## 1.4.0 (2025-03-04)\n\n"
        "### Breaking changes\n\n"
        "- store amounts as integer cents (b8e1d4a)\n\n"
        "### Bug fixes\n\n"
        "- **cli:** handle an empty expense file (9fceb02)\n"
    )



def test_render_without_commits():
    assert render_changelog("1.3.7", "2025-03-05", []) == "## 1.3.7 (2025-03-05)\n\nNo changes.\n"
