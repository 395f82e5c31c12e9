"""Extensión local de Sphinx: los ``.ipynb`` que se descargan del sitio son deterministas.

El botón de descarga ofrece ``_sources/<capítulo>.ipynb``. myst-nb lo escribe
con identificadores de celda al azar, metadatos que cambian de una construcción
a otra (``language_info`` está o no, ``source_map``, tiempos) y con salidas o sin
ellas según el capítulo se haya ejecutado o venga de la caché. Al terminar la
construcción esta extensión lo reescribe como el cuaderno para ejecutar (sin
salidas: las muestra la página; la celda de preparación instala lo que falte),
con identificadores por posición (``celda-000``…) y metadatos fijos, de modo que
dos construcciones del mismo commit publican los mismos bytes.
"""

from __future__ import annotations

import json
from pathlib import Path


def normalize(text: str) -> str:
    """El cuaderno ``text`` (JSON) con identificadores y metadatos deterministas."""
    nb = json.loads(text)
    for i, cell in enumerate(nb.get("cells", [])):
        cell["id"] = f"celda-{i:03d}"
        cell.get("metadata", {}).pop("execution", None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    meta = nb.get("metadata", {})
    keep = {k: meta[k] for k in ("kernelspec",) if k in meta}
    formats = meta.get("jupytext", {}).get("formats")
    if formats:
        keep["jupytext"] = {"formats": formats}
    keep["language_info"] = {"name": "python"}
    nb["metadata"] = keep
    nb["nbformat"], nb["nbformat_minor"] = 4, 5
    return json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _normalize_downloads(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    for path in sorted(Path(app.outdir, "_sources").rglob("*.ipynb")):
        text = path.read_text(encoding="utf-8")
        fixed = normalize(text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def setup(app):
    app.connect("build-finished", _normalize_downloads)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
