"""Extensión local de Sphinx: páginas livianas y accesibles.

Al terminar la construcción HTML, sobre cada página del sitio:

* **Sin fontawesome.js.** El tema carga 1,45 MB de JavaScript (540 kB
  comprimidos) sólo para cambiar los íconos ``<i class="fa-…">`` por SVG, y
  las tres fuentes de Font Awesome enteras (275 kB). Se quita el script y las
  fuentes se recortan (:func:`subset_icon_fonts`) a los glifos que usa el sitio
  (los de las clases ``fa-*`` de las páginas y los de las hojas de estilo del
  tema, p. ej. los íconos de las notas): unos pocos kB, con el mismo dibujo.
* **Nada bloquea el primer pintado.** Los scripts de ``<head>`` pasan a
  ``defer`` (ver :func:`defer_head_scripts`): el texto y la matemática se ven
  antes de que carguen la búsqueda, los botones de copiar y los desplegables.
* **Sin los scripts de la búsqueda fuera de su página.** El tema carga en
  cada página ``searchtools.js``, ``language_data.js`` y ``searchindex.js``
  (el índice entero) para la búsqueda mientras se escribe, que este libro no
  usa (``search_as_you_type`` es falso: el buscador lleva a ``search.html``,
  que los carga por su cuenta). Se quitan de las demás páginas
  (:func:`drop_search_scripts`).
* **Sin relayouts en cadena al cargar.** El tema recorre, al cargar la página,
  cada ``<pre>`` y cada salida de celda leyendo su ``scrollWidth`` y escribiendo
  su ``tabindex`` (para que los recuadros que se desplazan se alcancen con el
  teclado): cada escritura invalida el estilo y la lectura siguiente obliga a
  recalcular el diseño de toda la página (1,5 s de Total Blocking Time en un
  teléfono simulado, en un capítulo con 6000 nodos). :func:`patch_theme_script`
  reemplaza esa función del tema por una que marca todos los recuadros con
  ``tabindex="0"`` sin medir y mide, por tandas, sólo los que se acercan a la
  pantalla (``IntersectionObserver``), igual que hacía el tema: ``0`` si se
  desplaza, ``-1`` si no. Con eso ``content-visibility: auto`` (en
  ``custom.css``) puede saltearse el diseño de las secciones fuera de pantalla.
* **Imágenes con tamaño.** Cada ``<img>`` sin ``width``/``height`` los recibe
  del archivo (la página no salta mientras cargan las imágenes).
* **Accesibilidad.** El nombre accesible de los desplegables de código de
  myst-nb deja de ser «Toggle hidden content» (en inglés y distinto de lo que
  se ve): pasa a ser su texto visible («Mostrar el código»). Las celdas vacías
  del encabezado de una tabla de pandas (la esquina del índice) pasan a ser
  ``<td>``: un ``<th>`` vacío no anuncia nada. La lista de la bibliografía
  (``role="list"``) tiene elementos ``role="listitem"``.

Y en cada página, al armarla, una ``<meta name="description">`` con el
comienzo de su primer párrafo (lo que muestran los buscadores).
"""

from __future__ import annotations

import html
import logging as std_logging
import re
from pathlib import Path
from urllib.parse import unquote

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

FONT_DIR = Path("_static") / "vendor" / "fontawesome"
_FA_SCRIPT_RE = re.compile(r'\s*<script[^>]*src="[^"]*/fontawesome\.js[^"]*"[^>]*></script>')
_IMG_RE = re.compile(r"<img\b[^>]*>")
_ATTR_RE = re.compile(r'\s([\w:-]+)="([^"]*)"')
_EMPTY_TH_RE = re.compile(r"<th(\s[^>]*)?>\s*(?:&nbsp;|&#160;)?\s*</th>")
_SUMMARY_RE = re.compile(r'<summary aria-label="Toggle hidden content">')
_CITATION_RE = re.compile(r'(<div class="citation" id="[^"]*") role="doc-biblioentry"')
#: Textos fijos en inglés de las plantillas del tema (sin traducción posible) y nombres
#: accesibles que no coinciden con lo que se ve.
_REPLACEMENTS = (
    (
        '<nav class="bd-links bd-docs-nav" aria-label="Main">',
        '<nav class="bd-links bd-docs-nav" aria-label="Capítulos del libro">',
    ),
    ('<nav aria-label="Page">', '<nav aria-label="Contenido de la página">'),
    # La barra lateral (logo, búsqueda, capítulos) queda dentro de una región con nombre.
    (
        '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar">',
        '<div id="pst-primary-sidebar" class="bd-sidebar-primary bd-sidebar" role="navigation" '
        'aria-label="Navegación del libro">',
    ),
)
#: El botón de búsqueda con texto visible («Búsqueda Ctrl+K») se nombra por ese texto.
_SEARCH_FIELD_RE = re.compile(
    r'(<button class="btn search-button-field search-button__button[^"]*" title="[^"]*")'
    r' aria-label="[^"]*"'
)
_FA_CLASS_RE = re.compile(r'class="([^"]*\bfa-[^"]*)"')
_PUA_RE = re.compile(r"\\(f[0-9a-fA-F]{3})\b|([\ue000-\uf8ff])")
DESCRIPTION_CHARS = 155


