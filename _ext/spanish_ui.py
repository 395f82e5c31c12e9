"""Extensión local de Sphinx: completa la interfaz en castellano.

Sphinx y sphinx-book-theme traen catálogos en castellano con huecos
(«Suggest edit», «Launch on», «Link to this heading»). Los textos que faltan
están en ``locale/es/LC_MESSAGES/*.po``: el catálogo ``sphinx`` lo carga
Sphinx solo (``locale_dirs``); los demás dominios se compilan aquí y se
agregan como catálogo de respaldo del tema.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def setup(app):
    root = Path(app.confdir)
    language = app.config.language or "es"
    src = root / "locale" / language / "LC_MESSAGES"
    out = Path(app.outdir).parent / ".locale"
    for po in sorted(src.glob("*.po")):
        if po.stem == "sphinx":
            continue  # Sphinx lo compila y lo carga por su cuenta.
        target = out / language / "LC_MESSAGES" / f"{po.stem}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=language)
        with target.open("wb") as fh:
            write_mo(fh, catalog)
        app.add_message_catalog(po.stem, str(out))
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
