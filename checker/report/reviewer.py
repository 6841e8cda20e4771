"""The reviewer's options of ``check`` (``--previous``, ``--letters``), kept out of the CLI: what they need is read
before the batch runs, so a bad file stops the run at once (exit 2, file:line: field)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checker.pipeline import expected_units
from checker.report.desk import DeskContext, load_previous
from checker.rules.loader import LoadedPack

if TYPE_CHECKING:
    from checker.report.letters import LetterTemplate


@dataclass
class ReviewerOptions:
    context: DeskContext = field(default_factory=DeskContext)  # the units expected, the last round
    letters: LetterTemplate | None = None  # --letters: the template to write them with


def prepare(packs: list[LoadedPack], previous: Path | None = None, letters: bool = False,
            rules_dirs: list[Path] | None = None) -> ReviewerOptions:
    """The registry of the packs in use, the last round's JSON and the letter template; CheckerError when a file
    is bad. The letters' modules are imported only for ``--letters``."""
    template = None
    if letters:
        from checker.report.letters import load_template, template_path

        template = load_template(template_path(rules_dirs or []))
    return ReviewerOptions(context=DeskContext(expected_units(packs), load_previous(previous) if previous else None),
                           letters=template)