# --------------------------------------------------------------------------- páginas


def _image_size(path: Path) -> tuple[int, int] | None:
    import imagesize

    try:
        width, height = imagesize.get(str(path))
    except (OSError, ValueError):
        return None
    if width > 0 and height > 0:
        return round(width), round(height)
    if path.suffix == ".svg":
        text = path.read_text(encoding="utf-8", errors="replace")[:2000]
        box = re.search(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)"', text)
        if box:
            return round(float(box.group(1))), round(float(box.group(2)))
    return None


def size_images(page: str, page_path: Path, outdir: Path) -> str:
    """Agrega ``width`` y ``height`` (del archivo) a cada ``<img>`` que no los tenga."""

    def fix(match: re.Match) -> str:
        tag = match.group(0)
        attrs = dict(_ATTR_RE.findall(tag))
        if "width" in attrs and "height" in attrs:
            return tag
        src = attrs.get("src", "")
        if not src or src.startswith(("data:", "http:", "https:", "//")):
            return tag
        target = (page_path.parent / unquote(src.split("?")[0].split("#")[0])).resolve()
        if not target.is_relative_to(outdir.resolve()) or not target.is_file():
            return tag
        size = _image_size(target)
        if size is None:
            return tag
        width, height = size
        if "width" in attrs:  # sólo el ancho: el alto en proporción
            height = round(height * float(attrs["width"]) / width)
            width = int(float(attrs["width"]))
            return tag[:-1].rstrip("/").rstrip() + f' height="{height}">'
        return tag[:-1].rstrip("/").rstrip() + f' width="{width}" height="{height}">'

    return _IMG_RE.sub(fix, page)


_HEAD_RE = re.compile(r"<head>.*?</head>", re.S)
SYNC_SCRIPTS = r"documentation_options\.js"
_SCRIPT_RE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)


def defer_head_scripts(page: str) -> str:
    """Los scripts de ``<head>`` no bloquean el primer pintado.

    Cada ``<script src>`` pasa a ``defer`` (se ejecutan en orden, después de leer
    la página), salvo ``documentation_options.js`` (medio kB), del que dependen
    los scripts en línea (``DOCUMENTATION_OPTIONS.pagename = …``). Los scripts en
    línea sólo definen variables que los diferidos leen al ejecutarse: quedan
    donde están, igual que el que fija el tema claro u oscuro antes de pintar.
    """

    def fix(match: re.Match) -> str:
        attrs, body = match.group("attrs"), match.group("body")
        if re.search(r"\b(defer|async|data-cfasync)\b|type=\"(?!text/javascript)", attrs):
            return match.group(0)
        if re.search(r"\bsrc=", attrs) and not re.search(SYNC_SCRIPTS, attrs):
            return f"<script defer{attrs}>{body}</script>"
        return match.group(0)

    return _HEAD_RE.sub(lambda m: _SCRIPT_RE.sub(fix, m.group(0)), page, count=1)


_SEARCH_SCRIPT_RE = re.compile(
    r'\s*<script(?:\s+defer)?\s+src="[^"]*/?(?:searchtools|language_data|searchindex)\.js'
    r'(?:\?[^"]*)?"\s*></script>'
)


def drop_search_scripts(page: str, page_path: Path, outdir: Path) -> str:
    """Quita los scripts de la búsqueda de toda página que no sea ``search.html``.

    El tema los carga en cada página para la búsqueda mientras se escribe
    (``search_as_you_type``), que este sitio no activa: el diálogo de búsqueda
    envía la consulta a ``search.html``, que carga los suyos.
    """
    if page_path.resolve() == (outdir / "search.html").resolve():
        return page
    return _SEARCH_SCRIPT_RE.sub("", page)


