"""Small fakes that write every call they receive into a shared list of events."""


class Conn:
    def __init__(self, name, events, fail=()):
        self.name, self.events, self.fail = name, events, set(fail)

    def _record(self, what):
        self.events.append(f"{what} {self.name}")
        if what in self.fail:
            raise RuntimeError(f"{what} failed on {self.name}")

    def begin(self):
        self._record("begin")

    def commit(self):
        self._record("commit")

    def rollback(self):
        self._record("rollback")

    def close(self):
        self._record("close")


class Pool:
    def __init__(self):
        self.events, self.count = [], 0

    def acquire(self):
        self.count += 1
        conn = Conn(f"c{self.count}", self.events)
        self.events.append(f"acquire {conn.name}")
        return conn

    def release(self, conn):
        self.events.append(f"release {conn.name}")

    def discard(self, conn):
        self.events.append(f"discard {conn.name}")


class Resource:
    """What a fake opener returns: a context manager, like an open file."""

    def __init__(self, name, events, fail_enter=False):
        self.name, self.events, self.fail_enter = name, events, fail_enter

    def __enter__(self):
        self.events.append(f"enter {self.name}")
        if self.fail_enter:
            raise OSError(f"cannot enter {self.name}")
        return self.name.upper()

    def __exit__(self, *exc_info):
        self.events.append(f"exit {self.name}")
        return False


class Interrupt(BaseException):
    """Stands in for KeyboardInterrupt: not an Exception."""
