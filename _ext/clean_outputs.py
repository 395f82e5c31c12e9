"""Extensión local de Sphinx: nada de la máquina de construcción llega a una página.

Las salidas de las celdas se publican tal cual salieron del kernel. Al leer
cada capítulo, esta extensión revisa esas salidas:

* un **error a propósito** (celda con la etiqueta ``raises-exception``) se
  muestra como lo leería un estudiante: sólo la última línea, ``ValueError:
  …``; el *traceback* completo nombraba archivos de la máquina que construyó
  el libro (``/work/…/site-packages/…``);
* un **aviso de Python** (``NumbaPerformanceWarning``, ``UserWarning``…), un
  *traceback* impreso por una celda que no lo esperaba o una **ruta de la
  máquina** (la carpeta del libro, el entorno virtual, ``/tmp``, ``/root``,
  ``/home``…) en cualquier salida es una advertencia de la construcción, que
  con ``-W`` la detiene y nombra el capítulo, la celda y el texto.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

_ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
WARNING_RE = re.compile(r"\b[A-Z][A-Za-z]*Warning\b")
TRACEBACK_RE = re.compile(r"Traceback \(most recent call last\)")
MACHINE_PATH_RE = re.compile(
    r"(?<![\w.:/-])(?:/(?:work|tmp|root|home|Users|opt|var/folders|private/var|usr/lib|usr/local)"
    r"/[\w.@+-]+|[A-Za-z]:\\(?:Users|Windows)\\|site-packages|dist-packages|\.venv/)"
)
_ERROR_LINE_RE = re.compile(
    r"^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning)\b.*$", re.M
)
RAISES_TAG = "tag_raises-exception"


def last_error_lines(traceback: str) -> str:
    """Las líneas finales de un traceback: ``TipoDeError: mensaje`` (y su continuación)."""
    text = _ANSI_RE.sub("", traceback).rstrip()
    found = list(_ERROR_LINE_RE.finditer(text))
    if found:
        return text[found[-1].start() :].strip()
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1].strip() if lines else ""


def _cell_of(node) -> nodes.Element | None:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.container) and "cell" in parent.get("classes", []):
            return parent
        parent = parent.parent
    return None


def _private_paths(app) -> tuple[str, ...]:
    candidates = {str(Path(app.confdir).resolve()), sys.prefix, str(Path.home())}
    return tuple(p for p in candidates if len(p) > 1)


def problems_in(text: str, private: tuple[str, ...] = ()) -> list[str]:
    """Lo que una salida de celda no debe publicar."""
    text = _ANSI_RE.sub("", text)
    found = []
    match = WARNING_RE.search(text)
    if match:
        found.append(f"un aviso de Python ({match.group(0)})")
    if TRACEBACK_RE.search(text):
        found.append("un traceback")
    match = MACHINE_PATH_RE.search(text)
    private_hit = next((p for p in private if p in text), None)
    if match or private_hit:
        found.append(
            f"una ruta de la máquina de construcción ({match.group(0) if match else private_hit})"
        )
    return found


def _clean(app, doctree):
    private = _private_paths(app)
    docname = app.env.docname
    for block in list(doctree.findall(nodes.literal_block)):
        classes = block.get("classes", [])
        if "output" not in classes and "traceback" not in classes:
            continue
        cell = _cell_of(block)
        raises = cell is not None and RAISES_TAG in cell.get("classes", [])
        if "traceback" in classes and raises:
            short = last_error_lines(block.astext())
            block.children = [nodes.Text(short)]
            block.rawsource = short
            continue
        issues = problems_in(block.astext(), private)
        if issues:
            excerpt = re.sub(r"\s+", " ", _ANSI_RE.sub("", block.astext()))[:160]
            logger.warning(
                f"{docname}: una salida de celda publicaría {' y '.join(issues)}: «{excerpt}». "
                "Evite la causa en la celda (o silencie el aviso allí, con el motivo); un error "
                "a propósito lleva la etiqueta raises-exception.",
                location=block,
                type="jerarquicos",
                subtype="output",
            )
    for raw in doctree.findall(nodes.raw):
        if _cell_of(raw) is None:
            continue
        match = MACHINE_PATH_RE.search(raw.astext())
        private_hit = next((p for p in private if p in raw.astext()), None)
        if match or private_hit:
            logger.warning(
                f"{docname}: una salida HTML de celda publicaría una ruta de la máquina de "
                f"construcción ({match.group(0) if match else private_hit}).",
                location=raw,
                type="jerarquicos",
                subtype="output",
            )


def setup(app):
    app.connect("doctree-read", _clean)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
