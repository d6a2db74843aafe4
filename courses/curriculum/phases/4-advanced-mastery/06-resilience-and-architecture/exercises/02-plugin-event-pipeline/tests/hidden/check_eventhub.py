"""Hidden checks: they record what the host runs, in which order, what the plugins return,
how failures are isolated and how plugins load; the grader compares with the reference."""

import importlib
import sys
import textwrap

import pytest
from eventhub import BasePlugin, Event, PluginHost, load_plugin
from eventhub.builtin import MASK, Drop, Redact, Tag


class Plain:
    """Satisfies the protocol without inheriting from anything."""

    def __init__(self, name, priority=0, log=None, effect=None):
        self.name = name
        self.priority = priority
        self.log = log if log is not None else []
        self.effect = effect

    def process(self, event):
        self.log.append((self.name, event.kind, event.tags))
        if self.effect == "raise":
            raise LookupError(self.name)
        if self.effect == "drop":
            return None
        if self.effect == "junk":
            return {"kind": event.kind}
        if self.effect == "raise-on-debug" and event.kind == "debug":
            raise ValueError("debug")
        return Event(event.kind, {**event.payload, self.name: len(self.log)}, event.tags)


class NoProcess:
    name = "np"
    priority = 1


class NoPriority:
    name = "npr"

    def process(self, event):
        return event


class NoName:
    priority = 1

    def process(self, event):
        return event


def shown(event):
    return None if event is None else (event.kind, event.payload, event.tags)


@pytest.mark.parametrize(
    "candidate",
    [NoProcess(), NoPriority(), NoName(), "redact", Plain(""), Plain(None), Plain(7),
     Plain("ok", priority=True), Plain("ok", priority=2.0), Plain("ok", priority="1"),
     Plain("ok", priority=-4)],
)
def check_add_accepts_the_protocol_only(observe, candidate):
    host = PluginHost([Plain("first", priority=3)])
    observe.raises(host.add, candidate)
    observe(host.names())


def check_order_by_priority_then_insertion(observe):
    log = []
    host = PluginHost([Plain("c", 5, log), Plain("a", -1, log), Plain("b", 5, log)])
    host.add(Plain("d", 0, log))
    host.add(Plain("e", 5, log))
    observe(host.names())
    observe.raises(host.add, Plain("b", 99, log))
    observe.raises(host.add, Tag("x", priority=3))  # fine
    observe(host.names())
    host.remove("c")
    host.add(Plain("c", 5, log))  # back at the end of its priority group
    observe(host.names())
    observe(shown(host.run(Event("order", {"id": 1}))))
    observe(log)
    try:
        host.remove("zzz")
    except KeyError as exc:
        observe(("KeyError", exc.args))
    observe.raises(PluginHost, [Plain("same"), Plain("same")])


def check_each_plugin_gets_the_previous_output_and_drop_stops(observe):
    log = []
    host = PluginHost(
        [Plain("late", 90, log), Tag("first", priority=1), Drop(["noise"], priority=40),
         Redact(["email"], priority=20), Plain("early", 10, log)]
    )
    observe(host.names())
    payload = {"email": "x@y.z", "n": 1}
    events = [Event("order", payload), Event("noise", {"email": "a"}), Event("order", {}, ("vip",))]
    observe([shown(host.run(e)) for e in events])
    observe(log)
    observe(payload)
    log.clear()
    observe([shown(e) for e in host.run_all(events + [Event("noise", {})])])
    observe(len(log))
    observe(shown(PluginHost().run(Event("empty", {"k": 1}))))
    observe(PluginHost().run_all([]))


def check_failures_are_isolated_and_disable_plugins(observe):
    log = []
    host = PluginHost(
        [Plain("flaky", 1, log, "raise-on-debug"), Plain("junk", 2, log, "junk"),
         Plain("bad", 3, log, "raise"), Tag("ok", priority=4)],
        max_errors=2,
    )
    outputs = []
    for kind in ["debug", "order", "debug", "debug", "order"]:
        outputs.append(shown(host.run(Event(kind, {"k": kind}))))
        outputs.append((host.errors, host.disabled))
    observe(outputs)
    observe(log)
    errors, disabled = host.errors, host.disabled
    errors["ok"] = 99
    disabled.append("ok")
    observe((host.errors, host.disabled))
    host.remove("bad")
    observe((host.names(), host.errors, host.disabled))
    host.add(Plain("bad", 3, log, "raise"))
    observe(shown(host.run(Event("order", {}))))
    observe((host.errors, host.disabled))
    one = PluginHost([Plain("once", 0, None, "raise")], max_errors=1)
    observe((shown(one.run(Event("a", {}))), one.errors, one.disabled))
    for bad in (0, -1):
        observe.raises(PluginHost, [], max_errors=bad)
    default = PluginHost([Plain("sulky", 0, None, "raise"), Tag("after", priority=1)])
    for n in range(4):  # the default max_errors is 3
        observe((shown(default.run(Event("tick", {"n": n}))), default.errors, default.disabled))


class Shout(BasePlugin):
    def __init__(self, **kwargs):
        super().__init__("shout", **kwargs)

    def transform(self, event):
        return Event(event.kind, {k: str(v).upper() for k, v in event.payload.items()},
                     event.tags)


