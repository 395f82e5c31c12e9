"""Extensión local de Sphinx: cuando una celda falla, el registro dice cuál y por qué.

Con ``raise_on_error`` myst-nb detiene la construcción con una excepción cuyo
texto depende de la versión de Python y de Jupyter (y que a veces no muestra
el error de la celda). Al terminar una construcción fallida, esta extensión
busca en la cadena de excepciones el ``CellExecutionError`` de nbclient y
escribe en la salida de errores, siempre con el mismo formato, el documento,
el tipo y el mensaje del error de la celda.
"""

from __future__ import annotations

import sys


def _chain(exc):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def cell_error_summary(exc) -> str | None:
    """Resumen en castellano del error de celda en la cadena de ``exc``, o ``None``."""
    document = None
    for item in _chain(exc):
        if type(item).__name__ == "ExecutionError" and item.args:
            document = str(item.args[0])
        if hasattr(item, "ename") and hasattr(item, "evalue"):
            where = f" en {document}" if document else ""
            return (
                f"Falló una celda{where}: {item.ename}: {item.evalue}\n"
                "(la celda y el traceback completos están más arriba)."
            )
    return None


def _report(app, exception):
    if exception is None:
        return
    summary = cell_error_summary(exception)
    if summary:
        print("\n» " + summary, file=sys.stderr, flush=True)


def setup(app):
    app.connect("build-finished", _report)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
