"""The reviewer's workbook (``--format xlsx``): Tổng hợp (one row per unit), Ma trận (coloured), Phát hiện (every
finding), Chưa nộp. Numbers are numbers and dates are dates; every sheet has a frozen header row, an autofilter and
widths fitted to its content. openpyxl is imported only when a workbook is asked for."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from checker.models import UNIT_TYPE_WORDS, PlanResult, Report
from checker.report.desk import Collector, Desk, DeskContext, UnitRow, build, group_names, verdict
from checker.report.labels import LABELS, where
from checker.report.matrix_view import compact_figure

FILENAME = "tong-hop.xlsx"
FILLS = {"meets": "DAFBE1", "weaker": "FFF1C2", "missing": "FFD8D3", "not-judged": "F2F2F2"}
MARKS = {"meets": "✓", "weaker": "≈", "missing": "✗", "not-judged": "—"}
HEADER_FILL = "DDE5EE"
DATE_FORMAT = "DD/MM/YYYY"


def _clean(value: Any) -> Any:
    """Text as text: control characters Excel refuses are dropped (a formula is never written: see ``_put``)."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _put(ws: Any, row: int, col: int, value: Any) -> Any:
    cell = ws.cell(row=row, column=col, value=_clean(value) if value != "" else None)  # nothing: an empty cell
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # plan text is never a formula
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    return cell


def _sheet(wb: Any, title: str, headers: list[str], rows: list[list[Any]], first: bool = False) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = wb.active if first else wb.create_sheet()
    ws.title = title
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    for c, h in enumerate(headers, 1):
        cell = _put(ws, 1, c, h[:1].upper() + h[1:])  # a label as a column title: "lỗi" → "Lỗi"
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, values in enumerate(rows, 2):
        for c, v in enumerate(values, 1):
            _put(ws, r, c, v)
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = ws.dimensions
    _fit(ws, headers, rows)
    _printable(ws)
    return ws


