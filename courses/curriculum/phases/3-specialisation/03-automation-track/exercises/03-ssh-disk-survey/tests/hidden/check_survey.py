"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from survey import df_command, parse_df, survey_fleet, survey_host

HEADER = "Filesystem     1024-blocks     Used Available Capacity Mounted on\n"


class Channel:
    def __init__(self, status):
        self.status = status

    def recv_exit_status(self):
        return self.status


class Stream:
    def __init__(self, data, status):
        self.data = data
        self.channel = Channel(status)

    def read(self):
        return self.data


class Client:
    def __init__(self, hosts, log):
        self.hosts, self.log, self.host = hosts, log, None

    def connect(self, hostname, username=None, timeout=None, **extra):
        self.log.append(("connect", hostname, username, timeout, sorted(extra)))
        self.host = hostname
        answer = self.hosts[hostname]
        if isinstance(answer, Exception):
            raise answer

    def exec_command(self, command, timeout=None, **extra):
        self.log.append(("exec", command, timeout, sorted(extra)))
        answer = self.hosts[self.host]
        if isinstance(answer, tuple) and isinstance(answer[0], Exception):
            raise answer[0]
        status, out, err = answer
        return Stream(b"", status), Stream(out, status), Stream(err, status)

    def close(self):
        self.log.append(("close", self.host))


def make(hosts, log):
    return lambda: Client(hosts, log)


def check_parse_df_fields_and_edges(observe):
    text = (
        "\n  \n" + HEADER
        + "/dev/nvme0n1p2  1000  999  1  100% /\n"
        + "\n"
        + "//nas/share   2000   20   1980   1% /mnt/team   files  2024\n"
        + "none 0 0 0 - /sys/fs/cgroup\n"
        + "/dev/sdc1\t500\t250\t250\t50%\t/data\n"
    )
    observe(parse_df(text))
    observe(parse_df(HEADER))
    observe(parse_df(""))
    observe(parse_df("   \n\n"))


@pytest.mark.parametrize(
    "line",
    [
        "/dev/sda1 10 5 5 50%",
        "/dev/sda1 10 five 5 50% /",
        "/dev/sda1 10 5 5 half /",
        "/dev/sda1 10.5 5 5 50% /",
        "/dev/sda1 10 5 5 5O% /",
    ],
)
def check_malformed_lines(observe, line):
    observe.raises(parse_df, HEADER + line + "\n")
    observe(parse_df(HEADER + "/dev/sda1 10 5 5 50% /ok\n"))


def check_df_command_quoting(observe):
    for paths in [(), ["/"], ["/var", "/mnt/my disk"], ["/tmp; rm -rf /"], iter(["$HOME", "a'b"])]:
        observe(df_command(paths))


def check_threshold_sorting_and_pseudo_filesystems(observe):
    out = (
        HEADER
        + "/dev/a 100 95 5 95% /var\n"
        + "tmpfs 100 99 1 99% /run\n"
        + "devtmpfs 100 99 1 99% /dev\n"
        + "tmpfs2 100 99 1 99% /weird\n"
        + "/dev/b 100 90 10 90% /home\n"
        + "/dev/c 100 89 11 89% /srv\n"
        + "/dev/d 100 95 5 95% /opt\n"
        + "/dev/e 100 97 3 97% /\n"
    ).encode()
    for threshold in (90, 95, 98, 89):
        log: list = []
        observe(survey_host(make({"h": (0, out, b"")}, log), "h", user="root", threshold=threshold))


def check_client_calls_and_closing(observe):
    df = (HEADER + "/dev/a 100 50 50 50% /\n").encode()
    hosts = {
        "ok": (0, df, b""),
        "refused": ConnectionRefusedError("port 22"),
        "exec-fails": (OSError("channel closed"),),
        "exit-2": (2, b"partial", b"  df: /x: Permission denied \n"),
        "garbage": (0, (HEADER + "oops\n").encode(), b""),
        "bad-bytes": (3, b"", b"caf\xe9 \xff\n"),
        "latin1-mount": (0, (HEADER + "/dev/a 100 95 5 95% /srv/caf").encode() + b"\xe9\n", b""),
    }
    for host in hosts:
        log: list = []
        survey = survey_host(make(hosts, log), host, user="svc", timeout=2.5, paths=["/", "/my disk"])
        observe((survey.host, survey.mounts, survey.full))
        observe(survey.error if host != "garbage" else survey.error.split(":")[0])
        observe(log)
    # the defaults: timeout 10.0, threshold 90
    log = []
    full = (HEADER + "/dev/a 100 90 10 90% /\n/dev/b 100 89 11 89% /b\n").encode()
    observe(survey_host(make({"d": (0, full, b"")}, log), "d", user="svc"))
    observe(log)


def check_fleet_defaults_and_order(observe):
    df = (HEADER + "/dev/a 100 91 9 91% /\n/dev/b 100 90 10 90% /b\n").encode()
    hosts = {"web-2": (0, df, b""), "web-1": TimeoutError("timed out"), "db-1": (0, df, b"")}
    log: list = []
    observe(survey_fleet(make(hosts, log), ["web-2", "web-1", "db-1"], user="ops"))
    observe(log)
    log2: list = []
    observe(survey_fleet(make(hosts, log2), iter(["db-1"]), user="u", timeout=1.5, threshold=91))
    observe(log2)
    observe(survey_fleet(make(hosts, []), [], user="ops"))
