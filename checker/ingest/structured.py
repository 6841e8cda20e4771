"""Plans already in data form (.yaml/.json following the plan model), validated as strictly as a rule pack.

Every problem is one ``IngestError`` naming the file, the line and the field (``plan.yaml:12: targets.3.section:
...``), found in one pass over the data:

- syntax (YAML or JSON), in Vietnamese, with the line; never the parser's own multi-line message;
- shape: the plan model (``checker.models.Plan``), the first error with the line of the field;
- bounds: nesting depth, number of nodes (YAML aliases can expand a small file into billions of nodes, or into
  itself), text length, numbers (a 5,000-digit integer, ``.inf``, ``.nan``), line numbers;
- meaning: section parents and target sections are indexes that exist, sections form no cycle, the month is a
  month and the year a year;
- text: every string made safe (``checker.clean.safe_text``: no lone surrogates, no control characters).
"""

from __future__ import annotations

import json
import math
import re
from typing import TYPE_CHECKING

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from checker.clean import safe_text
from checker.errors import IngestError
from checker.models import Document, Plan

if TYPE_CHECKING:
    from pathlib import Path

    from checker.ingest import Limits

MAX_DEPTH = 20  # the plan model nests five deep
MAX_DIGITS = 15  # no count, percentage or line number a plan holds has more digits
MAX_NUMBER = 10**12
MAX_LINE_NUMBER = 10_000_000
YEARS = (1900, 2200)
_LINE_FIELDS = re.compile(r"^(?:line|.+_line|task_lines|page|paragraph|table|row|cell)$")

Loc = tuple[int | str, ...]