class Forgetful(BasePlugin):
    pass


def check_base_plugin_template(observe):
    observe.raises(BasePlugin, "x")
    observe.raises(Forgetful, "x")
    every = Shout()
    observe((every.name, every.priority, every.kinds))
    some = Shout(priority=-3, kinds=(k for k in ["order", "refund", "order"]))
    observe((some.priority, type(some.kinds).__name__, sorted(some.kinds)))
    login = Event("login", {"user": "bo"})
    observe(some.process(login) is login)
    observe(shown(some.process(Event("refund", {"amount": "ten"}))))
    observe(shown(every.process(login)))
    observe(shown(Shout(kinds=[]).process(login)))


def check_builtin_plugins(observe):
    redact = Redact(["card", "email", "phone"])
    observe((redact.name, redact.priority, redact.kinds))
    original = Event("payment", {"card": "4111", "amount": 30, "phone": None}, ("paid",))
    out = redact.process(original)
    observe(shown(out))
    observe(shown(original))
    again = redact.process(out)
    observe(shown(again))
    untouched = Event("payment", {"amount": 1})
    observe(redact.process(untouched) is untouched)
    only_signup = Redact(["email"], kinds=["signup"], priority=70)
    observe((only_signup.priority, shown(only_signup.process(Event("order", {"email": "e"})))))
    observe(shown(only_signup.process(Event("signup", {"email": "e"}, ("redacted",)))))
    drop = Drop(["debug", "trace"])
    observe((drop.name, drop.priority, sorted(drop.kinds)))
    observe([shown(drop.process(Event(k, {}))) for k in ("debug", "trace", "order")])
    observe(Drop(["x"], priority=8).priority)
    observe.raises(Drop, [])
    big = Tag("big", when=lambda e: e.payload.get("total", 0) >= 100, kinds=["order"])
    observe((big.name, big.priority))
    for event in [Event("order", {"total": 100}), Event("order", {"total": 99}),
                  Event("order", {"total": 500}, ("big",)), Event("refund", {"total": 900}),
                  Event("order", {"total": 100}, ("vip", "new"))]:
        observe(shown(big.process(event)))
    observe(shown(Tag("all", priority=1).process(Event("x", {}, ("a",)))))
    observe.raises(Tag, "")
    observe(MASK)


def check_loading_plugins_from_other_files(observe, tmp_path):
    (tmp_path / "partner_plugins.py").write_text(textwrap.dedent("""
        from eventhub import BasePlugin, Event

        class Stamp(BasePlugin):
            def __init__(self):
                super().__init__("stamp", priority=7)

            def transform(self, event):
                return Event(event.kind, {**event.payload, "stamped": True}, event.tags)

        class NeedsArgs(Stamp):
            def __init__(self, when):
                super().__init__()

        class Duck:
            name = "duck"
            priority = 1

            def process(self, event):
                return None if event.kind == "spam" else event

        ready = Duck()
        not_a_plugin = 42

        def factory():
            return Duck()
    """))
    (tmp_path / "partner_pkg").mkdir()
    (tmp_path / "partner_pkg" / "__init__.py").write_text("")
    (tmp_path / "partner_pkg" / "deep.py").write_text(
        "from partner_plugins import Duck\n\nclass Deep(Duck):\n    name = 'deep'\n"
    )
    sys.path.insert(0, str(tmp_path))
    try:
        host = PluginHost()
        stamp = host.load("partner_plugins:Stamp")
        observe((type(stamp).__name__, stamp.name, stamp.priority))
        observe(host.load("partner_plugins:ready").name)
        observe(type(load_plugin("partner_pkg.deep:Deep")).__name__)
        observe(host.names())
        observe([shown(e) for e in host.run_all([Event("spam", {}), Event("order", {})])])
        for spec in ["partner_plugins:not_a_plugin", "partner_plugins:factory",
                     "partner_plugins:NeedsArgs", "partner_plugins:missing",
                     "no_such_module_here:Thing", "partner_plugins", "partner_plugins.Stamp",
                     ":Stamp", "partner_plugins:", "partner_plugins:Stamp:extra", ""]:
            observe.raises(load_plugin, spec)
        observe.raises(host.load, "partner_plugins:Stamp")  # the name is taken
        observe(host.names())
    finally:
        sys.path.remove(str(tmp_path))
        for name in ["partner_plugins", "partner_pkg", "partner_pkg.deep"]:
            sys.modules.pop(name, None)


def check_the_core_does_not_depend_on_the_builtin_plugins(observe):
    saved = {name: module for name, module in sys.modules.items()
             if name == "eventhub" or name.startswith("eventhub.")}
    for name in saved:
        del sys.modules[name]
    try:
        core = importlib.import_module("eventhub.core")
        loaded = sorted(name for name in sys.modules if name.startswith("eventhub"))
        host = core.PluginHost()
        observe(loaded)
        observe(host.names())
    finally:
        for name in [n for n in sys.modules if n == "eventhub" or n.startswith("eventhub.")]:
            del sys.modules[name]
        sys.modules.update(saved)
