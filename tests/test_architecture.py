"""The project's packages depend on each other one way (docs/architecture.md):

    collective (settings, infrastructure, users, images, documents)
        <- core <- articles <- home, search      (bench: tooling, on top of them all)

``collective/urls.py`` wires the views of every app, and is the one module of
``collective`` that imports them. Every import is read, inside functions too."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["collective", "core", "articles", "home", "search", "bench"]
# What each package may import besides itself.
ALLOWED = {
    "collective": set(),
    "core": {"collective"},
    "articles": {"collective", "core"},
    "home": {"collective", "core", "articles"},
    "search": {"collective", "core", "articles"},
    "bench": {"collective", "core", "articles", "home", "search"},
}
WIRING = {"collective/urls.py"}


def imported_packages(path):
    """(line, package) for every import of a project package in the file at ``path``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in PACKAGES:
                yield node.lineno, top


def project_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" not in relative:
                yield package, relative, path


def test_every_package_imports_only_those_below_it():
    wrong = [
        f"{relative}:{line} imports {imported}"
        for package, relative, path in project_files()
        if relative not in WIRING
        for line, imported in imported_packages(path)
        if imported != package and imported not in ALLOWED[package]
    ]
    assert wrong == []


def test_there_is_no_import_cycle_among_the_packages():
    edges = {package: set() for package in PACKAGES}
    for package, relative, path in project_files():
        if relative in WIRING:
            continue
        edges[package] |= {imported for _, imported in imported_packages(path)} - {package}

    def cycle_from(start):
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for target in edges[node]:
                if target == start:
                    return [*trail, start]
                if target not in trail:
                    stack.append((target, [*trail, target]))
        return None

    assert [cycle for cycle in map(cycle_from, PACKAGES) if cycle] == []


def test_the_check_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("def view():\n    from home.models import HomePage\n")
    assert list(imported_packages(module)) == [(2, "home")]


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_is_checked(package):
    assert any(p == package for p, _, _ in project_files())


def test_the_groups_that_need_two_factor_are_editorial_groups(settings):
    from core import editorial

    groups = {editorial.CONTRIBUTORS, editorial.FACT_CHECKERS, editorial.EDITORS}
    assert set(settings.TWO_FACTOR_REQUIRED_GROUPS) <= groups
    assert {name for name, _ in settings.ACCOUNT_ROLES} == groups
