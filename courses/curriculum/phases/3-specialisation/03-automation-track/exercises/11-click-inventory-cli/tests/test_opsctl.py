import json

import pytest
from click.testing import CliRunner
from opsctl import Host, InventoryError, Services, cli, load_inventory

INVENTORY = {"hosts": [
    {"name": "web-2", "address": "10.0.0.6", "port": 443, "tags": ["web"]},
    {"name": "db-1", "address": "10.0.1.9", "port": 5432, "tags": ["db", "eu"]},
    {"name": "web-1", "address": "10.0.0.5", "port": 443, "tags": ["web", "eu"], "drained": True},
]}


@pytest.fixture
def inventory(tmp_path):
    path = tmp_path / "hosts.json"
    path.write_text(json.dumps(INVENTORY), encoding="utf-8")
    return path


def run(args, probe=lambda address, port, timeout: 10.0, env=None):
    return CliRunner().invoke(cli, args, obj=Services(probe=probe), env=env)


def test_load_inventory_sorts_by_name(inventory):
    hosts = load_inventory(inventory)
    assert [h.name for h in hosts] == ["db-1", "web-1", "web-2"]
    assert hosts[1] == Host("web-1", "10.0.0.5", 443, ("web", "eu"), True)


def test_list_filters_by_every_tag(inventory):
    result = run(["--inventory", str(inventory), "list", "--tag", "eu"])
    assert result.exit_code == 0
    assert result.stdout == "db-1 10.0.1.9:5432\nweb-1 10.0.0.5:443 drained\n"


def test_check_reports_and_exits_1_when_a_host_is_down(inventory):
    def probe(address, port, timeout):
        if address == "10.0.1.9":
            raise ConnectionRefusedError("refused")
        return 12.5

    result = run(["--inventory", str(inventory), "check"], probe=probe)
    assert result.stdout == "DOWN db-1 ConnectionRefusedError: refused\nUP web-2 12ms\n1 up, 1 down\n"
    assert result.exit_code == 1


def test_check_exits_0_when_all_up_and_passes_the_timeout(inventory):
    seen = []
    result = run(["--inventory", str(inventory), "check", "--tag", "web", "--timeout", "1.5"],
                 probe=lambda a, p, t: seen.append((a, p, t)) or 3.0)
    assert result.exit_code == 0
    assert seen == [("10.0.0.6", 443, 1.5)]


def test_usage_and_inventory_errors(tmp_path, inventory):
    assert run(["list"]).exit_code == 2
    assert run(["--inventory", str(inventory), "check", "--timeout", "0"]).exit_code == 2
    missing = run(["--inventory", str(tmp_path / "nope.json"), "list"])
    assert missing.exit_code == 3
    assert missing.stdout == "" and missing.stderr != ""
    with pytest.raises(InventoryError):
        load_inventory(tmp_path / "nope.json")


def test_inventory_from_the_environment(inventory):
    result = run(["list", "--tag", "db"], env={"OPSCTL_INVENTORY": str(inventory)})
    assert result.stdout == "db-1 10.0.1.9:5432\n"


def test_drain_is_idempotent(inventory):
    result = run(["--inventory", str(inventory), "drain", "web-2"])
    assert (result.exit_code, result.stdout) == (0, "drained web-2\n")
    assert load_inventory(inventory)[2].drained is True
    before = inventory.read_bytes()
    again = run(["--inventory", str(inventory), "drain", "web-2"])
    assert again.stdout == "web-2 is already drained\n"
    assert inventory.read_bytes() == before
    assert run(["--inventory", str(inventory), "drain", "nobody"]).exit_code == 4
