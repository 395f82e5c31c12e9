"""Extensión local de Sphinx: no cargar Thebe, que el libro no usa.

Jupyter Book 1 activa siempre ``sphinx_thebe``. Con Sphinx 7.4 su script de
configuración se inserta dos veces en cada página y el navegador informa
«Identifier 'THEBE_JS_URL' has already been declared». El libro no ofrece
Thebe (``launch_buttons.thebe`` es falso; para ejecutar están Colab y Binder),
así que se desconecta el manejador que agrega esos scripts.
"""

from __future__ import annotations


def setup(app):
    app.setup_extension("sphinx_thebe")
    for listener in list(app.events.listeners.get("env-before-read-docs", [])):
        if getattr(listener.handler, "__module__", "") == "sphinx_thebe" and (
            listener.handler.__name__ == "init_thebe_core"
        ):
            app.disconnect(listener.id)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