class _Invalid(Exception):
    """A problem at a field (``loc``) or, for syntax, at a line."""

    def __init__(self, message: str, loc: Loc = (), line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.loc, self.line = message, loc, line


# 35 times the sample data plan (plans/), about 3 times the largest plan seen (27,000 characters) written as data;
# YAML is slow to read (about 5 s a MB on a loaded machine), so a larger file is refused before it is parsed
STRUCTURED_MAX_BYTES = 128 * 1024


def read(path: Path, limits: Limits) -> Document:
    """Read, bound, clean and validate a data plan; one IngestError with file, line and field otherwise."""
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise IngestError(str(path), "tệp nhị phân, không phải YAML/JSON")
    if len(raw) > STRUCTURED_MAX_BYTES:
        raise IngestError(str(path), f"kế hoạch dạng dữ liệu quá lớn để kiểm tra ({len(raw) // 1024} KB, tối đa "
                                     f"{STRUCTURED_MAX_BYTES // 1024} KB)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        at = raw[: exc.start].count(b"\n") + 1
        raise IngestError(str(path), "tệp không phải UTF-8; hãy lưu lại dưới dạng UTF-8", line=at) from None
    is_json = path.suffix.lower() == ".json"
    walk = _Walk(limits)
    try:
        data = walk.clean(_load_json(text)) if is_json else walk.nodes(_compose(text))
        if not isinstance(data, dict):
            raise _Invalid("kế hoạch dạng dữ liệu phải là một ánh xạ (mapping) ở cấp cao nhất", line=1)
        if not _PLAN_FIELDS & set(data):  # another data file in the folder (a list, a score sheet): said so
            raise _Invalid("không phải kế hoạch dạng dữ liệu: không có trường nào của kế hoạch ("
                           + ", ".join(sorted(_PLAN_FIELDS)) + ")", line=1)
        data["path"], data["format"] = str(path), path.suffix.lower().lstrip(".")
        _validate(data)
    except _Invalid as bad:
        line = bad.line
        if line is None and bad.loc:
            if is_json:  # JSON is (nearly) YAML: read its positions only when an error needs a line
                walk = _Walk(limits)
                try:  # lone-surrogate escapes, which YAML refuses, replaced by one of the same length
                    walk.nodes(_compose(re.sub(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}", r"\\ufffd", text)))
                except _Invalid:
                    pass
            line = walk.line_of(bad.loc)
        where = ".".join(map(str, bad.loc))
        raise IngestError(str(path), f"{where}: {bad.message}" if where else bad.message, line=line) from None
    return Document(path=str(path), format=path.suffix.lower().lstrip("."), structured=data)


# --------------------------------------------------------------------------- syntax


def _compose(text: str) -> Node:
    """The YAML node tree (libyaml where installed): every node knows its line; nothing is constructed yet."""
    try:
        node = YAML(typ="safe").compose(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        column = f", cột {mark.column + 1}" if mark is not None else ""
        problem = str(getattr(exc, "problem", "") or "")
        what = "khóa bị lặp lại" if "duplicate" in problem else "sai cú pháp"
        raise _Invalid(f"YAML {what}{column}", line=line) from None
    except RecursionError:
        raise _Invalid(f"YAML lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)") from None
    if node is None:
        raise _Invalid("tệp YAML không có nội dung")
    return node


def _json_int(text: str) -> int:
    if sum(c.isdigit() for c in text) > MAX_DIGITS:
        raise ValueError("big")
    return int(text)


def _json_constant(name: str) -> float:
    raise ValueError("constant")


def _load_json(text: str) -> object:
    try:
        return json.loads(text, parse_int=_json_int, parse_constant=_json_constant)
    except json.JSONDecodeError as exc:
        raise _Invalid(f"JSON sai cú pháp, cột {exc.colno}", line=exc.lineno) from None
    except RecursionError:
        raise _Invalid(f"JSON lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)") from None
    except ValueError:
        big = re.search(rf"\d{{{MAX_DIGITS + 1},}}|NaN|-?Infinity", text)
        line = text.count("\n", 0, big.start()) + 1 if big else None
        raise _Invalid("số quá lớn hoặc không phải số hữu hạn (NaN, Infinity)", line=line) from None


# --------------------------------------------------------------------------- bounds and text

_SCALARS = {f"tag:yaml.org,2002:{t}" for t in ("int", "float", "bool", "null")}
_AS_TEXT = {f"tag:yaml.org,2002:{t}" for t in ("str", "timestamp")}  # dates: validated by the model, at their line


class _Walk:
    """Plain dicts and lists with safe strings, bounded in depth, size, text length and numbers; from YAML nodes,
    it also notes the line of every field, for errors."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.budget = limits.max_lines * 10  # nodes, counted as expanded (aliases included)
        self.chars = limits.max_chars
        self.lines: dict[Loc, int] = {}
        self._yaml = YAML(typ="safe")

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc``'s deepest part that has one."""
        for n in range(len(loc), 0, -1):
            if loc[:n] in self.lines:
                return self.lines[loc[:n]]
        return None

    def _enter(self, loc: Loc) -> None:
        if len(loc) > MAX_DEPTH:
            raise _Invalid(f"lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp) hoặc tham chiếu vòng (alias)", loc[:2])
        self.budget -= 1
        if self.budget < 0:
            raise _Invalid(_dots(f"kế hoạch quá lớn để kiểm tra (hơn {self.limits.max_lines * 10:,} phần tử)"), loc)

    def nodes(self, node: Node, loc: Loc = ()) -> object:
        """Data from a YAML node tree."""
        self._enter(loc)
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, MappingNode):
            out: dict[str, object] = {}
            for key, value in node.value:
                name = safe_text(str(key.value)) if isinstance(key, ScalarNode) else "?"
                if name in out:
                    raise _Invalid("khóa bị lặp lại", (*loc, name), line=key.start_mark.line + 1)
                self.lines[(*loc, name)] = key.start_mark.line + 1
                out[name] = self.nodes(value, (*loc, name))
            return out
        if isinstance(node, SequenceNode):
            return [self.nodes(v, (*loc, i)) for i, v in enumerate(node.value)]
        if node.tag in _AS_TEXT:
            return self.text(str(node.value), loc)
        if node.tag == "tag:yaml.org,2002:int" and sum(c.isdigit() for c in str(node.value)) > MAX_DIGITS:
            raise _Invalid("số quá lớn", loc)
        if node.tag not in _SCALARS:
            raise _Invalid(f"kiểu YAML không được dùng trong kế hoạch ({safe_text(str(node.tag))})", loc)
        try:
            value = self._yaml.constructor.construct_object(node)
        except (YAMLError, ValueError, TypeError, OverflowError):
            raise _Invalid("giá trị không hợp lệ", loc) from None
        return self.clean(value, loc, counted=True)

    def clean(self, obj: object, loc: Loc = (), counted: bool = False) -> object:
        """Data from JSON (or a constructed YAML scalar)."""
        if not counted:
            self._enter(loc)
        if isinstance(obj, dict):
            out: dict[str, object] = {}
            for key, value in obj.items():
                name = safe_text(str(key))
                out[name] = self.clean(value, (*loc, name))
            return out
        if isinstance(obj, list | tuple):
            return [self.clean(v, (*loc, i)) for i, v in enumerate(obj)]
        if isinstance(obj, str):
            return self.text(obj, loc)
        if isinstance(obj, bool) or obj is None:
            return obj
        if isinstance(obj, int | float):
            return self.number(obj, loc)
        return self.text(str(obj), loc)

    def text(self, value: str, loc: Loc) -> str:
        if len(value) > self.limits.max_line_chars:
            raise _Invalid(_dots(f"chuỗi quá dài ({len(value):,} ký tự, tối đa {self.limits.max_line_chars:,})"), loc)
        self.chars -= len(value)
        if self.chars < 0:
            raise _Invalid(_dots(f"kế hoạch quá lớn để kiểm tra (hơn {self.limits.max_chars:,} ký tự)"), loc)
        return safe_text(value)

    def number(self, value: int | float, loc: Loc) -> int | float:
        if isinstance(value, float) and not math.isfinite(value):
            raise _Invalid("không phải số hữu hạn", loc)
        if abs(value) > MAX_NUMBER:
            raise _Invalid("số quá lớn", loc)
        field = next((str(k) for k in reversed(loc) if isinstance(k, str)), "")
        if _LINE_FIELDS.match(field) and not 1 <= value <= MAX_LINE_NUMBER:
            raise _Invalid(_dots(f"số dòng (vị trí) phải từ 1 đến {MAX_LINE_NUMBER:,}"), loc)
        return int(value) if isinstance(value, int) else float(value)


def _dots(text: str) -> str:
    return text.replace(",", ".")


# --------------------------------------------------------------------------- model and meaning


_PLAN_FIELDS = frozenset(Plan.model_fields) - {"path", "format", "lines"}

# pydantic's error types, said in Vietnamese (its own English message only where no sentence here fits)
_SAID: dict[str, str] = {
    "extra_forbidden": "trường không có trong mô hình kế hoạch",
    "missing": "thiếu trường bắt buộc",
    "int_type": "phải là số nguyên", "int_parsing": "phải là số nguyên", "int_from_float": "phải là số nguyên",
    "float_type": "phải là số", "float_parsing": "phải là số",
    "string_type": "phải là chuỗi văn bản",
    "bool_type": "phải là true hoặc false", "bool_parsing": "phải là true hoặc false",
    "list_type": "phải là một danh sách",
    "dict_type": "phải là một ánh xạ (trường: giá trị)", "model_type": "phải là một ánh xạ (trường: giá trị)",
    "date_type": "phải là ngày dạng NNNN-TT-NN", "date_parsing": "phải là ngày dạng NNNN-TT-NN",
    "date_from_datetime_parsing": "phải là ngày dạng NNNN-TT-NN",
    "literal_error": "giá trị không hợp lệ; chỉ nhận: {expected}",
}


def _said(kind: str, ctx: dict[str, object], english: str) -> str:
    said = _SAID.get(kind)
    if said is None:
        return safe_text(f"giá trị không hợp lệ ({english})")
    return safe_text(said.format(expected=str(ctx.get("expected", "")).replace(" or ", " hoặc ")))


def _validate(data: dict[str, object]) -> None:
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise _Invalid(_said(err["type"], err.get("ctx") or {}, str(err["msg"])), tuple(err["loc"])) from None
    n = len(plan.sections)
    for i, s in enumerate(plan.sections):
        if s.parent is not None and not 0 <= s.parent < n:
            raise _Invalid(f"mục cha {s.parent} không tồn tại (có {n} mục, đánh số từ 0)", ("sections", i, "parent"))
        if s.parent == i:
            raise _Invalid("một mục không thể là mục cha của chính nó", ("sections", i, "parent"))
    cycle = _cycle(plan)
    if cycle is not None:
        raise _Invalid(f"các mục tạo thành vòng cha-con ({' → '.join(map(str, cycle))})",
                       ("sections", cycle[0], "parent"))
    for j, t in enumerate(plan.targets):
        if t.section is not None and not 0 <= t.section < n:
            raise _Invalid(f"mục {t.section} không tồn tại (có {n} mục, đánh số từ 0)", ("targets", j, "section"))
    h = plan.header
    if h.month is not None and not 1 <= h.month <= 12:
        raise _Invalid(f"tháng {h.month} không hợp lệ (từ 1 đến 12)", ("header", "month"))
    for name, year in (("year", h.year), ("date", h.date.year if h.date else None)):
        if year is not None and not YEARS[0] <= year <= YEARS[1]:
            raise _Invalid(f"năm {year} không hợp lệ (từ {YEARS[0]} đến {YEARS[1]})", ("header", name))


def _cycle(plan: Plan) -> list[int] | None:
    """The first cycle of section parents (as indexes), or None; linear: each section is walked once."""
    state = [0] * len(plan.sections)  # 0 unseen, 1 on the current path, 2 done
    for start in range(len(plan.sections)):
        path: list[int] = []
        k: int | None = start
        while k is not None and state[k] == 0:
            state[k] = 1
            path.append(k)
            k = plan.sections[k].parent
        if k is not None and state[k] == 1:
            return path[path.index(k):] + [k]
        for p in path:
            state[p] = 2
    return None
