"""Property tests (hypothesis) over every reader, the text guard, every output format and the whole pipeline.

For any input: no exception but the tool's own (``CheckerError``: one "unreadable" line), the input file unchanged,
every output valid (JSON and SARIF parse back, JUnit is XML 1.0, the HTML pages parse back to the elements the
same results without markup characters give) with no line, annotation or element added by the input. Brief here
(the file takes about 20 s); ``benchmarks/fuzz.py`` runs the same cases at length and reports slow ones. A hang
would fail (an alarm far above any real time), but speed is not asserted: it is measured.

    HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py    # ten times the examples
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from fuzz_inputs import NASTY, make, make_docx_bytes
from fuzz_oracle import run, text_lines, verify_outputs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from checker.clean import is_safe, one_line, safe_text, xml_safe
from checker.errors import CheckerError
from checker.ingest import read
from checker.ingest.safety import time_limit
from checker.models import Finding, PlanResult, Report
from checker.report import FORMATS
from checker.rules.loader import LoadedPack

# hypothesis keeps examples and constants under .hypothesis/ of the current folder: never in the working tree
set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), f"check-hypothesis-{os.getuid()}"))
_QUIET = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True, database=None,
                          suppress_health_check=_QUIET)
settings.register_profile("long", max_examples=250, deadline=None, database=None, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

HANG = 60.0
SUFFIXES = [".txt", ".md", ".yaml", ".yml", ".json", ".docx", ".odt", ".pdf"]
# text made of what breaks things (pieces of several characters: "]]>", "::error::", "<script>"), Vietnamese
# letters, plain ASCII and any code point, lone surrogates included
hostile_text = st.lists(st.one_of(st.sampled_from(NASTY), st.characters(codec=None),
                                  st.sampled_from(list("aăâđêôơưàảãáạ ỹ\n\t0123456789%/.-"))),
                        max_size=120).map("".join)


def _read_or_refuse(path: Path) -> None:
    before = path.read_bytes()
    try:
        with time_limit(HANG, str(path), "hang"):
            doc = read(path)
    except CheckerError as exc:
        assert "\n" not in str(exc) and exc.message != "hang"
    else:
        for ln in doc.lines:
            assert is_safe(ln.text) and "\n" not in ln.text
        for b in doc.blocks:
            assert is_safe(b.text)
        if doc.structured is not None:
            json.dumps(doc.structured, ensure_ascii=False).encode("utf-8")  # strict: valid Unicode throughout
    assert path.read_bytes() == before


# --------------------------------------------------------------------------- the guard itself


@given(hostile_text)
def test_safe_text_is_safe_idempotent_and_valid_xml(text: str) -> None:
    out = safe_text(text)
    assert is_safe(out) and safe_text(out) == out and xml_safe(out) == out
    out.encode("utf-8")
    assert len(out.splitlines()) == len(out.split("\n")) - out.endswith("\n") or not out
    line = one_line(text)
    assert len(line.splitlines()) <= 1 and is_safe(line)


# --------------------------------------------------------------------------- readers


@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_under_any_name(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"ke-hoach{suffix}"
        path.write_bytes(data)
        _read_or_refuse(path)


@given(text=hostile_text, encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]), suffix=st.sampled_from(
    [".txt", ".md", ".yaml", ".json"]))
def test_any_text_in_a_text_reader(text: str, encoding: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"ke-hoach{suffix}"
        path.write_bytes(text.encode(encoding, "surrogatepass"))
        _read_or_refuse(path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.sampled_from(
        ["header", "sections", "targets", "parent", "section", "value", "text", "title", "month", "year", "line",
         "implements", "number", "date", "lines", "loc", "assignments", "unit", "tasks"]) | hostile_text, inner,
        max_size=5),
    max_leaves=30)


@given(data=st.dictionaries(st.sampled_from(["header", "sections", "targets", "implements", "references",
                                             "assignments", "recipients", "signature", "lines", "notes"]),
                            json_values, max_size=6),
       as_yaml=st.booleans())
def test_any_structured_plan(data: dict[str, object], as_yaml: bool) -> None:
    text = json.dumps(data, ensure_ascii=not as_yaml)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("ke-hoach.yaml" if as_yaml else "ke-hoach.json")
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        _read_or_refuse(path)


@given(paragraphs=st.lists(hostile_text, max_size=30))
def test_any_paragraphs_in_a_word_file(paragraphs: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ke-hoach.docx"
        path.write_bytes(make_docx_bytes(paragraphs))
        _read_or_refuse(path)


# --------------------------------------------------------------------------- outputs


@given(path=hostile_text, text=hostile_text, status=st.sampled_from(["checked", "unreadable", "not-applicable"]),
       n=st.integers(0, 3))
def test_every_format_holds_whatever_the_results_say(path: str, text: str, status: str, n: int) -> None:
    """Results as a library user might build them, not made safe at the door: each format still escapes."""
    findings = [Finding(id=f"R{k}", check="x", kind="missing", severity="error", line=k or None, message=text,
                        evidence=text, expected=text, actual=text) for k in range(n)]
    result = PlanResult(path=path or "x", status=status, reason=text or None, unit=text or None, notes=[text],
                        findings=findings if status == "checked" else [])
    report = Report(plans=[result, result])
    with tempfile.TemporaryDirectory() as tmp:
        verify_outputs(report, Path(tmp))
    assert len(FORMATS["text"](report).splitlines()) == text_lines(report)


# --------------------------------------------------------------------------- the whole pipeline


@given(seed=st.integers(0, 2**31 - 1))
def test_pipeline_on_fuzzed_plans(seed: int, pack: LoadedPack, tmp_path: Path) -> None:
    """A case of any family (text, structured, Word, PDF; made from ``seed`` by tests/fuzz_inputs.py)."""
    case = make(seed)
    with time_limit(HANG, case.name, "hang"):
        outcome = run(case.data, case.name, tmp_path / str(seed), [pack])
    assert outcome.reason is None or "hang" not in outcome.reason


@pytest.mark.parametrize("family", ["text", "structured", "docx", "pdf"])
@given(seed=st.integers(0, 2**31 - 1))
@settings(max_examples=6)
def test_pipeline_on_each_family(family: str, seed: int, pack: LoadedPack, tmp_path: Path) -> None:
    case = make(seed, family)
    with time_limit(HANG, case.name, "hang"):
        run(case.data, case.name, tmp_path / f"{family}-{seed}", [pack])


@given(seeds=st.lists(st.integers(0, 2**31 - 1), min_size=1, max_size=4))
@settings(max_examples=3)
def test_a_fuzzed_batch_within_the_time_budget(seeds: list[int], pack: LoadedPack) -> None:
    """As the command runs a batch (a worker process, a time budget per file): one result per file, in order,
    each reason on one line, inputs unchanged, every output valid, whatever the files are."""
    from checker import batch

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = [make(seed) for seed in seeds]
        files = []
        for k, case in enumerate(cases):
            files.append(folder / f"{k}-{case.name}")
            files[-1].write_bytes(case.data)
        with time_limit(HANG, "batch", "hang"):
            results = list(batch.check_all(files, [pack], timeout=HANG / 2))
        assert [r.path for r in results] == [str(f) for f in files]
        assert all("\n" not in (r.reason or "") for r in results)
        assert [f.read_bytes() for f in files] == [c.data for c in cases]
        verify_outputs(Report(plans=results), folder / "out")
