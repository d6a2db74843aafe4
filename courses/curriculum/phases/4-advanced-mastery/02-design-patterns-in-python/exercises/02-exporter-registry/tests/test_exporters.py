import functools

import pytest
from exporters import (
    CsvExporter,
    JsonLinesExporter,
    Registry,
    Settings,
    UnknownFormatError,
    export,
    registry,
)

ROWS = [{"sku": "A-1", "qty": 3}, {"sku": "B-2", "qty": 10}]


@pytest.fixture(autouse=True)
def fresh_settings():
    Settings.reset()  # shared state must not leak from one test into the next
    yield
    Settings.reset()


def test_register_and_create_a_new_exporter_each_time():
    reg = Registry()
    reg.register("csv", CsvExporter)
    first, second = reg.create("csv"), reg.create("csv")
    assert isinstance(first, CsvExporter)
    assert first is not second
    assert reg.create("csv", delimiter=";").export(ROWS) == "sku;qty\nA-1;3\nB-2;10\n"


def test_register_works_as_a_decorator_and_returns_the_class():
    reg = Registry()

    @reg.register("Lines")
    class Lines(JsonLinesExporter):
        pass

    assert Lines.__name__ == "Lines"
    assert "lines" in reg and " LINES " in reg
    assert isinstance(reg.create("lines"), Lines)


def test_names_are_normalised_and_validated():
    reg = Registry()
    reg.register(" JSONL ", JsonLinesExporter)
    assert reg.names() == ["jsonl"]
    with pytest.raises(ValueError):
        reg.register("c s v", CsvExporter)


def test_duplicates_need_replace():
    reg = Registry()
    reg.register("csv", CsvExporter)
    with pytest.raises(ValueError):
        reg.register("CSV", JsonLinesExporter)
    reg.register("CSV", JsonLinesExporter, replace=True)
    assert isinstance(reg.create("csv"), JsonLinesExporter)


def test_unknown_names_list_the_known_ones():
    reg = Registry()
    reg.register("csv", CsvExporter)
    reg.register("tsv", functools.partial(CsvExporter, delimiter="\t"))
    with pytest.raises(UnknownFormatError) as caught:
        reg.create("xml")
    assert "csv" in str(caught.value) and "tsv" in str(caught.value)
    with pytest.raises(UnknownFormatError):
        reg.unregister("xml")


def test_the_module_registry_has_three_formats():
    assert registry.names() == ["csv", "jsonl", "tsv"]
    assert export(ROWS, "tsv") == "sku\tqty\nA-1\t3\nB-2\t10\n"


def test_settings_is_a_singleton_that_keeps_its_state():
    Settings().default_format = "jsonl"
    assert Settings() is Settings()
    assert Settings().default_format == "jsonl"
    assert export([{"b": 1, "a": 2}], sort_keys=True) == '{"a": 2, "b": 1}\n'


def test_reset_gives_a_fresh_settings_object():
    old = Settings()
    old.default_format = "tsv"
    Settings.reset()
    assert Settings() is not old
    assert Settings().default_format == "csv"


def test_a_subclass_gets_its_own_instance():
    class TestSettings(Settings):
        pass

    base = Settings()
    sub = TestSettings()
    assert type(sub) is TestSettings
    assert sub is not base
    assert TestSettings() is sub
