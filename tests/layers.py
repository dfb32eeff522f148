"""Reading the project's imports and SQL from source (no import side effects): the layer contract
checks in tests/test_layers.py use it."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("warehouse_app", "devices", "ui")
SQL_RE = re.compile(
    r"^\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|BEGIN|COMMIT|ROLLBACK|"
    r"PRAGMA|WITH)\s",
)
SQL_CALLS = {"execute", "executemany", "executescript"}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # the imported module, dotted (as written, resolved for relative imports)
    line: int


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files(*packages: str) -> Iterator[Path]:
    for pkg in packages or PACKAGES:
        yield from sorted((ROOT / pkg).rglob("*.py"))


def imports_of(path: Path) -> list[Import]:
    """Every import in the file, at module level or inside a function (lazy imports count)."""
    mod = module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    out: list[Import] = []
    is_pkg = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [Import(mod, a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = mod.split(".")
                keep = len(parts) - node.level + (1 if is_pkg else 0)
                base = ".".join(parts[:keep] + ([base] if base else []))
            # `from pkg import sub` is an edge to the submodule (like `import pkg.sub`: the
            # parent package's own init is not counted, for any submodule import)
            subs = [f"{base}.{a.name}" for a in node.names]
            subs = [c for c in subs if module_path(c) is not None]
            if len(subs) < len(node.names):
                out.append(Import(mod, base, node.lineno))
            out += [Import(mod, c, node.lineno) for c in subs]
    return out


def module_path(dotted: str) -> Path | None:
    p = ROOT.joinpath(*dotted.split("."))
    if p.with_suffix(".py").is_file():
        return p.with_suffix(".py")
    if (p / "__init__.py").is_file():
        return p / "__init__.py"
    return None


def sql_sites(path: Path) -> list[tuple[int, str]]:
    """Where a file runs SQL: a call of .execute/.executemany/.executescript, a transaction()
    block, or a string literal that is an SQL statement."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if name in SQL_CALLS or name == "transaction":
                out.append((node.lineno, f"{name}(...)"))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and SQL_RE.match(node.value)
            and len(node.value.split()) > 1
        ):
            out.append((node.lineno, node.value[:60]))
    return out


def graph(*packages: str) -> dict[str, set[str]]:
    """module -> project modules it imports (a submodule import also imports its packages)."""
    g: dict[str, set[str]] = {}
    for path in source_files(*packages):
        mod = module_name(path)
        deps = g.setdefault(mod, set())
        for imp in imports_of(path):
            if imp.target.split(".")[0] not in PACKAGES or imp.target == mod:
                continue
            if module_path(imp.target) is not None:
                deps.add(imp.target)
    return g


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    import sys

    sys.setrecursionlimit(max(10000, sys.getrecursionlimit()))
    for v in sorted(g):
        if v not in index:
            visit(v)
    return out
