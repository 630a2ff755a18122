"""The apps depend one way: curation → projects → corridors → geodata (no cycles, no upward imports,
no relations followed upward in code or templates)."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# What each app may import from the other apps.
ALLOWED = {"geodata": set(), "corridors": {"geodata"}, "projects": {"corridors", "geodata"},
           "curation": {"projects", "corridors", "geodata"}}


def _imported_apps(path: Path) -> set[str]:
    apps = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        apps |= {name.split(".")[0] for name in names} & set(ALLOWED)
    return apps


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_an_app_imports_only_the_apps_below_it(app):
    wrong = {
        str(path.relative_to(ROOT)): sorted(_imported_apps(path) - ALLOWED[app] - {app})
        for path in (ROOT / app).rglob("*.py")
    }
    assert {path: apps for path, apps in wrong.items() if apps} == {}


# ---------------------------------------------------------------------------------------------
# Reverse relations: a lower app's code and templates must not follow a relation that a higher
# app's model points at it with (Corridor.projects, Paragraph.projects ...): the import check
# cannot see them.

# Where a lower app still follows one today (issue 10 names them); each must go, none may be added.
KNOWN = {
    ("corridors/layers.py", "projects"),  # projects_count of a corridor feature
    ("corridors/views.py", "projects"),  # the corridor page lists its projects
}
TEMPLATE_DIRS = {"geodata": ["geodata"], "corridors": ["corridors"], "projects": ["projects", "ogc"],
                 "curation": ["curation"]}


def _upward_accessors(app: str) -> set[str]:
    """The names under which models of apps above `app` are reached from `app`'s models."""
    from django.apps import apps as registry

    names = set()
    for model in registry.get_app_config(app).get_models():
        for relation in model._meta.related_objects:
            other = relation.related_model._meta.app_label
            if other in ALLOWED and other != app and other not in ALLOWED[app]:
                names |= {relation.get_accessor_name(), relation.field.related_query_name()} - {None, "+"}
    return {name for name in names if not name.endswith("+")}


def _python_uses(path: Path, names: set[str]) -> set[str]:
    """Attribute accesses (x.projects) and ORM strings ("projects", "projects__slug") naming them."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Attribute) and node.attr in names:
            found.add(node.attr)
        elif isinstance(node, ast.Call):
            strings = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            keys = [k.arg for k in node.keywords if k.arg]
            for text in strings + keys:
                head = text.split("__")[0]
                if head in names:
                    found.add(head)
    return found


def _template_uses(path: Path, names: set[str]) -> set[str]:
    text = path.read_text()
    return {name for name in names if re.search(rf"\{{[{{%][^}}]*\.{name}\b", text)}


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_an_app_follows_no_relation_of_an_app_above_it(app):
    names = _upward_accessors(app)
    found = {(str(path.relative_to(ROOT)), name)
             for path in (ROOT / app).rglob("*.py") if "migrations" not in path.parts
             for name in _python_uses(path, names)}
    found |= {(str(path.relative_to(ROOT)), name)
              for folder in TEMPLATE_DIRS[app] for path in (ROOT / "templates" / folder).rglob("*.html")
              for name in _template_uses(path, names)}
    known = {entry for entry in KNOWN if entry[0].split("/")[0] == app}
    assert found - known == set(), "new upward relations"
    assert known - found == set(), "fixed: remove them from KNOWN"