def _printable(ws: Any) -> None:
    """Printed on A4 landscape, as wide as one page, the header row repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = "1:1"


def _fit(ws: Any, headers: list[str], rows: list[list[Any]], cap: int = 60) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    for c, h in enumerate(headers, 1):
        values = [r[c - 1] for r in rows if c - 1 < len(r)]
        # the title on one line (bold: a little wider) unless it is long; then the header row takes two lines
        title = min(len(h) * 1.1, 24)
        if len(h) * 1.1 > title:
            ws.row_dimensions[1].height = 32
        longest = max([title, *(10 if isinstance(v, dt.date) else len(str(v or "")) for v in values)])
        ws.column_dimensions[get_column_letter(c)].width = min(cap, max(6, longest + 2))
        if longest > cap:
            for r in range(2, len(rows) + 2):
                ws.cell(row=r, column=c).alignment = Alignment(wrap_text=True, vertical="top")


def _verdict(row: UnitRow, t: dict[str, str]) -> str:
    v = verdict(row.plan.status, row.counts)
    return t[row.plan.status] if v == "other" else t[v]


def workbook(desk: Desk, lang: str) -> bytes:
    from openpyxl import Workbook

    t = LABELS.get(lang, LABELS["vi"])
    wb = Workbook()
    _summary(wb, desk, t)
    _matrix(wb, desk, t, lang)
    _findings(wb, desk, t, lang)
    _missing(wb, desk, t)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


class Writer:
    """The workbook of a streamed batch: one row per plan kept (with its findings, for Phát hiện), written at the
    end to ``out_dir/tong-hop.xlsx``."""

    def __init__(self, out_dir: Path, lang: str, rules: list[dict[str, object]],
                 context: DeskContext | None = None) -> None:
        self.path = out_dir / FILENAME
        self.lang = lang
        self.desk = Collector(rules, context, keep_findings=True)

    def add(self, p: PlanResult) -> None:
        self.desk.add(p)

    def close(self, summary: dict[str, object]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(workbook(self.desk.desk(), self.lang))


def write(report: Report, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILENAME
    path.write_bytes(workbook(build(report), report.lang))
    return path


def _summary(wb: Any, desk: Desk, t: dict[str, str]) -> None:
    headers = ["STT", t["unit"], t["code"], t["plan"], "Số", t["date"], t["status"], t["verdict"], t["error"],
               t["warning"], t["info"], f"{t['items_met']}", f"{t['items_short']}", t["notes"]]
    if desk.has_previous:
        headers[-1:-1] = [f"{t['round']}: {t['fixed']}", f"{t['round']}: {t['new']}", f"{t['round']}: {t['remaining']}"]
    rows: list[list[Any]] = []
    for k, r in enumerate(desk.rows, 1):
        c = r.counts
        f = r.plan.facts
        notes = [r.plan.reason or ""] if r.plan.status != "checked" else []
        if r.superseded:
            notes.append(t["dups_note"].format(files=", ".join(Path(q.path).name for q in r.superseded)))
        if not r.in_registry:
            notes.append(t["not_in_registry"])
        met = sum(1 for cell in r.cells if cell.status == "meets")
        short = sum(1 for cell in r.cells if cell.status in ("weaker", "missing"))
        row: list[Any] = [k, r.unit, r.code, r.plan.path, (f.number if f else None) or "", f.date if f else None,
                          t[r.plan.status], _verdict(r, t), c["error"], c["warning"], c["info"], met, short]
        if desk.has_previous:
            row += [r.round.fixed, r.round.new, r.round.remaining] if r.round else [None, None, None]
        rows.append([*row, "; ".join(n for n in notes if n)])
    _sheet(wb, "Tổng hợp", headers, rows, first=True)


def _matrix(wb: Any, desk: Desk, t: dict[str, str], lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    groups = group_names(lang)
    headers = [t["unit"], t["verdict"], *(f"{groups[it.type]}: {it.label}" for it in desk.items)]
    rows: list[list[Any]] = []
    for r in desk.rows:
        cells = [f"{MARKS[c.status]} {compact_figure(c.figure)}".strip() for c in r.cells]
        rows.append([r.unit, _verdict(r, t), *cells])
    totals = desk.totals()
    ws = _sheet(wb, "Ma trận", headers, rows)
    for k, r in enumerate(desk.rows, 2):
        for j, cell in enumerate(r.cells, 3):
            ws.cell(row=k, column=j).fill = PatternFill("solid", fgColor=FILLS[cell.status])
            ws.cell(row=k, column=j).alignment = Alignment(horizontal="center")
    foot = len(rows) + 3  # a blank row, then the units meeting each item (numbers, outside the filter)
    _put(ws, foot, 1, t["sum_row"]).font = Font(bold=True)
    _put(ws, foot + 1, 1, t["judged_row"]).font = Font(bold=True)
    for j, tot in enumerate(totals, 3):
        _put(ws, foot, j, tot["meets"]).font = Font(bold=True)
        _put(ws, foot + 1, j, tot["meets"] + tot["weaker"] + tot["missing"])
    for j in range(3, len(headers) + 1):
        ws.cell(row=1, column=j).alignment = Alignment(text_rotation=90, horizontal="center", vertical="bottom",
                                                       wrap_text=True)
        ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width = 11
    ws.row_dimensions[1].height = 150
    ws.freeze_panes = "B2"
    legend = foot + 3
    for k, status in enumerate(("meets", "weaker", "missing", "not-judged")):
        cell = _put(ws, legend + k, 1, f"{MARKS[status]} {t[status] if status in t else t[status + '_cell']}")
        cell.fill = PatternFill("solid", fgColor=FILLS[status])


def _findings(wb: Any, desk: Desk, t: dict[str, str], lang: str) -> None:
    headers = [t["unit"], t["plan"], t["where"], t["line"], t["kind"], t["severity"], t["rule"], t["message"],
               t["evidence"], t["expected"], t["source"]]
    if desk.has_previous:
        headers.append(t["round"])
    rows: list[list[Any]] = []
    for r in desk.rows:
        new = {id(f) for f in r.round.new_findings} if r.round else set()
        for plan in [r.plan, *r.superseded]:  # a superseded plan's findings too: its file says which it is
            for f in plan.findings:
                row: list[Any] = [r.unit, plan.path, where(f, plan.format, lang), f.line, t[f.kind], t[f.severity],
                                  f.id, f.message, f.evidence, f.expected, f.source or ""]
                if desk.has_previous:
                    row.append("" if r.round is None or plan is not r.plan
                               else (t["new"] if id(f) in new else t["remaining"]))
                rows.append(row)
    _sheet(wb, "Phát hiện", headers, rows)


def _missing(wb: Any, desk: Desk, t: dict[str, str]) -> None:
    sent = {r.unit: r for r in desk.rows}
    rows: list[list[Any]] = []
    for k, u in enumerate(desk.missing, 1):
        note = ""
        if u["name"] in sent:
            plan = sent[u["name"]].plan
            note = f"{t['missing_note_na']}: {plan.path}" + (f" ({plan.reason})" if plan.reason else "")
        rows.append([k, u["name"], u.get("code", ""), UNIT_TYPE_WORDS.get(u.get("type", ""), u.get("type", "")), note])
    _sheet(wb, "Chưa nộp", ["STT", t["unit"], t["code"], t["unit_type"], t["notes"]], rows)
