"""Packaging beyond pyproject.toml: the built-in rule pack lives at ``rules/`` in the repository (reviewers edit it
there) and ships inside the package as ``checker.builtin_rules``, so an installed ``check`` (wheel, pipx) finds it.
An editable install reads ``rules/`` of the checkout directly (``checker.rules.loader.DEFAULT_RULES``).

Building also prepares the shipped YAML files as JSON beside them in the package (``builtin_rules/prepared``,
checker.rules.prepared), read at run time without a YAML parser while the YAML is unchanged, and validated as the
models the checker reads them as (``*.model.json``, checker.rules.construct), built at run time without validating."""

import importlib.util
import sys
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithPreparedRules(build_py):
    def run(self) -> None:
        super().run()
        spec = importlib.util.spec_from_file_location("_prepared", HERE / "checker" / "rules" / "prepared.py")
        assert spec is not None and spec.loader is not None
        prepared = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(prepared)
        out = Path(self.build_lib) / "checker" / "builtin_rules"
        prepared.prepare(HERE / "rules", out)
        # the files validated as the checker reads them, kept as the models they give (checker.rules.construct);
        # skipped where the checker's dependencies cannot be imported here (the run then validates them)
        sys.path.insert(0, str(HERE))
        try:
            from checker.rules import construct
        except ImportError:
            return
        finally:
            sys.path.remove(str(HERE))
        construct.prepare(HERE / "rules", out)


setup(
    packages=[*find_namespace_packages(include=["checker", "checker.*"]), "checker.builtin_rules",
              "checker.builtin_rules.units"],
    package_dir={"checker.builtin_rules": "rules"},
    package_data={"checker": ["report/templates/*.html", "report/templates/*.css"],
                  "checker.builtin_rules": ["*.yaml", "*.json", "tests/*/*.txt"], "checker.builtin_rules.units": ["*.yaml"]},
    cmdclass={"build_py": BuildWithPreparedRules},
)
