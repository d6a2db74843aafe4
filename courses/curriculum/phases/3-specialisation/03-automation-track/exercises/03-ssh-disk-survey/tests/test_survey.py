import pytest
from survey import HostSurvey, Mount, df_command, parse_df, survey_fleet, survey_host

DF = b"""Filesystem     1024-blocks     Used Available Capacity Mounted on
/dev/sda1         41152736 37453720   3699016      92% /
tmpfs               819200     1024    818176       1% /run
/dev/sdb1        103081248 10307124  92774124      10% /mnt/shared data
"""


class FakeChannel:
    def __init__(self, status: int) -> None:
        self.status = status

    def recv_exit_status(self) -> int:
        return self.status


class FakeFile:
    def __init__(self, data: bytes, status: int) -> None:
        self.data = data
        self.channel = FakeChannel(status)

    def read(self) -> bytes:
        return self.data


class FakeSSHClient:
    """Answers like paramiko.SSHClient; `hosts` maps a host to (status, stdout, stderr)
    or to an exception that connecting raises."""

    def __init__(self, hosts: dict, log: list) -> None:
        self.hosts, self.log = hosts, log

    def connect(self, hostname, username=None, timeout=None):
        self.log.append(("connect", hostname, username, timeout))
        self.host = hostname
        if isinstance(self.hosts[hostname], Exception):
            raise self.hosts[hostname]

    def exec_command(self, command, timeout=None):
        self.log.append(("exec", command, timeout))
        status, out, err = self.hosts[self.host]
        return FakeFile(b"", status), FakeFile(out, status), FakeFile(err, status)

    def close(self):
        self.log.append(("close",))


def factory(hosts: dict, log: list):
    return lambda: FakeSSHClient(hosts, log)


def test_parse_df_keeps_order_and_spaces_in_mount_points():
    mounts = parse_df(DF.decode())
    assert mounts[0] == Mount("/dev/sda1", "/", 41152736, 37453720, 3699016, 92)
    assert [m.mount_point for m in mounts] == ["/", "/run", "/mnt/shared data"]


def test_df_command_quotes_paths():
    assert df_command() == "df -P -k"
    assert df_command(["/var", "/mnt/my disk"]) == "df -P -k /var '/mnt/my disk'"


def test_survey_host_drops_pseudo_filesystems_and_lists_full_mounts():
    log: list = []
    survey = survey_host(factory({"web-1": (0, DF, b"")}, log), "web-1", user="ops", threshold=90)
    assert [m.mount_point for m in survey.mounts] == ["/", "/mnt/shared data"]
    assert survey.full == ["/"]
    assert survey.error is None


def test_survey_host_uses_the_client_like_paramiko_and_closes_it():
    log: list = []
    survey_host(factory({"db-1": (0, DF, b"")}, log), "db-1", user="ops", timeout=4.0)
    assert log == [("connect", "db-1", "ops", 4.0), ("exec", "df -P -k", 4.0), ("close",)]


def test_failures_become_errors_and_the_fleet_goes_on():
    log: list = []
    hosts = {
        "web-1": (0, DF, b""),
        "web-2": TimeoutError("timed out"),
        "web-3": (1, b"", b"df: /nope: No such file or directory\n"),
    }
    surveys = survey_fleet(factory(hosts, log), ["web-2", "web-3", "web-1"], user="ops")
    assert surveys[0] == HostSurvey("web-2", [], [], error="TimeoutError: timed out")
    assert surveys[1].error == "df exited with 1: df: /nope: No such file or directory"
    assert surveys[2].full == ["/"]
    assert log.count(("close",)) == 3


def test_malformed_df_line_is_a_value_error():
    with pytest.raises(ValueError):
        parse_df("Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sda1 10 5\n")
