"""Plans already in data form (.yaml/.json following the plan model): read as data, no text parsing needed."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from checker.errors import IngestError
from checker.models import Document
from checker.rules.loader import plain

if TYPE_CHECKING:
    from pathlib import Path

    from checker.ingest import Limits


def read(path: Path, limits: Limits) -> Document:
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise IngestError(str(path), "tệp nhị phân, không phải YAML/JSON")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IngestError(str(path), "tệp không phải UTF-8") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:
            data = plain(YAML(typ="safe", pure=True).load(text))
    except json.JSONDecodeError as exc:
        raise IngestError(str(path), f"JSON lỗi: {exc.msg}", line=exc.lineno) from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise IngestError(str(path), f"YAML lỗi: {getattr(exc, 'problem', exc)}", line=line) from None
    if not isinstance(data, dict):
        raise IngestError(str(path), "kế hoạch dạng dữ liệu phải là một ánh xạ (mapping) ở cấp cao nhất")
    return Document(path=str(path), format=path.suffix.lower().lstrip("."), structured=data)
