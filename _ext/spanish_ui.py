"""Extensión local de Sphinx: completa la interfaz en castellano.

Sphinx y sphinx-book-theme traen catálogos en castellano con huecos
(«Suggest edit», «Launch on», «Link to this heading») y errores («Descarga esta
pagina»). Los textos propios están en ``locale/es/LC_MESSAGES/*.po``: el
catálogo ``sphinx`` lo carga Sphinx solo (``locale_dirs``, antes que los de los
temas); los demás dominios se compilan aquí y se ponen **delante** del
catálogo del tema (lo que dicen ganan; lo que no, lo sigue diciendo el tema).

Además, la tabla de la página de estado (``{nb-exec-table}`` de myst-nb) sale
con encabezados en inglés (Document, Modified, Method, Run Time, Status): se
traducen, cada documento se nombra por su título y la fecha va en el formato
del resto del libro.
"""

from __future__ import annotations

import gettext
from datetime import datetime
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from docutils import nodes
from sphinx import locale as sphinx_locale

#: Encabezados de la tabla de myst-nb → castellano.
EXEC_TABLE_HEADERS = {
    "Document": "Capítulo",
    "Modified": "Ejecutado",
    "Method": "Método",
    "Run Time (s)": "Duración (s)",
    "Status": "Resultado",
}
EXEC_TABLE_VALUES = {
    "cache": "caché",
    "auto": "automático",
    "force": "siempre",
    "inline": "en línea",
    "✅": "✅ terminó bien",
    "❌": "❌ falló",
    "⏰": "⏰ excedió el tiempo",
}


def _put_first(app):
    """Los catálogos propios delante de los del tema, para cada dominio que traducen."""
    for mo in getattr(app, "jerarquicos_catalogs", []):
        key = ("general", mo.stem)
        with mo.open("rb") as fh:
            mine = gettext.GNUTranslations(fh)
        current = sphinx_locale.translators.get(key)
        if current is not None:
            mine.add_fallback(current)
        sphinx_locale.translators[key] = mine


def _spanish_exec_table(app, doctree, docname):
    for table in doctree.findall(nodes.table):
        heads = [entry.astext().strip() for entry in table.findall(nodes.entry)][
            : len(EXEC_TABLE_HEADERS)
        ]
        if heads != list(EXEC_TABLE_HEADERS):
            continue
        for entry in table.findall(nodes.entry):
            for text in list(entry.findall(nodes.Text)):
                value = str(text).strip()
                new = EXEC_TABLE_HEADERS.get(value) or EXEC_TABLE_VALUES.get(value)
                if new is None:
                    try:
                        new = datetime.strptime(value, "%Y-%m-%d %H:%M").strftime("%d/%m/%Y %H:%M")
                    except ValueError:
                        new = None
                if new is None and value in app.env.titles:
                    new = app.env.titles[value].astext()
                if new is not None:
                    text.parent.replace(text, nodes.Text(new))


def setup(app):
    root = Path(app.confdir)
    language = app.config.language or "es"
    src = root / "locale" / language / "LC_MESSAGES"
    out = Path(app.outdir).parent / ".locale"
    catalogs = []
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
        catalogs.append(target)
    app.jerarquicos_catalogs = catalogs
    app.connect("builder-inited", _put_first)
    app.connect("doctree-resolved", _spanish_exec_table)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
