"""Extensión local de Sphinx: la caché de ejecución no puede quedar obsoleta.

jupyter-cache sólo mira las celdas de código de cada cuaderno. Si cambia el
paquete ``src/``, los datos de ``data/``, ``requirements.txt`` o
``pyproject.toml``, los resultados guardados dejan de ser válidos aunque
ningún cuaderno haya cambiado. Esta extensión calcula una huella SHA-256 de
esos archivos y

1. usa ``<caché>/<huella>`` como carpeta de la caché de ejecución (una huella
   nueva es una caché vacía: todos los cuadernos se vuelven a ejecutar), y
2. guarda la huella como valor de configuración con ``rebuild="env"``, de modo
   que Sphinx vuelva a leer todos los documentos cuando cambia.

Se conservan las dos cachés de huellas anteriores más recientes (deshacer un
cambio no obliga a ejecutar todo de nuevo); las más viejas se borran.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

#: Lo que, al cambiar, invalida los resultados de ejecución.
KEY_INPUTS = ("src", "data", "requirements.txt", "pyproject.toml")
#: Cachés de huellas anteriores que se conservan (las más recientes).
KEEP_OLD = 2
_IGNORED_PARTS = {"__pycache__", ".ipynb_checkpoints", ".pytest_cache"}


def execution_key(root: Path, inputs=KEY_INPUTS) -> str:
    """Devuelve la huella SHA-256 (16 caracteres) de los archivos de ``inputs``.

    Parameters
    ----------
    root : Path
        Raíz del repositorio.
    inputs : sequence of str
        Archivos o carpetas, relativos a ``root``. Los que no existen se ignoran.

    Returns
    -------
    str
        Los primeros 16 dígitos hexadecimales del SHA-256 de las rutas y los
        contenidos, en orden alfabético.
    """
    digest = hashlib.sha256()
    for name in inputs:
        base = root / name
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            rel = path.relative_to(root)
            if _IGNORED_PARTS.intersection(rel.parts) or path.suffix == ".pyc":
                continue
            digest.update(rel.as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _set_cache_path(app, config):
    root = Path(app.confdir)
    key = execution_key(root)
    configured = config.nb_execution_cache_path or "_build/.jupyter_cache"
    base = Path(configured)
    if not base.is_absolute():
        base = root / base
    cache = base / key
    if base.is_dir():
        # Se conservan las KEEP_OLD cachés más recientes además de la actual: volver
        # atrás un cambio en src/ reutiliza sus salidas en lugar de ejecutar todo.
        old = sorted(
            (p for p in base.iterdir() if p.is_dir() and p.name != key and len(p.name) == 16),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for stale in old[KEEP_OLD:]:
            shutil.rmtree(stale, ignore_errors=True)
    config.nb_execution_cache_path = str(cache)
    config.jerarquicos_execution_key = key


def setup(app):
    app.add_config_value("jerarquicos_execution_key", "", "env")
    # Prioridad alta para correr antes de que myst-nb lea su configuración.
    app.connect("config-inited", _set_cache_path, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
