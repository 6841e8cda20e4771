"""The shipped rule files as the models they validate to, prepared when the package is built, so that a run builds
them without validating (and, their classes deferring their build, without building any validator).

setup.py validates each shipped file (checker.rules.prepared's JSON) with the model the checker reads it as and
writes the validated model as a tree (``prepared/<file>.model.json``: every model's class, the fields it was given
and its values; dates tagged), kept only where building the tree back gives a model equal to the validated one. At run
time ``load`` builds that model again as ``model_construct`` does (no validation), and only while the file still has
the text the tree was validated from (its SHA-256) and is asked for as that model: a YAML file edited since, a folder
given with ``--rules`` and an editable install (no prepared folder) are read and validated as before.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel

from checker.rules import prepared

M = TypeVar("M", bound=BaseModel)

MODEL, GIVEN, VALUES, DATE = "!m", "!s", "!v", "!d"  # tags: a model's class, its fields set and values; a date
SUFFIX = ".model.json"


def name_of(model: type[BaseModel]) -> str:
    return f"{model.__module__}.{model.__qualname__}"


def classes(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model class reachable from ``root``'s fields, by name (TypeError if two share one)."""
    found: dict[str, type[BaseModel]] = {}

    def walk(tp: Any) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if found.get(tp.__qualname__, tp) is not tp:
                raise TypeError(f"two models named {tp.__qualname__}")
            if tp.__qualname__ not in found:
                found[tp.__qualname__] = tp
                for info in tp.model_fields.values():
                    walk(info.annotation)
            return
        for arg in get_args(tp):
            walk(arg)

    walk(root)
    return found


def _plain(cls: type[BaseModel]) -> bool:
    """A class ``model_construct`` builds by setting its dict alone: no private attributes, no post-init."""
    return not cls.__private_attributes__ and not cls.__pydantic_post_init__ and not cls.__pydantic_root_model__


def to_tree(value: object) -> object:
    """A validated model as JSON data; TypeError for what the tree cannot carry exactly."""
    if isinstance(value, BaseModel):
        if value.__pydantic_extra__ or value.__pydantic_private__:
            raise TypeError(f"{type(value).__name__}: extra or private values")
        fields = type(value).model_fields
        return {MODEL: type(value).__qualname__, GIVEN: sorted(value.model_fields_set),
                VALUES: {k: to_tree(v) for k, v in value.__dict__.items() if k in fields}}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {DATE: value.isoformat()}
    if isinstance(value, list):
        return [to_tree(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value) or {MODEL, DATE} & value.keys():
            raise TypeError("a mapping the tree cannot carry")
        return {k: to_tree(v) for k, v in value.items()}
    if value is None or type(value) in (bool, int, float, str):
        return value
    raise TypeError(f"cannot carry {type(value).__name__}")


def from_tree(tree: object, root: type[M]) -> M:
    """The model a tree holds, built without validation (``model_construct``, recursively). The tree is used up: its
    mappings become the models' own (it is fresh from ``json.loads``)."""
    known = classes(root)

    def build(node: object) -> object:
        if type(node) is list:
            return [build(v) if type(v) in (list, dict) else v for v in node]
        if type(node) is not dict:
            return node
        if DATE in node:
            return dt.date.fromisoformat(node[DATE])
        values = node[VALUES] if MODEL in node else node
        for k, v in values.items():
            if type(v) in (list, dict):
                values[k] = build(v)
        if MODEL not in node:
            return values
        cls = known[node[MODEL]]
        if not _plain(cls):
            return cls.model_construct(set(node[GIVEN]), **values)
        obj = cls.__new__(cls)  # what model_construct does, given every field's value
        object.__setattr__(obj, "__dict__", values)
        object.__setattr__(obj, "__pydantic_fields_set__", set(node[GIVEN]))
        object.__setattr__(obj, "__pydantic_extra__", None)
        object.__setattr__(obj, "__pydantic_private__", None)
        return obj

    got = build(tree)
    if type(got) is not root:
        raise TypeError(f"the tree holds {type(got).__name__}, not {root.__name__}")
    return got  # type: ignore[return-value]


def load(rules: Path, path: Path, text: str, model: type[M]) -> M | None:
    """``model`` as built from the tree prepared for ``path`` (whose text is ``text``), if there is one validated
    from that very text as that model; else None (read and validate)."""
    where = prepared.twin(rules, path)
    if where is None:
        return None
    where = where.with_name(where.name.removesuffix(".json") + SUFFIX)
    try:
        got = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(got, dict) or got.get("sha256") != prepared.digest(text) or got.get("model") != name_of(model):
        return None
    return from_tree(got["tree"], model)


def roots() -> list[type[BaseModel]]:
    """The models a run reads the shipped files as (checker.rules.loader, checker.conventions). Not the national
    registries (rules/legal-*.json, NationalRegistry): 1,084 entries of one flat class, which pydantic validates,
    its validator built, in 7.5 ms of CPU, where their trees (a third larger than the JSON) took 14.4 ms to read
    and build (medians of 7 runs, round 25e)."""
    from checker.conventions import Conventions
    from checker.rules.registries import BodiesRegistry, ReferencesRegistry, UnitsRegistry
    from checker.rules.schema import GeneralPack, RulePack

    return [RulePack, GeneralPack, Conventions, UnitsRegistry, ReferencesRegistry, BodiesRegistry]


def prepare(rules: Path, out: Path) -> list[Path]:
    """Write the model tree of every shipped file that validates as one of ``roots()`` and whose tree builds back
    the same model (``out`` is the rules folder as the package will hold it); the files written."""
    written: list[Path] = []
    models = roots()
    for pattern in prepared.PATTERNS:
        for path in sorted(rules.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            found = prepared.read(out, out / path.relative_to(rules), text)
            if found is None:
                continue
            data = found[0]
            for model in models:
                try:
                    valid = model.model_validate(data)
                    tree = to_tree(valid)
                    dumped = json.dumps({"sha256": prepared.digest(text), "model": name_of(model), "tree": tree},
                                        ensure_ascii=False)
                    back = from_tree(json.loads(dumped)["tree"], model)
                except (ValueError, TypeError, KeyError):  # pydantic's ValidationError is a ValueError
                    continue
                if back != valid or to_tree(back) != tree:
                    continue
                twin = prepared.twin(out, out / path.relative_to(rules))
                assert twin is not None
                target = twin.with_name(twin.name.removesuffix(".json") + SUFFIX)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(dumped, encoding="utf-8")
                written.append(target)
                break
    return written
