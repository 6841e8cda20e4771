"""The ``check`` command's start: its imports and the loading of its rule packs run without the cyclic garbage
collector.

Start-up creates a few hundred thousand objects (modules, classes, pydantic's validators, compiled patterns, the
loaded packs and registries), all kept to the end of the run and none of them garbage; the collector walked them
over a hundred times for nothing, about a tenth of a one-plan run. ``main`` pauses it before importing the command;
the command resumes it once its rule packs are loaded (``resume``, checker.cli), so the plans of a batch are
checked with the collector on, as before, and memory stays flat. Imported by the command line only: importing
``checker`` as a library changes nothing.
"""

from __future__ import annotations

import gc

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


def main() -> None:
    """``check`` and ``python -m checker``."""
    pause()
    try:
        from checker.cli import main as command
    except BaseException:
        resume()
        raise
    command()
