"""Hidden checks: they record what the registry builds, what the exports produce and how
the Settings singleton behaves; the grader compares with the reference."""

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

ROWS = [{"city": "Lyon", "visits": 12}, {"city": "Oslo", "visits": 3}, {"city": "Pune"}]


class Shouting:
    def __init__(self, prefix="!"):
        self.prefix = prefix

    def export(self, rows):
        return self.prefix + ",".join(str(r).upper() for r in rows)


@pytest.mark.parametrize(
    "name", ["csv", " Csv", "JSON-LINES", "x1", "9to5", "", "   ", "c s v", "-csv", "csv!", "a_b",
             "é", "tab\t"]
)
def check_name_rules(observe, name):
    reg = Registry()
    try:
        returned = reg.register(name, Shouting)
    except Exception as exc:
        observe(type(exc).__name__)
        observe(reg.names())
        observe(name in reg)
        return
    observe(returned is Shouting)
    observe(reg.names())
    observe(reg.create(name.upper()).export([{"a": name.strip()}]))
    observe([name in reg, name.strip().upper() in reg, "other" in reg, 42 in reg])


def check_factories_of_every_shape(observe):
    reg = Registry()
    reg.register("plain", Shouting)
    reg.register("dotted", functools.partial(Shouting, prefix="."))
    reg.register("function", lambda **options: Shouting(prefix=options.get("mark", "?")))

    @reg.register("Decorated")
    class Decorated(Shouting):
        pass

    observe(Decorated.__name__)
    observe(reg.names())
    for name, options in [("plain", {}), ("dotted", {}), ("dotted", {"prefix": "#"}),
                          ("function", {"mark": "%"}), ("decorated", {"prefix": "~"})]:
        exporter = reg.create(name, **options)
        observe((type(exporter).__name__, exporter.export(ROWS[:1])))
    first, second = reg.create("plain"), reg.create("plain")
    first.prefix = "changed"
    observe((first is second, second.prefix))
    observe.raises(reg.create, "plain", colour="red")  # options go to the factory as they are
    observe.raises(reg.register, "broken", "not callable")
    observe("broken" in reg)
    observe.raises(lambda: reg.register("also-broken")(42))
    observe(reg.names())


def check_duplicates_and_unregister(observe):
    reg = Registry()
    reg.register("report", Shouting)
    observe.raises(reg.register, "REPORT ", JsonLinesExporter)
    observe(type(reg.create("report")).__name__)
    observe.raises(lambda: reg.register("Report")(JsonLinesExporter))
    observe(reg.register("report", CsvExporter, replace=True).__name__)
    observe(type(reg.create("report")).__name__)
    observe(reg.register("fresh", CsvExporter, replace=True).__name__)  # replace on a new name
    observe(reg.names())
    reg.unregister(" Report")
    observe(reg.names())
    observe(["report" in reg, "fresh" in reg])
    observe.raises(reg.unregister, "report")
    observe.raises(reg.unregister, "bad name")
    reg.register("report", Shouting)  # free again after unregister
    observe(reg.names())


def check_unknown_formats(observe):
    reg = Registry()
    observe.call(reg.create, "pdf")
    for name in ("zeta", "alpha", "mid-1"):
        reg.register(name, Shouting)
    for action in (reg.create, reg.unregister):
        try:
            action("  PDF ")
        except UnknownFormatError as exc:
            observe([known in str(exc) for known in [*reg.names(), "pdf"]])
            observe(isinstance(exc, LookupError))
            observe(reg.names())
    observe.call(reg.create, "  PDF ")
    observe.call(reg.create, "p d f")


def check_module_registry_and_export(observe):
    observe(registry.names())
    Settings.reset()
    try:
        observe(export(ROWS))
        observe(export(ROWS, " TSV"))
        observe(export(ROWS, "csv", delimiter="|"))
        observe(export(ROWS[:2], "jsonl"))
        observe(export([{"visits": 1, "city": "Rome"}], "jsonl", sort_keys=True))
        observe(export([{"visits": 1, "city": "Rome"}], "jsonl"))
        observe(export([], "tsv"))
        observe(type(registry.create("tsv")).__name__)
        observe(registry.create("tsv", delimiter=";").export(ROWS[:1]))
        observe.raises(export, ROWS, "")
        observe.raises(export, ROWS, "xml")
        Settings().default_format = "jsonl"
        observe(export(ROWS[1:]))
        Settings().default_format = "nope"
        observe.raises(export, ROWS)
    finally:
        Settings.reset()


def check_settings_singleton_and_its_pitfalls(observe):
    class AppSettings(Settings):
        pass

    class OtherSettings(Settings):
        pass

    for cls in (Settings, AppSettings, OtherSettings):
        cls.reset()
    try:
        # the subclass first, then the base class
        app = AppSettings()
        base = Settings()
        observe([type(app).__name__, type(base).__name__, type(OtherSettings()).__name__])
        observe([app is base, AppSettings() is app, Settings() is base])
        observe([base.default_format, app.default_format])
        app.default_format = "jsonl"
        Settings().default_format = "tsv"
        observe([Settings().default_format, AppSettings().default_format,
                 OtherSettings().default_format])
        AppSettings.reset()
        observe([AppSettings() is app, AppSettings().default_format, Settings() is base,
                 Settings().default_format])
        Settings.reset()
        observe([Settings() is base, Settings().default_format, AppSettings().default_format])
        observe(export([{"k": 1}]))
    finally:
        for cls in (Settings, AppSettings, OtherSettings):
            cls.reset()
