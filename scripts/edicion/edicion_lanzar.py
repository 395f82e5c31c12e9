"""Extensión de Sphinx que build_edition.py agrega a cada edición: Colab y Binder de ESA edición.

Los botones de lanzamiento de sphinx-book-theme apuntan a la rama de
``_config.yml`` (``main``). En una edición:

* **Colab** abre el cuaderno de la edición guardado en el propio sitio
  (``<edición>/_cuadernos/book/<capítulo>.ipynb`` de la rama ``gh-pages``), cuya
  celda de preparación instala el paquete del curso en la etiqueta de la
  edición (``jerarquicos_colab_prefix``);
* **Binder** construye el repositorio en esa etiqueta (``jerarquicos_launch_ref``),
  cuya carpeta ``binder/`` instala el paquete de esa misma etiqueta.
"""

from __future__ import annotations

import re

COLAB = "https://colab.research.google.com/github/"


def _rewrite(buttons, app, pagename):
    prefix = app.config.jerarquicos_colab_prefix.rstrip("/")
    ref = app.config.jerarquicos_launch_ref
    for button in buttons:
        if isinstance(button, dict):
            url = button.get("url", "")
            if prefix and url.startswith(COLAB):
                button["url"] = f"{prefix}/{pagename}.ipynb"
            elif ref and "/v2/gh/" in url:
                button["url"] = re.sub(r"(/v2/gh/[^/]+/[^/?]+)/[^?]+", rf"\g<1>/{ref}", url)
            _rewrite(button.get("buttons", []), app, pagename)


def _launch_buttons(app, pagename, templatename, context, doctree):
    _rewrite(context.get("header_buttons", []), app, pagename)


def setup(app):
    app.add_config_value("jerarquicos_colab_prefix", "", "html")
    app.add_config_value("jerarquicos_launch_ref", "", "html")
    # Después de sphinx-book-theme (prioridad 501), que arma los botones.
    app.connect("html-page-context", _launch_buttons, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
