"""Extensión local de Sphinx: MathJax servido por el propio sitio.

Por omisión Sphinx carga MathJax 3 desde una CDN: sin conexión (un aula sin
red, un instructor que revisa el libro en el tren) las fórmulas se verían como
TeX crudo. Esta extensión copia al sitio la misma versión 3.2.2 que trae el
paquete ``django-static-mathjax`` (fijado en requirements.txt): el componente
``tex-chtml.js``, sus fuentes, las extensiones de TeX que se cargan a demanda
y el menú/accesibilidad (unos 3 MB, compartidos por todas las páginas y que el
navegador guarda en caché).
"""

from __future__ import annotations

import shutil
from pathlib import Path

#: Partes de MathJax (relativas a es5/) que usa la página.
PARTS = ("tex-chtml.js", "output/chtml/fonts/woff-v2", "input/tex/extensions", "ui", "a11y")
TARGET = "mathjax"


def _source() -> Path:
    import mathjax  # paquete django-static-mathjax

    return Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"


def _use_local(app, config):
    config.mathjax_path = f"{TARGET}/tex-chtml.js"


def _copy(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    src = _source()
    dest = Path(app.outdir) / "_static" / TARGET
    for part in PARTS:
        origin = src / part
        if origin.is_dir():
            shutil.copytree(origin, dest / part, dirs_exist_ok=True)
        else:
            (dest / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, dest / part)


def setup(app):
    _source()  # falla temprano, con el nombre del paquete, si no está instalado
    app.connect("config-inited", _use_local)
    app.connect("build-finished", _copy)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
