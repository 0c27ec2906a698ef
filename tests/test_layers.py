"""The dependency rule of docs/architecture.md, checked on the source (imports inside
functions included, since a function-level import is still a dependency):

- ``config`` imports nothing of ours (it names apps by string);
- ``core`` imports only Django, Wagtail and libraries;
- ``cms`` and ``search`` import ``core``;
- feature apps import ``core``, ``cms`` and ``search``, never one another;
- no two modules import each other, directly or through others.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {
    "config": set(),
    "core": set(),
    "cms": {"core"},
    "search": {"core"},
    "agenda": {"core", "cms", "search"},
    "forums": {"core", "cms", "search"},
    "complaints": {"core", "cms", "search"},
    "evaluation": {"core", "cms", "search"},
}


def modules():
    """{dotted module name: path} for every module of ours except migrations."""
    found = {}
    for package in ALLOWED:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def imported_names(path, module):
    """Every module name an import statement in ``path`` names, anywhere in the file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            for alias in node.names:  # "from cms import follow" imports the module cms.follow
                yield f"{base}.{alias.name}"


def import_graph():
    known = modules()
    graph = {}
    for module, path in known.items():
        graph[module] = {name for name in imported_names(path, module) if name in known and name != module}
    return graph


def test_each_layer_imports_only_what_it_may():
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        for target in targets
        if (mine := module.split(".")[0]) != (theirs := target.split(".")[0]) and theirs not in ALLOWED[mine]
    )
    assert not wrong, "imports against docs/architecture.md:\n" + "\n".join(wrong)


def cycles(graph):
    """The groups of modules that import each other, directly or through others (sorted)."""

    def reachable(start):
        seen, todo = set(), [start]
        while todo:
            for target in graph.get(todo.pop(), ()):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    reach = {module: reachable(module) for module in graph}
    groups = {
        tuple(sorted(other for other in reach[module] if module in reach[other]))
        for module in graph
        if module in reach[module]
    }
    return sorted(groups)


def test_no_import_cycles():
    # A package's __init__ is imported with any of its modules; that is not a cycle of ours.
    graph = {
        module: {target for target in targets if not module.startswith(target + ".")}
        for module, targets in import_graph().items()
    }
    found = cycles(graph)
    assert not found, "modules that import each other, directly or through others:\n" + "\n".join(
        " <-> ".join(group) for group in found
    )


def test_the_cycle_check_finds_a_cycle_through_a_third_module():
    graph = {
        "agenda.models": {"agenda.views"},
        "agenda.views": {"agenda.calendar"},
        "agenda.calendar": {"agenda.models"},
        "core.x": set(),
    }
    assert cycles(graph) == [("agenda.calendar", "agenda.models", "agenda.views")]


def test_the_check_sees_function_level_imports(tmp_path):
    """The rule would mean little if an import inside a function slipped past it."""
    source = tmp_path / "views.py"
    source.write_text("def view():\n    from agenda.models import EventSession\n")
    assert "agenda.models" in set(imported_names(source, "forums.views"))
