import pytest
from cleanup import Transaction, open_all, pooled, temporary_settings

from tests.fakes import Conn, Interrupt, Pool, Resource


def test_transaction_commits_on_success():
    events = []
    conn = Conn("db", events)
    transaction = Transaction(conn)
    with transaction as inside:
        assert inside is conn
        assert transaction.active is True
    assert events == ["begin db", "commit db"]
    assert transaction.active is False


def test_transaction_rolls_back_and_reraises():
    events = []
    with pytest.raises(ZeroDivisionError):
        with Transaction(Conn("db", events)):
            1 / 0
    assert events == ["begin db", "rollback db"]


def test_pooled_releases_or_discards():
    pool = Pool()
    with pooled(pool) as conn:
        assert conn.name == "c1"
    with pytest.raises(ValueError):
        with pooled(pool):
            raise ValueError("bad query")
    assert pool.events == ["acquire c1", "release c1", "acquire c2", "close c2", "discard c2"]


def test_temporary_settings_restores_the_overridden_keys():
    config = {"debug": False, "region": "eu"}
    with temporary_settings(config, debug=True, region=None, retries=3) as same:
        assert same is config
        assert config == {"debug": True, "retries": 3}
    assert config == {"debug": False, "region": "eu"}


def test_temporary_settings_restores_after_an_interrupt():
    config = {"debug": False}
    with pytest.raises(Interrupt):
        with temporary_settings(config, debug=True):
            raise Interrupt
    assert config == {"debug": False}


def test_open_all_closes_in_reverse_order():
    events = []
    with open_all(["a", "b"], lambda name: Resource(name, events)) as handles:
        assert handles == ["A", "B"]
        events.append("work")
    assert events == ["enter a", "enter b", "work", "exit b", "exit a"]
