"""The ``check`` command's start: its imports and the loading of its rule packs run without the cyclic garbage
collector.

Start-up creates a few hundred thousand objects (modules, classes, pydantic's validators, compiled patterns, the
loaded packs and registries), all kept to the end of the run and none of them garbage; the collector walked them
over a hundred times for nothing, about a tenth of a one-plan run. ``main`` pauses it before importing the command;
the command resumes it once its rule packs are loaded (``resume``, checker.cli), so the plans of a batch are
checked with the collector on, as before, and memory stays flat. Imported by the command line only: importing
``checker`` as a library changes nothing.

The command also runs without pydantic's plugins (``_without_pydantic_plugins``): looking for them, when the first
model class is built, imported ``importlib.metadata`` (zipfile, email, csv, socket: a twentieth of the start-up) and
read the entry points of every installed distribution, for plugins (observability of validation) a command that
checks files has no use for.
"""

from __future__ import annotations

import gc
import os
import sys
import types
from typing import Any

_paused = False


def pause() -> None:
    """The collector off until ``resume``; nothing if it was already off (someone else's choice)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """The collector on again if ``pause`` turned it off."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()  # what start-up made lives to the end: never walked again (nor copied by a forked worker)
        gc.enable()


_PLUGIN_LOADER = "pydantic.plugin._loader"


def _without_pydantic_plugins() -> None:
    """pydantic finds no plugins, as with ``PYDANTIC_DISABLE_PLUGINS=__all__``, without importing its plugin loader
    (which imports ``importlib.metadata``): a stand-in for the loader answers ``get_plugins()`` with none; anything
    else asked of it (a pydantic that uses its loader otherwise) is the real loader's, imported then. Nothing if the
    loader was already imported or the user set ``PYDANTIC_DISABLE_PLUGINS`` (their choice of plugins stands)."""
    if _PLUGIN_LOADER in sys.modules or "PYDANTIC_DISABLE_PLUGINS" in os.environ:
        return
    stand_in = types.ModuleType(_PLUGIN_LOADER, "pydantic's plugin loader for the check command: no plugins")

    def get_plugins() -> tuple[()]:
        return ()

    def real(name: str) -> Any:
        if name.startswith("__"):  # what the import system asks of any module (``__path__``): not there
            raise AttributeError(name)
        if sys.modules.get(_PLUGIN_LOADER) is stand_in:
            del sys.modules[_PLUGIN_LOADER]
        import importlib

        return getattr(importlib.import_module(_PLUGIN_LOADER), name)

    stand_in.get_plugins = get_plugins  # type: ignore[attr-defined]
    stand_in.__getattr__ = real  # type: ignore[method-assign]
    sys.modules[_PLUGIN_LOADER] = stand_in


def main() -> None:
    """``check`` and ``python -m checker``."""
    _without_pydantic_plugins()
    pause()
    try:
        from checker.cli import main as command
    except BaseException:
        resume()
        raise
    command()
