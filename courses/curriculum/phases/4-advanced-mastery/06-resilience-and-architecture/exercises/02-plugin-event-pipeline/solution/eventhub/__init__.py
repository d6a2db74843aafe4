"""An event pipeline whose behaviour comes from plugins; the core knows none of them.

The package re-exports the core only: `from eventhub import PluginHost, Event`. The
built-in plugins live in `eventhub.builtin`, which the core never imports."""

from eventhub.core import BasePlugin, Event, Plugin, PluginHost, load_plugin  # noqa: F401
