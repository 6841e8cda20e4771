"""The project's own conventions: every check documents what it catches, every format renders, every pack loads."""

from __future__ import annotations

import pytest

from checker.checks import CHECKS
from checker.models import Report
from checker.report import FORMATS
from checker.rules.loader import load_packs
from checker.rules.schema import Rule


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_every_check_has_a_fail_pass_docstring(name: str) -> None:
    doc = CHECKS[name].__doc__ or ""
    assert "FAIL" in doc and "PASS" in doc, name


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_renders_an_empty_report(fmt: str) -> None:
    assert isinstance(FORMATS[fmt](Report()), str)


def test_every_rule_type_has_a_check() -> None:
    types = {arg.model_fields["type"].annotation.__args__[0] for arg in Rule.__origin__.__args__}
    assert types == set(CHECKS)


def test_every_rule_has_a_source() -> None:
    for lp in load_packs():
        assert all(r.source for r in lp.pack.rules), [r.id for r in lp.pack.rules if not r.source]
