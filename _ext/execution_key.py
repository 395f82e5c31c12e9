"""Extensión local de Sphinx: cada capítulo se ejecuta de nuevo cuando cambia lo que usa.

jupyter-cache (``execute_notebooks: cache``) reconoce un cuaderno por el texto
de sus celdas de código: si cambia el paquete ``jerarquicos``, un archivo de
datos o el entorno, las salidas guardadas quedarían viejas. Esta extensión

1. calcula, para cada capítulo, la **huella de lo que usa**: los módulos de
   ``jerarquicos`` que importa (y, de forma transitiva, los que ésos importan,
   con los ``__init__.py`` de cada paquete), los archivos de datos que lee
   (``load_dataset("...")``), ``requirements.txt``, ``pyproject.toml`` y la
   versión de Python; y la agrega al leer el capítulo como una celda de código
   oculta (``remove-cell``) que sólo tiene un comentario. jupyter-cache ve otro
   código, así que el capítulo se vuelve a ejecutar; los demás no. Volver atrás
   un cambio vuelve a una huella conocida y reutiliza sus salidas.
2. fija el entorno del kernel para que nada que no sea código cambie las
   salidas: quita ``MPLBACKEND`` (un ``Agg`` heredado borra las figuras de
   ``plt.show()``) y fija ``PYTHONHASHSEED``;
3. hace que Sphinx vuelva a leer **todos** los documentos en cada
   construcción (con las salidas de la caché): una referencia rota o un
   ``glue`` que falta fallan siempre, no sólo la primera vez;
4. falla si un capítulo de ``book/`` no está en ``_toc.yml`` ni en la lista
   ``jerarquicos_excluded_docs`` de ``_config.yml``.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import re
import shutil
import sys
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

PACKAGE = "jerarquicos"
#: Archivos del entorno fijado: si cambian, todo capítulo se vuelve a ejecutar.
ENVIRONMENT_FILES = ("requirements.txt", "pyproject.toml")
#: Comienzo del comentario de la celda agregada (las pruebas lo buscan).
MARKER = "# huella-de-ejecucion:"
_CELL = (
    "\n\n```{{code-cell}} ipython3\n:tags: [remove-cell]\n\n"
    "# Celda agregada al construir (_ext/execution_key.py): resume el código del paquete,\n"
    "# los datos y el entorno que usa el capítulo; si cambian, se vuelve a ejecutar.\n"
    "{marker} {key}\n```\n"
)
_LOAD_DATASET = "load_dataset"


# --------------------------------------------------------------------------- dependencias


def _module_file(package_dir: Path, module: str) -> Path | None:
    """Archivo de ``module`` (``jerarquicos.a.b``) dentro de ``package_dir``, si existe."""
    parts = module.split(".")[1:]
    base = package_dir.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _with_parents(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def _imports(tree: ast.AST, current: str | None, is_package: bool) -> set[str]:
    """Módulos de ``jerarquicos`` que importa ``tree`` (nombres absolutos, sin resolver)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == PACKAGE or alias.name.startswith(PACKAGE + "."):
                    found.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if current is None:
                    continue
                anchor = current.split(".")
                if not is_package:
                    anchor = anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            if base != PACKAGE and not base.startswith(PACKAGE + "."):
                continue
            found.add(base)
            for alias in node.names:  # from jerarquicos.models import radon
                found.add(f"{base}.{alias.name}")
    return found


def _parse(source: str) -> ast.AST | None:
    # Las celdas pueden tener «magias» de IPython (%matplotlib, !pip): se omiten.
    lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def module_closure(package_dir: Path, code: list[str]) -> dict[str, Path]:
    """Módulos del paquete que usan las celdas ``code``, con sus dependencias transitivas.

    Parameters
    ----------
    package_dir : Path
        Carpeta del paquete ``jerarquicos``.
    code : list of str
        Código de las celdas del capítulo.

    Returns
    -------
    dict
        Nombre del módulo → archivo, incluidos los ``__init__.py`` de los paquetes
        que contienen a cada uno.
    """
    pending: set[str] = set()
    for source in code:
        tree = _parse(source)
        if tree is not None:
            pending |= _imports(tree, None, False)
    seen: dict[str, Path] = {}
    while pending:
        module = pending.pop()
        for name in _with_parents(module):
            if name in seen:
                continue
            path = _module_file(package_dir, name)
            if path is None:  # un nombre importado que no es un módulo (una función)
                continue
            seen[name] = path
            found = _module_imports(path.read_text(encoding="utf-8"), name, path.name)
            pending |= found - set(seen)
    return seen


@functools.lru_cache(maxsize=1024)
def _module_imports(text: str, name: str, filename: str) -> frozenset[str]:
    """:func:`_imports` de un módulo, recordado por su texto: los capítulos comparten
    módulos, y analizar cada uno una vez por capítulo era casi todo el tiempo de la huella."""
    return frozenset(_imports(ast.parse(text), name, filename == "__init__.py"))


