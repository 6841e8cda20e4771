"""Packaging beyond pyproject.toml: the built-in rule pack lives at ``rules/`` in the repository (reviewers edit it
there) and ships inside the package as ``checker.builtin_rules``, so an installed ``check`` (wheel, pipx) finds it.
An editable install reads ``rules/`` of the checkout directly (``checker.rules.loader.DEFAULT_RULES``)."""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["checker", "checker.*"]), "checker.builtin_rules",
              "checker.builtin_rules.units"],
    package_dir={"checker.builtin_rules": "rules"},
    package_data={"checker": ["report/templates/*.html", "report/templates/*.css"],
                  "checker.builtin_rules": ["*.yaml", "*.json", "tests/*/*.txt"], "checker.builtin_rules.units": ["*.yaml"]},
)
