import json

import pytest
from orders import import_orders, read_order


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_order_keeps_id_and_total(tmp_path):
    path = write(tmp_path, "1.json", '{"id": 1042, "total": 37.5, "customer": "ada@example.com"}')
    assert read_order(path) == {"id": 1042, "total": 37.5}


def test_read_order_missing_key(tmp_path):
    with pytest.raises(KeyError):
        read_order(write(tmp_path, "2.json", '{"id": 7}'))


def test_read_order_wrong_types(tmp_path):
    with pytest.raises(TypeError):
        read_order(write(tmp_path, "3.json", '{"id": "7", "total": 1}'))
    with pytest.raises(TypeError):
        read_order(write(tmp_path, "4.json", "[1, 2]"))


def test_read_order_negative_total(tmp_path):
    with pytest.raises(ValueError):
        read_order(write(tmp_path, "5.json", '{"id": 7, "total": -1}'))


def test_read_order_lets_json_errors_through(tmp_path):
    with pytest.raises(json.JSONDecodeError):
        read_order(write(tmp_path, "6.json", '{"id": 7, "tot'))


def test_import_orders_logs_every_file(tmp_path):
    write(tmp_path, "1.json", '{"id": 1, "total": 10}')
    write(tmp_path, "2.json", '{"id": 2, "total": 2.5}')
    store, log = [], []
    paths = [tmp_path / "1.json", tmp_path / "gone.json", tmp_path / "2.json"]
    assert import_orders(paths, store, log) == {"imported": 2, "missing": 1, "corrupt": 0, "invalid": 0}
    assert store == [{"id": 1, "total": 10}, {"id": 2, "total": 2.5}]
    assert log == [
        "imported 1.json",
        "checked 1.json",
        "missing gone.json",
        "checked gone.json",
        "imported 2.json",
        "checked 2.json",
    ]


def test_import_orders_corrupt_and_invalid(tmp_path):
    paths = [write(tmp_path, "a.json", "{oops"), write(tmp_path, "b.json", '{"total": 1}')]
    log = []
    counts = import_orders(paths, [], log)
    assert counts == {"imported": 0, "missing": 0, "corrupt": 1, "invalid": 1}
    assert log == ["corrupt a.json", "checked a.json", "invalid b.json: KeyError", "checked b.json"]
