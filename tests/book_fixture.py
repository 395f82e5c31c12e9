"""Un libro mínimo con la configuración real del proyecto, para probar la construcción."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
#: Lo que se escribe al ejecutar un cuaderno: myst-nb, o scripts/execute.py antes que él.
EXECUTING = ("Executing notebook", "ejecutado por execute.py")

NOTEBOOK_HEADER = textwrap.dedent(
    """\
    ---
    jupytext:
      text_representation:
        extension: .md
        format_name: myst
    kernelspec:
      display_name: Python 3 (ipykernel)
      language: python
      name: python3
    ---
    """
)


def make_book(dest: Path, chapter: str, extra_files: dict[str, str] | None = None) -> Path:
    """Crea en ``dest`` un libro con la configuración del proyecto y un capítulo.

    Copia ``_config.yml``, las extensiones locales, las traducciones y las
    plantillas del repositorio, de modo que el libro de prueba se construye
    con las mismas opciones que el libro real.
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO_ROOT / "_config.yml", dest / "_config.yml")
    # _static trae el logo y custom.css (html_static_path); _latex, el estilo del PDF.
    for folder in ("_ext", "locale", "_templates", "_latex", "book/_static"):
        shutil.copytree(
            REPO_ROOT / folder,
            dest / folder,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("__pycache__", "*.mo"),
        )
    shutil.copy(REPO_ROOT / "book" / "references.bib", dest / "book")
    (dest / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nchapters:\n  - file: book/capitulo\n", encoding="utf-8"
    )
    (dest / "index.md").write_text(
        "# Portada\n\nUn libro de prueba. Ver {ref}`capitulo`.\n", encoding="utf-8"
    )
    (dest / "book" / "capitulo.md").write_text(NOTEBOOK_HEADER + "\n" + chapter, encoding="utf-8")
    for name, text in (extra_files or {}).items():
        path = dest / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return dest


def build_book(
    book: Path, *args: str, timeout: int = 600, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Construye ``book`` con ``scripts/build.sh`` (las mismas opciones que el README).

    ``env`` agrega variables de entorno a las del proceso de las pruebas.
    """
    env = {**os.environ, **(env or {})}
    env["JERARQUICOS_SKIP_BOOTSTRAP"] = "1"
    env["JERARQUICOS_BOOK_DIR"] = str(book)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return subprocess.run(
        ["bash", str(REPO_ROOT / "scripts" / "build.sh"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


#: Un capítulo mínimo que construye sin errores (las pruebas le agregan lo que prueban).
GOOD_CHAPTER = textwrap.dedent(
    """\
    (capitulo)=
    # Un capítulo

    Texto con matemática $\\pi \\mid \\omega$ y una celda.

    ```{code-cell} ipython3
    print("resultado", 6 * 7)
    ```
    """
)


def build_log(result: subprocess.CompletedProcess) -> str:
    """El final de la salida de una construcción, para los mensajes de las pruebas."""
    return result.stdout[-4000:] + "\n" + result.stderr[-4000:]


def executions(log: str) -> int:
    """Cuántos cuadernos se ejecutaron según el registro de una construcción."""
    return sum(log.count(text) for text in EXECUTING)


def load_module(path: Path, name: str):
    """Carga ``path`` (un guion o una extensión, fuera del paquete) como el módulo ``name``.

    Queda en ``sys.modules`` (``dataclasses`` lo busca allí), así que las pruebas que lo
    cargan comparten el mismo módulo.
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
