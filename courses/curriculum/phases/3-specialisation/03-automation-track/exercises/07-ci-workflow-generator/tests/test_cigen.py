import pytest
import yaml
from cigen import (
    HEADER,
    PRECOMMIT_PATH,
    WORKFLOW_PATH,
    Project,
    precommit_config,
    render_precommit,
    render_workflow,
    sorted_versions,
    workflow,
    write_ci_files,
)

SHOP = Project("shop", ("3.12", "3.9", "3.10"))


def parsed(text: str) -> dict:
    data = yaml.safe_load(text)
    if True in data:  # a bare `on:` key is read as a boolean by YAML 1.1
        data["on"] = data.pop(True)
    return data


def test_versions_sort_numerically_and_are_validated():
    assert sorted_versions(["3.12", "3.9", "3.10"]) == ["3.9", "3.10", "3.12"]
    with pytest.raises(ValueError):
        sorted_versions(["3.11", "3.11"])
    with pytest.raises(ValueError):
        sorted_versions(["3.09"])


def test_workflow_test_job():
    job = workflow(SHOP)["jobs"]["test"]
    assert job["strategy"] == {"fail-fast": False, "matrix": {"python-version": ["3.9", "3.10", "3.12"]}}
    assert [step.get("run") for step in job["steps"][2:]] == [
        "python -m pip install -r requirements-dev.txt",
        "ruff check .",
        "mypy src",
        "pytest -q",
    ]
    assert job["steps"][1]["with"]["python-version"] == "${{ matrix.python-version }}"


def test_release_job_only_when_asked():
    assert list(workflow(SHOP)["jobs"]) == ["test"]
    data = workflow(Project("shop", ("3.11",), release_on_tag=True))
    assert data["on"]["push"] == {"branches": ["main"], "tags": ["v*"]}
    assert data["jobs"]["release"]["needs"] == "test"


def test_rendered_workflow_parses_back_with_string_versions():
    text = render_workflow(SHOP)
    assert text.startswith(HEADER)
    assert parsed(text) == workflow(SHOP)


def test_precommit_config_pins_revisions():
    text = render_precommit(hooks_rev="v5.0.0", ruff_rev="v0.6.9")
    assert text.startswith(HEADER)
    data = parsed(text)
    assert data == precommit_config(hooks_rev="v5.0.0", ruff_rev="v0.6.9")
    assert [repo["rev"] for repo in data["repos"]] == ["v5.0.0", "v0.6.9"]
    with pytest.raises(ValueError):
        precommit_config(hooks_rev="5.0.0", ruff_rev="v0.6.9")


def test_write_ci_files_is_idempotent(tmp_path):
    assert write_ci_files(SHOP, tmp_path, hooks_rev="v5.0.0", ruff_rev="v0.6.9") == [
        WORKFLOW_PATH,
        PRECOMMIT_PATH,
    ]
    assert parsed((tmp_path / WORKFLOW_PATH).read_text(encoding="utf-8")) == workflow(SHOP)
    assert write_ci_files(SHOP, tmp_path, hooks_rev="v5.0.0", ruff_rev="v0.6.9") == []
    assert write_ci_files(SHOP, tmp_path, hooks_rev="v5.0.0", ruff_rev="v0.7.0") == [PRECOMMIT_PATH]
