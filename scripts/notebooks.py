#!/usr/bin/env python
"""La celda de preparación para Colab y los cuadernos ``.ipynb`` emparejados.

Cada capítulo (``book/<capítulo>.md``, un cuaderno MyST) empieza con una celda
oculta en el sitio (``remove-cell``) que, sólo si ``jerarquicos`` no se puede
importar (Colab), instala el paquete del curso de ESTA edición desde el
repositorio de ``_config.yml`` y lo que le falta a Colab (el extra
``modelos``: Bambi, PyMC, nutpie…). Al construir el libro el paquete ya está,
así que la celda no hace nada. ``JERARQUICOS_INSTALL_SOURCE`` cambia de dónde
se instala (las pruebas simulan Colab con la copia local del repositorio).

Uso::

    python scripts/notebooks.py            # agrega/actualiza la celda y sincroniza los .ipynb
    python scripts/notebooks.py --check    # sólo comprueba (sale con 1 si algo no coincide)

Los ``.ipynb`` se escriben de forma determinista (identificadores de celda
derivados de su posición y metadatos fijos), así que dos ejecuciones dan los
mismos bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
#: Primera línea de la celda (las pruebas y build_edition.py la buscan).
SETUP_MARKER = "# Preparación para Colab: instala el paquete del curso si falta."
INSTALL_ENV = "JERARQUICOS_INSTALL_SOURCE"
EXTRA = "modelos"
DEV_REF = "main"

SETUP_TEMPLATE = """{marker}
# En el sitio esta celda no se muestra y al construir el libro no hace nada.
import importlib.util
import os
import subprocess
import sys

if importlib.util.find_spec("jerarquicos") is None:
    FUENTE = os.environ.get(
        "{env}", "{source}"
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", f"jerarquicos[{extra}] @ {{FUENTE}}"],
        check=True,
    )
    importlib.invalidate_caches()"""


def repository_url(root: Path = REPO_ROOT) -> str:
    """La URL del repositorio de ``_config.yml`` (sin ``.git`` ni barra final)."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    return config["repository"]["url"].rstrip("/").removesuffix(".git")


def install_source(url: str, ref: str) -> str:
    """El requisito de pip para instalar el paquete desde ``url`` en ``ref``."""
    return f"git+{url}@{ref}"


def setup_cell_source(url: str, ref: str = DEV_REF) -> str:
    """El código de la celda de preparación para el repositorio ``url`` en ``ref``."""
    return SETUP_TEMPLATE.format(
        marker=SETUP_MARKER, env=INSTALL_ENV, source=install_source(url, ref), extra=EXTRA
    )


def chapters(root: Path = REPO_ROOT) -> list[Path]:
    """Los capítulos que son cuadernos (tienen ``kernelspec``)."""
    out = []
    for path in sorted((root / "book").glob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        if "kernelspec:" in head:
            out.append(path)
    return out


def _cell_block(source: str) -> str:
    return "```{code-cell} ipython3\n:tags: [remove-cell]\n\n" + source + "\n```\n"


def with_setup_cell(text: str, source: str) -> str:
    """Devuelve el texto MyST de un capítulo con la celda de preparación al principio."""
    front, sep, body = text.partition("\n---\n")
    body = body.lstrip("\n")
    if body.startswith("```{code-cell}") and SETUP_MARKER in body.split("\n```\n", 1)[0]:
        body = body.split("\n```\n", 1)[1].lstrip("\n")
    return front + sep + "\n" + _cell_block(source) + "\n" + body


def to_ipynb(md: Path) -> str:
    """El ``.ipynb`` emparejado de ``md``, sin salidas y con bytes deterministas."""
    import jupytext

    notebook = jupytext.read(md)
    return normalized_json(jupytext.writes(notebook, fmt="ipynb"))


def normalized_json(text: str) -> str:
    """Identificadores de celda por posición y metadatos de cuaderno fijos."""
    nb = json.loads(text)
    for i, cell in enumerate(nb.get("cells", [])):
        cell["id"] = f"celda-{i:03d}"
        cell.get("metadata", {}).pop("execution", None)
    meta = nb.get("metadata", {})
    keep = {k: meta[k] for k in ("jupytext", "kernelspec") if k in meta}
    if "jupytext" in keep:
        keep["jupytext"] = {
            k: v for k, v in keep["jupytext"].items() if k in ("formats", "default_lexer")
        }
    keep["language_info"] = {"name": "python"}
    nb["metadata"] = keep
    return json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def sync(root: Path = REPO_ROOT, *, check: bool = False, ref: str = DEV_REF) -> list[str]:
    """Agrega la celda y escribe los ``.ipynb``; con ``check`` sólo informa lo que cambiaría."""
    source = setup_cell_source(repository_url(root), ref)
    problems = []
    for md in chapters(root):
        text = md.read_text(encoding="utf-8")
        wanted = with_setup_cell(text, source)
        if wanted != text:
            problems.append(f"{md.relative_to(root)}: falta o cambió la celda de preparación")
            if not check:
                md.write_text(wanted, encoding="utf-8")
        ipynb = md.with_suffix(".ipynb")
        expected = to_ipynb(md)
        current = ipynb.read_text(encoding="utf-8") if ipynb.exists() else None
        if current != expected:
            problems.append(f"{ipynb.relative_to(root)}: no coincide con {md.name}")
            if not check:
                ipynb.write_text(expected, encoding="utf-8")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="sólo comprobar, sin escribir")
    args = parser.parse_args(argv)
    problems = sync(check=args.check)
    for line in problems:
        print(("» " if not args.check else "✗ ") + line)
    if args.check and problems:
        print("Corra: python scripts/notebooks.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
