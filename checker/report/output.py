"""Where a report goes: one format to stdout (HTML to the output folder); by default the text summary and the
HTML report; several formats each to its own file in the output folder. jinja2 is imported only to write HTML."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from checker.models import Report
from checker.report import FILENAMES, FORMATS
from checker.report.labels import label, summary_line

Output = tuple[bool, str, bool]  # (is a rendered report for stdout, text, to stderr)


def _write_html(report: Report, folder: Path) -> Path:
    from checker.report import html_report

    return html_report.write(report, folder)


def outputs(report: Report, formats: tuple[str, ...], folder: Path, lang: str) -> Iterator[Output]:
    """Write the files asked for and yield what is to be printed, in order."""
    if not formats:
        yield True, FORMATS["text"](report), False
        yield False, label("report_written", lang).format(path=_write_html(report, folder)), True
        return
    if len(formats) == 1 and formats[0] != "html":
        yield True, FORMATS[formats[0]](report), False
        return
    for fmt in dict.fromkeys(formats):
        if fmt == "html":
            path = _write_html(report, folder)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / FILENAMES[fmt]
            path.write_text(FORMATS[fmt](report), encoding="utf-8")
        yield False, f"{fmt}: {path}", True
    yield False, summary_line(report.summary(), lang), True
