"""The package's layers hold: the import-linter contracts in pyproject.toml are kept, every module
has a layer, and no package's modules import each other in a circle."""

from __future__ import annotations

import tomllib

import grimp
from importlinter.application.use_cases import lint_imports
from importlinter.configuration import configure

from support import REPO, REGEN

# Cycles still open, each to be removed from this list by the change that breaks it (issue 10).
KNOWN_CYCLES: list[set[str]] = []


def test_the_import_contracts_are_kept(capsys):
    configure()  # what the lint-imports command does first
    kept = lint_imports(config_filename=str(REPO / "pyproject.toml"), cache_dir=None, no_logo=True)
    assert kept, capsys.readouterr().out


def test_every_top_level_module_has_a_layer():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    [layers] = [c for c in config["contracts"] if c["type"] == "layers"]
    placed = {name.strip() for layer in layers["layers"] for name in layer.replace(":", "|").split("|")}
    graph = grimp.build_graph("humaskit", cache_dir=None)
    modules = {m.removeprefix("humaskit.") for m in graph.find_children("humaskit")}
    # clikit is the command line's plumbing, kept out of the library by the "forbidden" contract
    assert modules - placed == {"__main__", "clikit"}
    assert placed <= modules


def _cycles(graph, package: str) -> list[set[str]]:
    """Groups of the package's direct children (a subpackage counted as one) that import each other
    in a circle, found as the strongly connected components of their import graph."""
    def child(module: str) -> str | None:
        rest = module.removeprefix(package + ".")
        return None if rest == module else f"{package}.{rest.split('.')[0]}"

    edges: dict[str, set[str]] = {}
    for module in graph.find_descendants(package):
        for imported in graph.find_modules_directly_imported_by(module):
            a, b = child(module), child(imported)
            if b is not None and a != b:
                edges.setdefault(a, set()).add(b)
    order, low, stack, found = {}, {}, [], []

    def visit(node: str) -> None:  # Tarjan's algorithm
        order[node] = low[node] = len(order)
        stack.append(node)
        for nxt in edges.get(node, ()):
            if nxt not in order:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], order[nxt])
        if low[node] == order[node]:
            component = set()
            while not component or node not in component:
                component.add(stack.pop())
            if len(component) > 1:
                found.append(component)

    for node in sorted(edges):
        if node not in order:
            visit(node)
    return found


def test_no_package_imports_itself_in_a_circle():
    graph = grimp.build_graph("humaskit", cache_dir=None)
    packages = sorted(m for m in graph.modules if graph.find_children(m))
    found = [cycle for package in packages for cycle in _cycles(graph, package)]
    new = [sorted(c) for c in found if c not in KNOWN_CYCLES]
    assert not new, f"modules importing each other in a circle: {new}"
    gone = [sorted(c) for c in KNOWN_CYCLES if c not in found]
    assert not gone, f"a known cycle is gone: remove it from KNOWN_CYCLES: {gone}"


def test_the_guideline_knows_every_rule_id():
    """The guideline checks its `rules:` keys against humaskit/data/rule_ids.txt, not the registry."""
    from humaskit.lint.docs import rule_ids_file

    path = REPO / "humaskit" / "data" / "rule_ids.txt"
    if REGEN:
        path.write_text(rule_ids_file(), encoding="utf-8")
    assert path.read_text(encoding="utf-8") == rule_ids_file(), \
        "humaskit/data/rule_ids.txt is stale: run `python -m humaskit.lint.docs > humaskit/data/rule_ids.txt`"