THEME_SCRIPT = Path("_static") / "scripts" / "pydata-sphinx-theme.js"
_SELECTORS = (
    '["pre",".nboutput > .output_area",".cell_output > .output",".jp-RenderedHTMLCommon",'
    '".pst-scrollable-table-container"].join(", ")'
)
#: La función del tema (pydata-sphinx-theme 0.17, ``addTabStopsToScrollableElements``):
#: lee y escribe alternadamente, un relayout de toda la página por recuadro.
THEME_TAB_STOPS = (
    "const e=()=>{document.querySelectorAll(" + _SELECTORS + ").forEach(e=>{e.tabIndex="
    "e.scrollWidth>e.clientWidth||e.scrollHeight>e.clientHeight?0:-1})}"
)
#: El reemplazo: ``tabindex="0"`` sin medir (nada queda fuera del teclado) y la medición,
#: por tandas (primero leer, después escribir), de los recuadros que se acercan a la
#: pantalla. Las ``const`` de fuera de la función (``e``, ``t``) se conservan.
LAZY_TAB_STOPS = (
    "const r=" + _SELECTORS + ",o=new IntersectionObserver(n=>{const l=n.filter(e=>"
    "e.isIntersecting).map(e=>e.target),v=l.map(e=>e.scrollWidth>e.clientWidth||"
    'e.scrollHeight>e.clientHeight?"0":"-1");l.forEach((e,t)=>{o.unobserve(e),'
    'e.getAttribute("tabindex")!==v[t]&&e.setAttribute("tabindex",v[t])})},'
    '{rootMargin:"100% 0px"}),e=()=>{document.querySelectorAll(r).forEach(e=>{'
    'e.hasAttribute("tabindex")||e.setAttribute("tabindex","0"),o.unobserve(e),'
    "o.observe(e)})}"
)


def patch_theme_script(outdir: Path) -> bool:
    """Cambia en el script del tema la medición de los recuadros desplazables.

    Devuelve ``True`` si lo cambió y ``False`` si ya estaba cambiado. Si el
    script no tiene la función esperada (otra versión del tema), lo dice con
    una advertencia: la construcción estricta falla y hay que revisar el
    reemplazo.
    """
    path = outdir / THEME_SCRIPT
    if not path.is_file():
        return False
    text = path.read_text(encoding="utf-8")
    if LAZY_TAB_STOPS in text:
        return False
    if text.count(THEME_TAB_STOPS) != 1:
        logger.warning(
            f"light_pages: {THEME_SCRIPT.as_posix()} no tiene la función de tabindex de "
            "pydata-sphinx-theme 0.17 que se esperaba reemplazar (¿cambió la versión del "
            "tema?); revise THEME_TAB_STOPS en _ext/light_pages.py.",
            type="jerarquicos",
            subtype="theme",
        )
        return False
    path.write_text(text.replace(THEME_TAB_STOPS, LAZY_TAB_STOPS), encoding="utf-8")
    return True


def fix_page(page: str, page_path: Path, outdir: Path) -> str:
    """Todas las correcciones de una página (idempotente)."""
    page = _FA_SCRIPT_RE.sub("", page)
    page = drop_search_scripts(page, page_path, outdir)
    page = defer_head_scripts(page)
    page = size_images(page, page_path, outdir)
    page = _SUMMARY_RE.sub("<summary>", page)
    page = _EMPTY_TH_RE.sub(lambda m: f"<td{m.group(1) or ''}></td>", page)
    page = _CITATION_RE.sub(r'\1 role="listitem"', page)
    page = _SEARCH_FIELD_RE.sub(r"\1", page)
    for old, new in _REPLACEMENTS:
        page = page.replace(old, new)
    return page


# --------------------------------------------------------------------------- fuentes


def _codepoints(text: str) -> set[int]:
    found = set()
    for escaped, literal in _PUA_RE.findall(text):
        found.add(int(escaped, 16) if escaped else ord(literal))
    return found


