"""Hidden checks: they record what the code does; the grader compares with the reference."""

import locale

import pytest
from orders import import_orders, read_order

DOCUMENTS = {
    "good-int.json": '{"id": 1, "total": 10, "note": "x"}',
    "good-float.json": '{"total": 0.5, "id": 22}',
    "zero.json": '{"id": 3, "total": 0}',
    "negative.json": '{"id": 4, "total": -0.01}',
    "no-id.json": '{"total": 5}',
    "no-total.json": '{"id": 5}',
    "id-text.json": '{"id": "6", "total": 5}',
    "id-float.json": '{"id": 6.0, "total": 5}',
    "id-bool.json": '{"id": true, "total": 5}',
    "total-bool.json": '{"id": 7, "total": false}',
    "total-text.json": '{"id": 7, "total": "5"}',
    "total-null.json": '{"id": 7, "total": null}',
    "list.json": "[1, 2]",
    "number.json": "42",
    "cut.json": '{"id": 8, "tot',
    "empty.json": "",
    "not-json.json": "id=9 total=10",
}


@pytest.fixture
def orders_folder(tmp_path):
    for name, text in DOCUMENTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "latin1.json").write_bytes('{"id": 9, "total": 1, "customer": "Jos\u00e9"}'.encode("latin-1"))
    (tmp_path / "utf8.json").write_bytes('{"id": 10, "total": 2, "customer": "Jos\u00e9"}'.encode("utf-8"))
    (tmp_path / "a-folder.json").mkdir()
    return tmp_path


@pytest.mark.parametrize("name", [*DOCUMENTS, "latin1.json", "utf8.json", "missing.json"])
def check_read_order(observe, orders_folder, name):
    observe.call(read_order, orders_folder / name)
    observe.call(read_order, str(orders_folder / "good-float.json"))


def check_import_everything(observe, orders_folder):
    names = [*DOCUMENTS, "latin1.json", "utf8.json", "missing.json", "gone/deeper.json"]
    store, log = [], []
    counts = observe(import_orders([orders_folder / name for name in names], store, log))
    observe(list(counts))
    observe(store)
    observe(log)


def check_import_nothing(observe):
    store, log = [], []
    counts = observe(import_orders([], store, log))
    observe(list(counts))
    observe((store, log))


def check_store_and_log_are_extended_not_replaced(observe, orders_folder):
    store = [{"id": 0, "total": 1}]
    log = ["started"]
    observe(import_orders([str(orders_folder / "zero.json"), orders_folder / "no-id.json"], store, log))
    observe(store)
    observe(log)


def check_unexpected_errors_are_not_swallowed(observe, orders_folder):
    store, log = [], []
    paths = [orders_folder / "good-int.json", orders_folder / "cut.json", orders_folder / "a-folder.json",
             orders_folder / "good-float.json"]  # fmt: skip
    observe.raises(import_orders, paths, store, log)
    observe(store)
    observe(log)


@pytest.fixture
def ascii_default_encoding():
    """Python's default text encoding becomes ASCII, as on a machine not set up for UTF-8."""
    previous = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    yield
    locale.setlocale(locale.LC_CTYPE, previous)


def check_files_are_read_as_utf8(observe, orders_folder, ascii_default_encoding):
    observe.call(read_order, orders_folder / "utf8.json")
    store, log = [], []
    observe(import_orders([orders_folder / "utf8.json", orders_folder / "latin1.json"], store, log))
    observe((store, log))
