import textwrap

import pytest
from eventhub import BasePlugin, Event, PluginHost, load_plugin
from eventhub.builtin import MASK, Drop, Redact, Tag


class Upper:
    """A plugin that does not inherit from anything: the protocol is enough."""

    name = "upper"
    priority = 20

    def process(self, event):
        return Event(event.kind.upper(), event.payload, event.tags)


class Boom(BasePlugin):
    def __init__(self):
        super().__init__("boom", priority=5)

    def transform(self, event):
        raise RuntimeError("boom")


def test_readme_example():
    host = PluginHost([Tag("big", when=lambda e: e.payload.get("total", 0) >= 100),
                       Redact(["email"]), Drop(["debug"])])
    assert host.names() == ["drop", "redact", "tag:big"]
    assert host.run(Event("order", {"email": "ana@example.com", "total": 120})) == Event(
        "order", {"email": MASK, "total": 120}, ("redacted", "big"))
    assert host.run(Event("debug", {"msg": "cache warm"})) is None


def test_any_object_with_the_right_shape_is_a_plugin():
    host = PluginHost([Upper()])
    assert host.run(Event("login", {})) == Event("LOGIN", {})
    with pytest.raises(TypeError):
        host.add(object())


def test_base_plugin_is_abstract_and_filters_kinds():
    with pytest.raises(TypeError):
        BasePlugin("nothing")
    tag = Tag("vip", kinds=["order"])
    login = Event("login", {"user": "bo"})
    assert tag.process(login) is login
    assert tag.process(Event("order", {})).tags == ("vip",)


def test_names_must_be_unique_and_order_follows_priority():
    host = PluginHost([Tag("b", priority=7), Tag("a", priority=7), Drop(["x"], priority=9)])
    assert host.names() == ["tag:b", "tag:a", "drop"]
    with pytest.raises(ValueError):
        host.add(Tag("a"))


def test_redact_never_changes_the_original_event():
    payload = {"email": "ana@example.com", "card": "4111"}
    event = Event("payment", payload)
    out = PluginHost([Redact(["card", "phone"])]).run(event)
    assert out.payload == {"email": "ana@example.com", "card": MASK}
    assert out.tags == ("redacted",)
    assert event.payload["card"] == "4111" and event.tags == ()


def test_a_failing_plugin_is_isolated_then_disabled():
    host = PluginHost([Boom(), Tag("seen")], max_errors=2)
    for _ in range(3):
        assert host.run(Event("order", {})).tags == ("seen",)
    assert host.errors == {"boom": 2}
    assert host.disabled == ["boom"]


def test_plugins_load_from_another_file(tmp_path, monkeypatch):
    (tmp_path / "team_plugins.py").write_text(textwrap.dedent("""
        from eventhub.builtin import Tag

        class Loyalty(Tag):
            def __init__(self):
                super().__init__("loyal", when=lambda e: e.payload.get("orders", 0) > 10)
    """))
    monkeypatch.syspath_prepend(str(tmp_path))
    host = PluginHost()
    plugin = host.load("team_plugins:Loyalty")
    assert plugin.name == "tag:loyal"
    assert host.run(Event("order", {"orders": 11})).tags == ("loyal",)
    with pytest.raises(ValueError):
        load_plugin("team_plugins.Loyalty")