def used_codepoints(pages: list[str], css_files: list[str]) -> set[int]:
    """Los glifos de Font Awesome que puede pedir el sitio.

    Los de las clases ``fa-<nombre>`` presentes en las páginas (según la regla
    ``.fa-<nombre>:before{content:…}`` de las hojas de estilo) y todos los que
    aparecen en las demás reglas de las hojas de estilo (íconos de notas,
    enlaces externos, variables ``--pst-icon-*``).
    """
    used_classes = set()
    for page in pages:
        for classes in _FA_CLASS_RE.findall(page):
            used_classes |= {c for c in classes.split() if c.startswith("fa-")}
    points: set[int] = set()
    for css in css_files:
        for selector, body in re.findall(r"([^{}]*)\{([^{}]*)\}", css):
            glyphs = _codepoints(body)
            if not glyphs:
                continue
            names = re.findall(r"\.(fa-[\w-]+):+before", selector)
            only_fa = names and all(
                re.fullmatch(r"\s*\.fa-[\w-]+:+before\s*", part) for part in selector.split(",")
            )
            if not only_fa or used_classes.intersection(names):
                points |= glyphs
    return points


def subset_icon_fonts(outdir: Path, points: set[int]) -> list[tuple[str, int, int]]:
    """Recorta las fuentes ``.woff2`` de Font Awesome a ``points``.

    Devuelve ``(archivo, bytes antes, bytes después)`` de cada fuente recortada.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    # fontTools informa cada tabla recortada con logging INFO: en el registro de la
    # construcción taparía las advertencias que importan.
    std_logging.getLogger("fontTools").setLevel(std_logging.WARNING)
    done = []
    for path in sorted((outdir / FONT_DIR).rglob("*.woff2")):
        before = path.stat().st_size
        font = TTFont(str(path))
        cmap = font.getBestCmap() or {}
        keep = sorted(p for p in points if p in cmap)
        if len(cmap) <= max(len(keep), 1):  # ya recortada
            continue
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=keep or [0x20])
        subsetter.subset(font)
        font.flavor = "woff2"
        font.save(str(path))
        done.append((path.relative_to(outdir).as_posix(), before, path.stat().st_size))
    return done


# --------------------------------------------------------------------------- Sphinx


def _html_pages(outdir: Path) -> list[Path]:
    return sorted(
        p
        for p in outdir.rglob("*.html")
        if not ({"_static", "_sources", "_images"} & set(p.relative_to(outdir).parts[:-1]))
    )


def _finish(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    pages = []
    for path in _html_pages(outdir):
        old = path.read_text(encoding="utf-8")
        new = fix_page(old, path, outdir)
        if new != old:
            path.write_text(new, encoding="utf-8")
        pages.append(new)
    css = [p.read_text(encoding="utf-8") for p in (outdir / "_static").rglob("*.css")]
    for name, before, after in subset_icon_fonts(outdir, used_codepoints(pages, css)):
        logger.info(f"light_pages: {name} recortada de {before // 1000} kB a {after // 1000} kB")
    patch_theme_script(outdir)
    for leftover in (outdir / "_static" / "scripts").glob("fontawesome.js*"):
        leftover.unlink()


def page_description(doctree) -> str:
    """El comienzo del primer párrafo de texto del documento, en una línea."""
    if doctree is None:
        return ""
    for paragraph in doctree.findall(nodes.paragraph):
        parent = paragraph.parent
        if isinstance(parent, nodes.Admonition | nodes.footnote | nodes.citation):
            continue
        text = re.sub(r"\s+", " ", paragraph.astext()).strip()
        if len(text) < 40:
            continue
        if len(text) > DESCRIPTION_CHARS:
            text = text[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        return text
    return ""


def _describe(app, pagename, templatename, context, doctree):
    description = page_description(doctree)
    if not description:
        title = html.unescape(re.sub(r"<[^>]+>", "", context.get("title") or "")).strip()
        # Jupyter Book pone el título del libro en html_title (project queda sin definir).
        book = app.config.html_title or app.config.project
        description = (
            f"{title}: {book}, un curso en castellano."
            if title
            else (f"{book}, un curso en castellano.")
        )
    tag = f'<meta name="description" content="{html.escape(description, quote=True)}" />\n'
    context["metatags"] = context.get("metatags", "") + tag


def setup(app):
    app.connect("html-page-context", _describe)
    # Después de static_math (que reemplaza las fórmulas) no importa el orden: las
    # correcciones no tocan la matemática.
    app.connect("build-finished", _finish, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