def _registry_files(package_dir: Path) -> dict[str, str]:
    """Nombre del conjunto → archivo, leído del registro sin importarlo."""
    registry = package_dir / "data" / "registry.py"
    if not registry.is_file():
        return {}
    files = {}
    for node in ast.walk(ast.parse(registry.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "DatasetInfo":
            kw = {k.arg: k.value for k in node.keywords if isinstance(k.value, ast.Constant)}
            if "name" in kw and "filename" in kw:
                files[kw["name"].value] = kw["filename"].value
    return files


def datasets_used(code: list[str]) -> set[str]:
    """Nombres de los conjuntos que las celdas cargan con ``load_dataset("...")``."""
    names = set()
    for source in code:
        tree = _parse(source)
        if tree is None:
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == _LOAD_DATASET
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                names.add(node.args[0].value)
    return names


def chapter_inputs(root: Path, package_dir: Path, code: list[str]) -> dict[str, bytes]:
    """Todo lo que determina las salidas de un capítulo, como ``{etiqueta: contenido}``."""
    inputs: dict[str, bytes] = {}
    for name, path in module_closure(package_dir, code).items():
        inputs[f"modulo:{name}"] = path.read_bytes()
    registry = _registry_files(package_dir)
    for name in sorted(datasets_used(code)):
        filename = registry.get(name)
        path = package_dir / "data" / filename if filename else None
        if path is not None and path.is_file():
            inputs[f"datos:{filename}"] = path.read_bytes()
    for name in ENVIRONMENT_FILES:
        path = root / name
        if path.is_file():
            inputs[f"entorno:{name}"] = path.read_bytes()
    inputs["entorno:python"] = f"{sys.version_info.major}.{sys.version_info.minor}".encode()
    return inputs


def chapter_key(inputs: dict[str, bytes]) -> str:
    """SHA-256 (16 cifras hexadecimales) de las entradas de :func:`chapter_inputs`."""
    digest = hashlib.sha256()
    for label in sorted(inputs):
        digest.update(label.encode() + b"\0" + inputs[label] + b"\0")
    return digest.hexdigest()[:16]


def _code_cells(text: str) -> list[str]:
    import jupytext

    notebook = jupytext.reads(text, fmt="md:myst")
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


def _is_notebook(text: str) -> bool:
    head = text.split("\n---", 1)[0] if text.startswith("---") else ""
    return "kernelspec:" in head


def package_dir(root: Path) -> Path | None:
    """La carpeta del paquete que importarán los capítulos."""
    local = root / "src" / PACKAGE
    if local.is_dir():
        return local
    import importlib.util

    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


# --------------------------------------------------------------------------- Sphinx


def prepare_kernel_environment() -> None:
    """El entorno que heredan los kernels que este proceso lance.

    Sin ``MPLBACKEND`` (un Agg heredado anula el backend inline y las figuras no
    llegan al cuaderno) y con ``PYTHONHASHSEED=0``, para que nada que cambie las
    salidas quede fuera de la huella.
    """
    os.environ.pop("MPLBACKEND", None)
    os.environ["PYTHONHASHSEED"] = "0"


def _configure(app, config):
    prepare_kernel_environment()
    root = Path(app.confdir)
    base = Path(config.nb_execution_cache_path or "_build/.jupyter_cache")
    if not base.is_absolute():
        base = root / base
    # Cachés de la versión anterior de esta extensión: una carpeta por huella global.
    if base.is_dir():
        for old in base.iterdir():
            if old.is_dir() and re.fullmatch(r"[0-9a-f]{16}", old.name):
                shutil.rmtree(old, ignore_errors=True)
    config.nb_execution_cache_path = str(base)
    app.jerarquicos_package_dir = package_dir(root)


def _inject_key(app, docname, source):
    text = source[0]
    if not _is_notebook(text) or app.jerarquicos_package_dir is None:
        return
    code = _code_cells(text)
    key = chapter_key(chapter_inputs(Path(app.confdir), app.jerarquicos_package_dir, code))
    source[0] = text.rstrip("\n") + _CELL.format(marker=MARKER, key=key)


def _reread_everything(app, env, added, changed, removed):
    return sorted(env.found_docs - set(added) - set(changed))


def _check_toc(app, env, docnames):
    root = Path(app.confdir)
    excluded = set(app.config.jerarquicos_excluded_docs)
    for path in sorted((root / "book").rglob("*.md")):
        rel = path.relative_to(root)
        if any(part.startswith(("_", ".")) for part in rel.parts):
            continue
        docname = rel.with_suffix("").as_posix()
        if docname not in env.found_docs and docname not in excluded:
            logger.warning(
                f"{rel} no está en _toc.yml: el libro lo dejaría fuera sin avisar. "
                "Agréguelo al índice, o a jerarquicos_excluded_docs en _config.yml si se "
                "excluye a propósito.",
                type="jerarquicos",
                subtype="toc",
            )


def setup(app):
    app.add_config_value("jerarquicos_excluded_docs", [], "env")
    # Prioridad alta: antes de que myst-nb lea su configuración.
    app.connect("config-inited", _configure, priority=100)
    app.connect("source-read", _inject_key)
    app.connect("env-get-outdated", _reread_everything)
    app.connect("env-before-read-docs", _check_toc)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "2.0"}
