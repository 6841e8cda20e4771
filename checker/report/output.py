"""Where a report goes: one format to stdout (HTML to the output folder); by default the text summary and the
HTML report; several formats each to its own file in the output folder. Every format is written plan by plan
(checker.report.stream); jinja2 is imported only to write HTML."""

from __future__ import annotations

from pathlib import Path
from typing import IO, TextIO

from checker.models import PlanResult
from checker.report import FILENAMES, FOLDER_ONLY, writer
from checker.report.labels import label, summary_line
from checker.report.reviewer import ReviewerOptions
from checker.report.stream import Tally, Writer


def _html(folder: Path, lang: str, rules: list[dict[str, object]], reviewer: ReviewerOptions) -> Writer:
    from checker.report import html_report

    return html_report.Writer(None, lang, rules, out_dir=folder, context=reviewer.context)


def _xlsx(folder: Path, lang: str, rules: list[dict[str, object]], reviewer: ReviewerOptions) -> Writer:
    from checker.report import xlsx_report  # openpyxl is imported only when a workbook is asked for

    return xlsx_report.Writer(folder, lang, rules, reviewer.context)


class Outputs:
    """The writers a run asks for, fed one plan at a time; ``close()`` finishes them and returns the lines to
    print on stderr (what was written where, the summary)."""

    def __init__(self, formats: tuple[str, ...], folder: Path, lang: str, rules: list[dict[str, object]],
                 stdout: TextIO, reviewer: ReviewerOptions | None = None) -> None:
        reviewer = reviewer or ReviewerOptions()
        self.lang = lang
        self.tally = Tally()
        self.writers: list[Writer] = []
        self.files: list[IO[str]] = []
        self.messages: list[str] = []
        self.summary_after = False  # several files written: the summary goes to stderr
        self.letters = None
        if reviewer.letters is not None:
            from checker.report import letters

            self.letters = letters.Writer(folder, reviewer.letters, rules)
            self.writers.append(self.letters)
        if not formats:
            self.writers.append(writer("text")(stdout, lang, rules))
            self.writers.append(_html(folder, lang, rules, reviewer))
            self.messages.append(label("report_written", lang).format(path=folder / "index.html"))
            return
        if len(formats) == 1 and formats[0] != "html" and formats[0] not in FOLDER_ONLY:
            self.writers.append(writer(formats[0])(stdout, lang, rules))
            return
        for fmt in dict.fromkeys(formats):
            if fmt == "html":
                self.writers.append(_html(folder, lang, rules, reviewer))
                path = folder / "index.html"
            elif fmt == "xlsx":
                self.writers.append(_xlsx(folder, lang, rules, reviewer))
                path = folder / FILENAMES[fmt]
            else:
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / FILENAMES[fmt]
                fh = path.open("w", encoding="utf-8")
                self.files.append(fh)
                self.writers.append(writer(fmt)(fh, lang, rules))
            self.messages.append(f"{fmt}: {path}")
        self.summary_after = True

    def add(self, p: PlanResult) -> None:
        self.tally.add(p)
        for w in self.writers:
            w.add(p)

    def close(self) -> list[str]:
        summary = self.tally.summary()
        for w in self.writers:
            w.close(summary)
        for fh in self.files:
            fh.close()
        letters = [self.letters.message()] if self.letters is not None else []
        return self.messages + letters + ([summary_line(summary, self.lang)] if self.summary_after else [])
