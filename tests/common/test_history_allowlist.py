"""Writes that django-simple-history does not see (queryset update(), bulk_create(),
bulk_update(): its issues #72, #174, #591) are each listed in common/history_allowlist.py
with the reason, or they fail here.

The source of the apps is read (AST), not run. A call is a write when its method is
`bulk_create` / `bulk_update` (on anything), or `update` on something that is a queryset by
its shape: a chain through a manager (`X.objects…`, `_default_manager`, `history`, a related
manager such as `item.notes`), `super()` or `QuerySet(…)`; a name bound to such a chain in
the same function, or a parameter annotated as a QuerySet; `self` in a QuerySet or Manager.
A dict's, a set's or a hash's update() is none of these. Migrations are not read: they run
on the historical app registry, whose models have no history managers.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from common.history_allowlist import ALLOWED

APPS = ["agendas", "meetings", "decisions", "reading", "documents", "common", "demo", "history",
        "portal", "oparl", "search"]
MANAGERS = {"objects", "_default_manager", "_base_manager", "history"}
BULK = {"bulk_create", "bulk_update"}
# save_versioned (common/models.py) is the one versioned update: it writes through save().
RECORDING = {"bulk_create_with_history", "bulk_update_with_history", "save", "save_versioned"}


def related_managers() -> set[str]:
    """The names of the managers that reach related rows (`meeting.items`, `item.notes` …)."""
    names = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.is_relation and (field.one_to_many or field.many_to_many):
                accessor = (field.get_accessor_name() if field.auto_created else field.name)
                if accessor:
                    names.add(accessor)
    return names


class WriteFinder(ast.NodeVisitor):
    def __init__(self, module: str, managers: set[str]):
        self.module, self.managers = module, managers
        self.scope: list[str] = []
        self.bound: list[set[str]] = [set()]
        self.found: list[tuple[tuple[str, str, str], int]] = []
        self.recording: dict[str, int] = {}

    # Scopes: the qualified name of the function a call is in, and the names bound in it.
    def visit_ClassDef(self, node):
        is_queryset = any(ast.unparse(base).endswith(("QuerySet", "Manager"))
                          for base in node.bases)
        self.scope.append(node.name)
        self.bound.append({"self"} if is_queryset else set())
        self.generic_visit(node)
        self.bound.pop()
        self.scope.pop()

    def visit_FunctionDef(self, node):
        bound = set(self.bound[-1]) if "self" in self.bound[-1] else set()
        for arg in [*node.args.args, *node.args.kwonlyargs, *node.args.posonlyargs]:
            if arg.annotation is not None and "QuerySet" in ast.unparse(arg.annotation):
                bound.add(arg.arg)
        self.scope.append(node.name)
        self.bound.append(bound)
        self.generic_visit(node)
        self.bound.pop()
        self.scope.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Assign(self, node):
        if self._querylike(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.bound[-1].add(target.id)
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr in BULK or (func.attr == "update" and self._querylike(func.value)):
                self.found.append(((self.module, self.where, shape(func)), node.lineno))
            if func.attr in RECORDING:
                self.recording[self.where] = self.recording.get(self.where, 0) + 1
        elif isinstance(func, ast.Name) and func.id in RECORDING:
            self.recording[self.where] = self.recording.get(self.where, 0) + 1
        self.generic_visit(node)

    @property
    def where(self) -> str:
        return ".".join(self.scope) or "<module>"

    def _querylike(self, node) -> bool:
        if isinstance(node, ast.Name):
            return node.id in self.bound[-1]
        if isinstance(node, ast.Attribute):
            return node.attr in MANAGERS or node.attr in self.managers
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                return func.id in {"super", "QuerySet"}
            if isinstance(func, ast.Attribute):
                return func.attr == "QuerySet" or self._querylike(func.value)
        return False


def shape(node) -> str:
    """The call as written, without its arguments: `AgendaItem.objects.filter().update`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{shape(node.value)}.{node.attr}"
    if isinstance(node, ast.Call):
        return f"{shape(node.func)}()"
    if isinstance(node, ast.Subscript):
        return f"{shape(node.value)}[]"
    return "…"


def scan(source: str, module: str, managers: set[str]) -> WriteFinder:
    finder = WriteFinder(module, managers)
    finder.visit(ast.parse(source))
    return finder


def app_sources():
    base = Path(settings.BASE_DIR)
    for app in APPS:
        for path in sorted((base / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield ".".join(path.relative_to(base).with_suffix("").parts), path.read_text()


@pytest.fixture(scope="module")
def scanned():
    managers = related_managers()
    return [scan(source, module, managers) for module, source in app_sources()]


def test_every_write_that_history_does_not_see_is_allowed_with_a_reason(scanned):
    unlisted = [f"{key[0].replace('.', '/')}.py:{line} in {key[1]}: {key[2]}(…)"
                for finder in scanned for key, line in finder.found if key not in ALLOWED]
    assert not unlisted, (
        "These writes record no history: write through simple_history.utils."
        "bulk_update_with_history / bulk_create_with_history or save() per row, or list them "
        "in common/history_allowlist.py with the reason:\n" + "\n".join(unlisted))


def test_every_allowed_write_is_still_in_the_code(scanned):
    found = {key for finder in scanned for key, _line in finder.found}
    assert not set(ALLOWED) - found, "Listed but no longer in the code; remove from the list"


def test_every_allowance_says_why():
    assert all(len(reason.why) > 20 for reason in ALLOWED.values())


def test_the_writes_allowed_as_models_without_history_are_models_without_history():
    for key, reason in ALLOWED.items():
        for label in reason.without_history:
            assert apps.get_model(label) not in _models_with_history(), (key, label)


def test_the_fields_allowed_as_not_in_history_are_not_in_history():
    for key, reason in ALLOWED.items():
        for label in reason.untracked_in:
            historical = apps.get_model(label).history.model
            tracked = {f.name for f in historical._meta.get_fields()}
            assert not tracked & set(reason.untracked), (key, label)


def test_steps_aside_land_through_a_write_that_records_history(scanned):
    recording = {(finder.module, where): count for finder in scanned
                 for where, count in finder.recording.items()}
    for (module, where, call), reason in ALLOWED.items():
        if reason.lands_with_history:
            assert recording.get((module, where)), (module, where, call)


def test_every_autosaved_model_keeps_its_autosave_bookkeeping_out_of_its_history():
    from common.models import Autosaved

    for model in _models_with_history():
        if issubclass(model, Autosaved):
            tracked = {f.name for f in model.history.model._meta.get_fields()}
            assert not tracked & set(Autosaved.AUTOSAVE_FIELDS), model


def _models_with_history():
    return [m for m in apps.get_models()
            if getattr(m._meta, "simple_history_manager_attribute", None)]


SAMPLE = '''
class Rows(models.QuerySet):
    def touch(self):
        return self.update(seen=True)

def writes(item, rows: QuerySet, data):
    AgendaItem.objects.filter(pk=1).update(title="x")
    qs = Note.objects.filter(item=item)
    qs.update(text="")
    item.notes.update(text="")
    rows.update(n=1)
    Phrase.objects.bulk_create([])
    whatever.bulk_update([], ["n"])
    data.update(a=1)
    hashlib.sha256().update(b"")
    {}.update()
'''


def test_the_scan_finds_queryset_writes_and_leaves_dictionaries_alone():
    finder = scan(SAMPLE, "sample", {"notes"})
    assert [call for (_m, _w, call), _line in finder.found] == [
        "self.update", "AgendaItem.objects.filter().update", "qs.update", "item.notes.update",
        "rows.update", "Phrase.objects.bulk_create", "whatever.bulk_update"]
