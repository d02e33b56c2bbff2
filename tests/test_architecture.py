"""The package's layers, read from its imports (those inside functions too): each module imports only
from its own layer or the ones below, and no import cycle exists anywhere.

    cli | web | eval | models.train_*     commands, the server, evaluations and training scripts
    reprocess | kb                        across articles
    pipeline                              ordered stages
    stages                                Article -> Article
    quote | event                         the parts of the quote and event finders
    models                                the shipped models (attribution tagger, quad classifier)
    text | timex | ingest | store | output  what the stages read text with; dates; readers; the store
    types | errors | ids | registry       plain records and the stage registry
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "newsgraph"
LAYERS = [
    ("newsgraph.cli", "newsgraph.web", "newsgraph.eval", "newsgraph.models.train_"),
    ("newsgraph.reprocess", "newsgraph.kb"),
    ("newsgraph.pipeline",),
    ("newsgraph.stages",),
    ("newsgraph.quote", "newsgraph.event"),
    ("newsgraph.models",),
    ("newsgraph.text", "newsgraph.timex", "newsgraph.ingest", "newsgraph.store", "newsgraph.output"),
    ("newsgraph.types", "newsgraph.errors", "newsgraph.ids", "newsgraph.registry"),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports."""
    names = {module_name(p) for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                candidates = [target] + [f"{target}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                candidates = [a.name for a in node.names]
            else:
                continue
            deps |= {c for c in candidates if c in names and c != name}
        graph[name] = deps
    return graph


def layer(name: str) -> int | None:
    for i, prefixes in enumerate(LAYERS):
        if any(name == p or name.startswith(p if p.endswith("_") else p + ".") for p in prefixes):
            return i
    return None


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle, as the modules along it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for d in sorted(graph.get(n, ())):
            if state.get(d) == 1:
                return [*stack[stack.index(d) :], d]
            if d not in state and (found := visit(d)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_every_module_has_a_layer():
    graph = imports()
    assert graph, "no module found"
    assert [n for n in graph if n != "newsgraph" and layer(n) is None] == []


def test_no_module_imports_from_a_layer_above_it():
    upward = []
    for name, deps in imports().items():
        if name == "newsgraph":  # the package's front door: extract_text over the pipeline
            continue
        for dep in deps:
            if dep != "newsgraph" and layer(dep) < layer(name):
                upward.append(f"{name} -> {dep}")
            if dep == "newsgraph" and layer(name) > 0:
                upward.append(f"{name} -> newsgraph")
    assert sorted(upward) == []


def test_no_import_cycle():
    assert cycle(imports()) is None


def test_the_cycle_finder_finds_one():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None
    assert layer("newsgraph.models.train_quad") == 0
    assert layer("newsgraph.models.quad") == layer("newsgraph.models.attribution") > layer("newsgraph.stages")
