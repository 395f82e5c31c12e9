#!/usr/bin/env python3
"""Controla el sitio construido (``_build/html``) como lo recibe un lector.

Uso::

    python scripts/check_site.py [CARPETA] [--max-kb 1000] [--top 5] [--sin-navegador]
        [--capturas DIR] [--visitas ARCHIVO]

Sólo lo que ninguna otra herramienta comprueba. Los enlaces y las anclas
internas los verifica la construcción (``jupyter-book build -W -n``: Sphinx y
myst avisan de cada referencia rota y la advertencia detiene la construcción);
los externos, el constructor ``linkcheck`` de Sphinx
(``jupyter-book build . --builder linkcheck``), que necesita red y por eso no
corre en CI.

Sin navegador, en segundos:

1. **Texto alternativo.** Cada ``<img>`` tiene un ``alt`` no vacío que no sea
   genérico («png», «imagen», «figura 1», «output») ni el nombre del archivo
   (docutils pone la ruta de la imagen como ``alt`` cuando falta). Un
   ``<svg role="img">`` necesita ``aria-label``, ``aria-labelledby`` o un
   ``<title>``. Cada página declara ``<html lang="es">``.
2. **Nada de la máquina de construcción.** Ninguna página publica un aviso de
   Python (``NumbaPerformanceWarning``, ``UserWarning``…), un *traceback* (salvo
   en las celdas con la etiqueta ``raises-exception``, que muestran un error a
   propósito) ni una ruta de la máquina que construyó el sitio (la carpeta del
   repositorio, el entorno virtual, ``/tmp``, ``/root``, ``/home``…).

Con Chromium (playwright), el sitio servido en 127.0.0.1 **comprimido como lo
sirve GitHub Pages** (gzip para HTML, CSS, JavaScript, SVG y JSON):

3. **Peso.** Lo que el navegador transfiere para mostrar cada página entera
   (HTML, CSS, JavaScript, fuentes, imágenes, también las diferidas con
   ``loading="lazy"``, que se cargan recorriendo la página), en un perfil
   nuevo sin caché, a 390 px (teléfono) y a 1366 px (computadora): a lo sumo
   ``--max-kb`` (1000 kB = 1 MB) en cada ancho.
4. **Letra de las figuras.** Para cada figura que el navegador eligió
   (``currentSrc`` del ``<picture>``), la letra más chica en px CSS es
   ``ancho mostrado / ancho natural × jerarquicos:min_text_px`` (la medida
   que ``jerarquicos.plots.layout`` guarda en la descripción del PNG o del
   SVG); debe ser de al menos 10 px a 390 px y a 1366 px. Una figura sin esa
   medida (no pasó por ``layout.show``) es un problema. Toda imagen del
   artículo está dentro de un enlace que la abre ampliada.
5. **Lo que ve el lector**, en la misma visita: nada ensancha la página ni corta
   la columna de texto, cada fórmula vino dibujada (SVG, sin TeX crudo), axe-core
   no encuentra ninguna violación de accesibilidad (corre al final, con la página
   ya recorrida: también ve lo que aparece al desplazarse, como «volver arriba»),
   ningún recurso local falta y la consola no informa errores. Con
   ``--capturas DIR``, una captura de cada página entera; con ``--visitas
   ARCHIVO``, todo lo visto en JSON (lo leen las pruebas del navegador).

Los dos anchos se recorren a la vez, cada uno en su Chromium.

Termina con código 0 si no hay problemas, 1 si los hay (cada uno en una línea
que nombra la página) y 2 si la carpeta no existe o falta el navegador.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import mimetypes
import os
import posixpath
import re
import struct
import sys
import threading
import time
import unicodedata
import zlib
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SITE = REPO_ROOT / "_build" / "html"
DEFAULT_MAX_KB = 1000  # 1 MB por página, todo lo transferido
DEFAULT_LANG = "es"
#: Letra más chica admitida en una figura, en px CSS (como jerarquicos.plots.layout).
MIN_FIGURE_TEXT_PX = 10.0
#: Clave de la medida en la descripción del PNG o del SVG.
MIN_TEXT_KEY = "jerarquicos:min_text_px"
#: Anchos de ventana: teléfono y computadora.
WIDTHS = {"telefono": 390, "computadora": 1366}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # /dev/shm de un contenedor suele tener 64 MB: una pestaña grande se cuelga o se cae.
    "--disable-dev-shm-usage",
]
#: Límite de cada espera en el navegador (cargar, quedar sin red, una imagen), en ms.
PAGE_TIMEOUT_MS = 60_000
IMAGE_TIMEOUT_MS = 15_000
#: Intentos por página y ancho antes de informar que no se pudo medir.
MEASURE_ATTEMPTS = 2

# Carpetas del sitio que no son páginas de lectura (plantillas del tema, fuentes, imágenes).
NON_PAGE_DIRS = {"_static", "_sources", "_images", "_downloads", ".doctrees"}

# «alt» que no dicen nada de la figura (se comparan sin tildes ni mayúsculas).
GENERIC_ALT_WORDS = {
    "png",
    "jpg",
    "jpeg",
    "svg",
    "gif",
    "webp",
    "pdf",
    "img",
    "image",
    "imagen",
    "picture",
    "foto",
    "photo",
    "figure",
    "figura",
    "fig",
    "grafico",
    "graph",
    "plot",
    "chart",
    "output",
    "salida",
    "resultado",
    "result",
    "alt",
    "alt text",
    "texto alternativo",
    "untitled",
    "sin titulo",
    "none",
    "null",
    "undefined",
    "todo",
    "placeholder",
    "matplotlib",
    "matplotlib figure",
    "figure size",
    "axes",
}
GENERIC_ALT_RE = re.compile(
    r"^(?:(?:la |una |the |a )?(?:figura|figure|fig|imagen|image|img|grafico|graph|plot|output|"
    r"salida|cell output|output cell|celda)\b[\s.:#_-]*\d*(?:[.:_-]\d+)*)$"
)
# docutils usa la ruta como alt por omisión; matplotlib devuelve «<Figure size 640x480 ...>».
FILENAME_ALT_RE = re.compile(r"^\S+\.(?:png|jpe?g|svg|gif|webp|pdf)$", re.IGNORECASE)
REPR_ALT_RE = re.compile(r"^<?(?:Figure|matplotlib)\b.*(?:Axes|size)", re.IGNORECASE)
MIN_ALT_CHARS = 4

# --------------------------------------------------------------------------- filtraciones

#: Un aviso de Python tal como lo imprime ``warnings`` («…/numba/core/x.py:12: NumbaWarning: …»).
#: Textos que Sphinx pone cuando falta una opción (p. ej. ``project``).
SPHINX_PLACEHOLDERS = ("Project name not set",)
WARNING_RE = re.compile(r"\b[A-Z][A-Za-z]*Warning\b")
TRACEBACK_RE = re.compile(
    r"Traceback \(most recent call last\)|^\s*File \"[^\"]+\", line \d+", re.M
)
#: Rutas de una máquina (no de un sitio web): la construcción no debe publicarlas.
MACHINE_PATH_RE = re.compile(
    r"(?<![\w.:/-])(?:/(?:work|tmp|root|home|Users|opt|var/folders|private/var|usr/lib|usr/local)"
    r"/[\w.@+-]+|[A-Za-z]:\\(?:Users|Windows)\\|site-packages|dist-packages|\.venv/)"
)
#: Clases de las salidas de celdas (myst-nb) en las que se buscan avisos y tracebacks.
OUTPUT_CLASSES = {"cell_output", "output"}
ERROR_OUTPUT_CLASSES = {"traceback", "stderr"}


@dataclass
class Page:
    """Lo que importa de una página HTML para los controles sin navegador."""

    path: Path
    rel: str
    size: int
    lang: str | None = None
    # (src, alt, línea) de cada <img>
    images: list[tuple[str | None, str | None, int]] = field(default_factory=list)
    # (texto, línea, dentro de una salida de celda, celda con raises-exception, clases)
    texts: list[tuple[str, int, bool, bool]] = field(default_factory=list)
    # (valor de un atributo, línea)
    attrs: list[tuple[str, int]] = field(default_factory=list)
    # líneas de salidas de error (traceback) fuera de celdas raises-exception
    error_outputs: list[int] = field(default_factory=list)


VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _PageParser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        # <svg role="img"> sin aria-label: esperando un <title> con texto.
        self._svg: dict | None = None
        self._in_title = False
        # Pila de (etiqueta, en salida de celda, en celda raises-exception).
        self._stack: list[tuple[str, bool, bool]] = []
        self._skip = 0  # dentro de <script>/<style>

    def _context(self) -> tuple[bool, bool]:
        return (self._stack[-1][1], self._stack[-1][2]) if self._stack else (False, False)

    def handle_starttag(self, tag, attrs):
        attrs_d: dict[str, str | None] = {}
        for key, value in attrs:
            attrs_d.setdefault(key, value)
        line = self.getpos()[0]
        classes = set((attrs_d.get("class") or "").split())
        in_output, raises = self._context()
        if tag == "div" and "cell" in classes:
            raises = "tag_raises-exception" in classes
        if classes & OUTPUT_CLASSES:
            in_output = True
            if classes & {"traceback"} and not raises:
                self.page.error_outputs.append(line)
        if tag not in VOID_TAGS:
            self._stack.append((tag, in_output, raises))
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "html" and self.page.lang is None:
            self.page.lang = attrs_d.get("lang") or ""
        for key, value in attrs_d.items():
            if value and key in ("href", "src", "srcset", "data", "title", "alt", "aria-label"):
                self.page.attrs.append((value, line))
        if tag == "img":
            self.page.images.append((attrs_d.get("src"), attrs_d.get("alt"), line))
        hidden = (attrs_d.get("aria-hidden") or "").lower() == "true"
        if tag == "svg" and (attrs_d.get("role") or "").lower() == "img" and not hidden:
            label = attrs_d.get("aria-label")
            if attrs_d.get("aria-labelledby"):
                label = label or "(aria-labelledby)"
            self._svg = {"label": label, "line": line, "title": ""}
        if tag == "title" and self._svg is not None:
            self._in_title = True

    def handle_data(self, data):
        if self._in_title and self._svg is not None:
            self._svg["title"] += data
        if self._skip or not data.strip():
            return
        in_output, raises = self._context()
        self.page.texts.append((data, self.getpos()[0], in_output, raises))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag == "svg" and self._svg is not None:
            svg, self._svg = self._svg, None
            label = svg["label"] if svg["label"] is not None else (svg["title"].strip() or None)
            self.page.images.append(("<svg role=img>", label, svg["line"]))
        # Cierra hasta la etiqueta correspondiente (HTML mal anidado no rompe la pila).
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS:
            self.handle_endtag(tag)


def parse_page(path: Path, root: Path) -> Page:
    """Lee una página del sitio."""
    data = path.read_bytes()
    page = Page(path=path, rel=path.relative_to(root).as_posix(), size=len(data))
    parser = _PageParser(page)
    parser.feed(data.decode("utf-8", errors="replace"))
    parser.close()
    return page


def iter_pages(root: Path) -> list[Path]:
    """Las páginas HTML del sitio (sin las plantillas de ``_static`` ni las fuentes)."""
    pages = []
    for path in sorted(root.rglob("*.html")):
        parts = path.relative_to(root).parts
        if any(part in NON_PAGE_DIRS for part in parts[:-1]):
            continue
        pages.append(path)
    return pages


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip().lower()


def alt_problem(alt: str | None, src: str | None) -> str | None:
    """Por qué un ``alt`` no sirve (o ``None`` si sirve)."""
    if alt is None:
        return "imagen sin atributo alt"
    norm = _normalise(alt)
    if not norm:
        return "imagen con alt vacío"
    bare = norm.strip(" .:;,-_#!?¡¿\"'()[]")
    src_norm = _normalise(unquote(src or ""))
    if (
        bare in GENERIC_ALT_WORDS
        or GENERIC_ALT_RE.match(bare)
        or FILENAME_ALT_RE.match(bare)
        or REPR_ALT_RE.match(bare)
        or (src_norm and (norm == src_norm or norm == posixpath.basename(src_norm)))
    ):
        return f"imagen con alt genérico ({alt!r}): diga qué muestra la figura"
    if len(bare.replace(" ", "")) < MIN_ALT_CHARS:
        return f"imagen con alt demasiado corto ({alt!r}): diga qué muestra la figura"
    return None


def _snippet(text: str, match: re.Match, width: int = 50) -> str:
    start = max(match.start() - width, 0)
    return re.sub(r"\s+", " ", text[start : match.end() + width]).strip()


def leak_problems(page: Page, private_paths: tuple[str, ...] = ()) -> list[str]:
    """Avisos, tracebacks y rutas de la máquina de construcción publicados en ``page``."""
    problems = []
    where = page.rel
    for line in page.error_outputs:
        problems.append(
            f"{where}:{line}: la página publica un traceback (salida de error de una celda); "
            "si el error es a propósito, etiquete la celda con raises-exception"
        )
    for text, line, in_output, raises in page.texts:
        if in_output and not raises:
            found = WARNING_RE.search(text)
            if found:
                problems.append(
                    f"{where}:{line}: la página publica un aviso de Python ({found.group(0)}): "
                    f"«{_snippet(text, found)}»; evite la causa o siléncielo en la celda"
                )
            found = TRACEBACK_RE.search(text) if not page.error_outputs else None
            if found:
                problems.append(
                    f"{where}:{line}: la página publica un traceback: «{_snippet(text, found)}»"
                )
    for text, line in [(t, ln) for t, ln, *_ in page.texts] + page.attrs:
        found = MACHINE_PATH_RE.search(text)
        private = next((p for p in private_paths if p and p in text), None)
        if found or private:
            shown = _snippet(text, found) if found else private
            problems.append(
                f"{where}:{line}: la página publica una ruta de la máquina de construcción: "
                f"«{shown}»"
            )
    return problems


@dataclass
class Report:
    """Resultado de los controles."""

    problems: list[str] = field(default_factory=list)
    # (bytes transferidos, página, ancho, pedidos)
    weights: list[tuple[int, str, int, int]] = field(default_factory=list)
    # (letra mínima en px CSS, página, ancho, figura)
    fonts: list[tuple[float, str, int, str]] = field(default_factory=list)
    n_pages: int = 0
    n_images: int = 0
    n_figures: int = 0
    #: Lo que se vio de cada página a cada ancho (ver :func:`check_browser`).
    visits: list[dict] = field(default_factory=list)

    def extend(self, other: Report) -> None:
        """Suma a este informe el de otra tanda de páginas."""
        self.problems += other.problems
        self.weights += other.weights
        self.fonts += other.fonts
        self.n_figures += other.n_figures
        self.visits += other.visits


_SEARCH_SCRIPTS_RE = re.compile(r'<script[^>]*\ssrc="[^"]*(?:searchtools|searchindex)\.js')
#: La medición de los recuadros desplazables de pydata-sphinx-theme 0.17 tal como viene:
#: un relayout de toda la página por recuadro (ver _ext/light_pages.py).
THEME_TAB_STOPS = ".forEach(e=>{e.tabIndex=e.scrollWidth>e.clientWidth"


def script_problems(root: Path, pages: list[Page]) -> list[str]:
    """Scripts que traban el teléfono al cargar y que ``_ext/light_pages.py`` quita o cambia.

    Sólo ``search.html`` carga la búsqueda (``searchtools.js``, ``searchindex.js``:
    el índice entero del sitio), y el script del tema no mide los recuadros
    desplazables uno por uno al cargar.
    """
    problems = []
    for page in pages:
        if page.rel == "search.html":
            continue
        if _SEARCH_SCRIPTS_RE.search(page.path.read_text(encoding="utf-8", errors="replace")):
            problems.append(
                f"{page.rel}: carga los scripts de la búsqueda (searchtools.js/searchindex.js); "
                "sólo search.html los necesita"
            )
    theme = root / "_static" / "scripts" / "pydata-sphinx-theme.js"
    if theme.is_file() and THEME_TAB_STOPS in theme.read_text(encoding="utf-8"):
        problems.append(
            "_static/scripts/pydata-sphinx-theme.js: mide cada recuadro desplazable al cargar "
            "(un relayout por recuadro); ¿corrió _ext/light_pages.py?"
        )
    return problems


def check_static(root: Path, *, lang: str | None = DEFAULT_LANG, report: Report | None = None):
    """Texto alternativo, idioma y filtraciones, sin navegador."""
    root = root.resolve()
    report = report or Report()
    private = tuple(
        p for p in {str(REPO_ROOT), str(root), sys.prefix, str(Path.home())} if len(p) > 1
    )
    pages = [parse_page(p, root) for p in iter_pages(root)]
    report.n_pages = len(pages)
    for page in pages:
        where = page.rel
        if lang is not None and not (page.lang or "").lower().startswith(lang.lower()):
            report.problems.append(
                f'{where}: <html lang={page.lang!r}>; debe declarar lang="{lang}" '
                "para que los lectores de pantalla lean en castellano"
            )
        for src, alt, line in page.images:
            report.n_images += 1
            problem = alt_problem(alt, src)
            if problem:
                report.problems.append(f"{where}:{line}: {problem} (src={src!r})")
        report.problems += leak_problems(page, private)
        raw = (root / page.rel).read_text(encoding="utf-8", errors="replace")
        for placeholder in SPHINX_PLACEHOLDERS:
            if placeholder in raw:
                report.problems.append(
                    f"{where}: publica un texto de Sphinx por omisión («{placeholder}»): "
                    "falta definirlo en _config.yml"
                )
    report.problems += script_problems(root, pages)
    return report


# --------------------------------------------------------------------------- servidor

#: Tipos que GitHub Pages sirve comprimidos (gzip).
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")
COMPRESSIBLE_EXT = {".js", ".mjs", ".css", ".html", ".htm", ".json", ".svg", ".txt", ".xml"}


class CompressingHandler(SimpleHTTPRequestHandler):
    """Archivos estáticos con gzip para los tipos de texto, como GitHub Pages."""

    _cache: dict[tuple[str, float], bytes] = {}
    _lock = threading.Lock()

    def log_message(self, *args, **kwargs):  # silencio
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
        accepts = "gzip" in (self.headers.get("Accept-Encoding") or "")
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if not (accepts and path.is_file() and path.suffix.lower() in COMPRESSIBLE_EXT):
            return super().send_head()
        key = (str(path), path.stat().st_mtime)
        with self._lock:
            body = self._cache.get(key)
            if body is None:
                body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
                self._cache[key] = body
        if ctype.startswith("text/") or ctype in ("application/javascript", "image/svg+xml"):
            ctype += "; charset=utf-8" if "charset" not in ctype else ""
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        import io

        return io.BytesIO(body)


mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("font/woff2", ".woff2")


class QuietServer(ThreadingHTTPServer):
    """Un navegador que corta una descarga (cerró la pestaña) no es un error del sitio."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(root: Path):
    """Sirve ``root`` en 127.0.0.1 (puerto libre), comprimido; devuelve la URL base."""
    handler = partial(CompressingHandler, directory=str(root))
    httpd = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)


# --------------------------------------------------------------------------- medidas de figuras


def _png_text(data: bytes) -> dict[str, str]:
    """Los bloques de texto (tEXt, zTXt, iTXt) de un PNG."""
    out: dict[str, str] = {}
    pos = 8
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        chunk = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"tEXt" and b"\0" in chunk:
            key, value = chunk.split(b"\0", 1)
            out[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"zTXt" and b"\0" in chunk:
            key, rest = chunk.split(b"\0", 1)
            out[key.decode("latin-1")] = zlib.decompress(rest[1:]).decode("latin-1")
        elif kind == b"iTXt" and b"\0" in chunk:
            key, rest = chunk.split(b"\0", 1)
            compressed, _method, rest = rest[0], rest[1], rest[2:]
            _lang, _, rest = rest.partition(b"\0")
            _tkey, _, text = rest.partition(b"\0")
            out[key.decode("latin-1")] = (zlib.decompress(text) if compressed else text).decode(
                "utf-8"
            )
        elif kind == b"IEND":
            break
    return out


_MIN_TEXT_RE = re.compile(re.escape(MIN_TEXT_KEY) + r"\s*=\s*([0-9.]+)")


def figure_min_text(path: Path) -> float | None:
    """La letra más chica (px CSS, tamaño natural) guardada en el archivo, o ``None``."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data.startswith(b"\x89PNG"):
        text = _png_text(data).get("Description", "")
    else:
        text = data[:20_000].decode("utf-8", errors="replace")
    found = _MIN_TEXT_RE.search(text)
    return float(found.group(1)) if found else None


# --------------------------------------------------------------------------- navegador

MEASURE_JS = """
() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  let bytes = nav ? nav.transferSize : 0;
  for (const r of res) bytes += r.transferSize;
  const figures = [];
  for (const img of document.querySelectorAll('.bd-article img')) {
    if (!img.currentSrc || img.closest('.sidebar, nav, header')) continue;
    const r = img.getBoundingClientRect();
    const picture = img.parentElement && img.parentElement.tagName === 'PICTURE'
      ? img.parentElement : null;
    let natural = null;
    if (picture) {
      for (const s of picture.querySelectorAll('source')) {
        const url = new URL(s.getAttribute('srcset').trim().split(/\\s+/)[0], document.baseURI);
        const w = s.getAttribute('width');
        if (url.href === img.currentSrc && w) natural = +w;
      }
    }
    if (natural === null && img.getAttribute('width') && img.currentSrc === img.src) {
      natural = +img.getAttribute('width');
    }
    const link = img.closest('a[href]');
    const fig = img.closest('figure[id]');
    figures.push({
      src: img.currentSrc, shown: r.width, natural: natural || img.naturalWidth,
      linked: !!link && link.getAttribute('href') !== '#',
      id: fig ? fig.id : (img.getAttribute('alt') || '').slice(0, 40),
    });
  }
  return {bytes, requests: res.length + 1, figures};
}
"""

SCROLL_JS = """
async (imageTimeout) => {
  // Recorre la página como un lector (las imágenes diferidas se piden al acercarse) y
  // después lleva a la vista cada imagen que todavía no cargó: con content-visibility una
  // sección que pasó rápido puede no haberse diseñado y su imagen no se pide nunca. Cada
  // espera tiene un límite: una imagen que no llega se informa, no cuelga la medición.
  // En qué paso va queda en window.__jerarquicosStage: si la medición no termina, el
  // informe dice dónde se quedó.
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const step = Math.max(window.innerHeight, 400);
  for (let y = 0; y < document.body.scrollHeight; y += step) {
    window.__jerarquicosStage = `recorriendo la página (${y} de ${document.body.scrollHeight} px)`;
    window.scrollTo(0, y);
    await sleep(30);
  }
  const missing = [];
  for (const img of document.images) {
    if (img.complete || !img.checkVisibility()) continue;
    window.__jerarquicosStage = `esperando la imagen ${img.currentSrc || img.src}`;
    img.scrollIntoView({block: 'center'});
    await Promise.race([
      new Promise((r) => {
        img.addEventListener('load', r, {once: true});
        img.addEventListener('error', r, {once: true});
      }),
      sleep(imageTimeout),
    ]);
    if (!img.complete) missing.push(img.currentSrc || img.src);
  }
  window.__jerarquicosStage = 'al final de la página';
  window.scrollTo(0, document.body.scrollHeight);
  await sleep(100);
  return missing;
}
"""


OVERFLOW_JS = """
() => {
  const vw = window.innerWidth;
  const article = document.querySelector('article.bd-article') || document.querySelector('main');
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const describe = (el) => {
    const cls = (typeof el.className === 'string' && el.className.trim())
      ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '';
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${cls}> «${text}»`;
  };
  // Todo el contenido principal: el artículo y también «Anterior / Siguiente».
  const content = document.querySelector('.bd-main') || article;
  const cut = [];
  if (content) {
    for (const el of content.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= vw + 1) continue;
      // Entero fuera de la pantalla: un panel lateral plegado (índice de la página en el
      // teléfono), no contenido cortado. Si ensanchara la página, scrollWidth lo delata.
      if (r.left >= vw - 1) continue;
      let a = el.parentElement, contained = false;
      while (a && a !== document.documentElement) {
        if (scrolls(a) && a.getBoundingClientRect().right <= vw + 1) { contained = true; break; }
        a = a.parentElement;
      }
      if (!contained && !cut.some((c) => c.el.contains(el))) cut.push({el, right: r.right});
    }
  }
  const ar = article ? article.getBoundingClientRect() : null;
  return {
    vw,
    scrollWidth: document.scrollingElement.scrollWidth,
    articleLeft: ar ? ar.left : null,
    articleRight: ar ? ar.right : null,
    lang: document.documentElement.lang,
    cut: cut.slice(0, 5).map((c) => `${describe(c.el)} llega a ${Math.round(c.right)} px`),
  };
}
"""

MATH_JS = r"""
() => {
  const maths = [...document.querySelectorAll('.bd-article .math')];
  const text = (m) => m.textContent || '';
  return {
    total: maths.length,
    unrendered: maths.filter((m) => !m.querySelector('mjx-container svg')).length,
    raw: maths.filter((m) => /\\\(|\\\[|\\begin\{/.test(text(m))).length,
    errors: [...document.querySelectorAll('mjx-merror, [data-mjx-error]')]
      .map((e) => e.textContent).slice(0, 3),
  };
}
"""

AXE_RUN_JS = """
async () => {
  // custom.css deja sin diseñar las secciones lejos de la vista (content-visibility: auto):
  // axe busca el fondo de cada texto por su posición en pantalla y, en una sección sin
  // diseñar, encontraba el de otro elemento (contraste falso). Los colores no cambian:
  // se diseña todo antes de medir.
  const all = document.createElement('style');
  all.textContent = '* { content-visibility: visible !important; }';
  document.head.append(all);
  await Promise.race([
    new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    new Promise((done) => setTimeout(done, 1000)),
  ]);
  // preload: false — axe no vuelve a pedir las hojas con @import (las resolvía mal: /basic.css).
  const result = await axe.run(document, {resultTypes: ['violations'], preload: false});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, n: v.nodes.length,
    where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}
"""

#: Lo que corre cada página al cargar: recorrerla, y después medir lo que se ve.
VISIT_JS = """
async (arg) => {
  const missing = await (SCROLL_JS)(arg.imageTimeout);
  window.__jerarquicosStage = 'midiendo el ancho y la matemática';
  const out = {missing, overflow: (OVERFLOW_JS)(), math: null, axe: null};
  if (document.querySelector('.bd-article .math')) out.math = (MATH_JS)();
  if (arg.axe) {
    window.__jerarquicosStage = 'corriendo axe-core';
    out.axe = window.axe ? await (AXE_RUN_JS)() : [{id: 'axe-no-cargo', impact: 'critical',
      n: 0, where: ['axe-core no se cargó en la página']}];
  }
  window.__jerarquicosStage = 'terminado';
  return out;
}
"""
for _name, _js in (
    ("SCROLL_JS", SCROLL_JS),
    ("OVERFLOW_JS", OVERFLOW_JS),
    ("MATH_JS", MATH_JS),
    ("AXE_RUN_JS", AXE_RUN_JS),
):
    VISIT_JS = VISIT_JS.replace(f"({_name})", f"({_js.strip()})")


def axe_source() -> str | None:
    """El código de axe-core: ``JERARQUICOS_AXE_JS`` o el de ``axe-playwright-python``."""
    given = os.environ.get("JERARQUICOS_AXE_JS")
    if given:
        return Path(given).read_text(encoding="utf-8")
    try:
        import axe_playwright_python
    except ImportError:
        return None
    path = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def launch_browser(playwright):
    """Chromium de Debian (``/usr/bin/chromium``) o, si no está, el de playwright."""
    executable = CHROMIUM if Path(CHROMIUM).exists() else None
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


class MeasureError(RuntimeError):
    """El guion de medición falló dentro de la página."""


def after_load_script(script: str, arg=None) -> str:
    """Un guion de inicio que hace correr ``script(arg)`` a la página al terminar de cargar.

    ``page.evaluate`` de playwright espera sin límite: una promesa que no se cumple o una
    pestaña trabada colgarían la medición. Por eso el guion no se lanza desde Python: lo
    lanza la misma página (un guion de inicio, que corre antes que los suyos) y deja el
    resultado en ``window``, donde :func:`result_after_load` lo espera con límite.
    """
    return (
        "window.__jerarquicos = {done: false};"
        "window.addEventListener('load', () => {"
        f"  Promise.resolve(({script.strip()})({json.dumps(arg)})).then("
        "    (value) => { window.__jerarquicos = {done: true, value}; },"
        "    (error) => { window.__jerarquicos = {done: true, error: String(error)}; });"
        "});"
    )


def open_tab(browser, base: str, width: int, *, init_scripts=(), **options):
    """Una pestaña nueva (perfil nuevo, sin caché) de ``width`` px, sin red: sólo ``base``.

    Devuelve ``(contexto, pestaña, fallas)``; ``fallas`` junta las respuestas 4xx/5xx del
    sitio, los errores de JavaScript y los de la consola. ``init_scripts`` corren en la
    pestaña antes que los de la página; ``options`` van a ``browser.new_context``.
    """
    context = browser.new_context(
        viewport={"width": width, "height": 844 if width < 800 else 900},
        device_scale_factor=1,
        locale="es-AR",
        **options,
    )
    # Sin red: se corta todo lo que no es el sitio local (lo local no se intercepta).
    context.route(lambda url: not url.startswith((base, "data:")), lambda route: route.abort())
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    context.set_default_navigation_timeout(PAGE_TIMEOUT_MS)
    for script in init_scripts:
        context.add_init_script(script)
    page = context.new_page()
    failed: list[str] = []
    page.on(
        "response",
        lambda r: (
            failed.append(f"{r.status} {r.url.removeprefix(base)}")
            if r.url.startswith(base) and r.status >= 400
            else None
        ),
    )
    page.on("pageerror", lambda exc: failed.append(f"error de JavaScript: {exc}"))
    page.on(
        "console",
        lambda msg: failed.append(f"consola: {msg.text}") if msg.type == "error" else None,
    )
    return context, page, failed


def result_after_load(page, timeout_ms: int):
    """El valor del guion de :func:`after_load_script`; ``TimeoutError`` si no llega a tiempo.

    ``wait_for_function`` cuenta el tiempo del lado de playwright, así que el límite vale
    también si la pestaña dejó de responder.
    """
    handle = page.wait_for_function(
        "() => window.__jerarquicos && window.__jerarquicos.done && window.__jerarquicos",
        timeout=timeout_ms,
    )
    outcome = handle.json_value()
    if "error" in outcome:
        raise MeasureError(f"el guion de medición falló en la página: {outcome['error']}")
    return outcome.get("value")


def stage_of(page) -> str:
    """En qué paso quedó el guion de medición (``window.__jerarquicosStage``), con límite."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        handle = page.wait_for_function(
            "() => window.__jerarquicosStage || 'antes de empezar a recorrerla'", timeout=2000
        )
        return str(handle.json_value())
    except PlaywrightError:
        return "la pestaña no responde"


def _local_file(url: str, base: str, root: Path) -> Path | None:
    if not url.startswith(base):
        return None
    rel = unquote(urlsplit(url).path).lstrip("/")
    return root / rel


def check_browser(
    root: Path,
    *,
    max_bytes: int = DEFAULT_MAX_KB * 1000,
    pages: list[str] | None = None,
    report: Report | None = None,
    progress: bool = False,
    axe: str | None = None,
    shots: Path | None = None,
) -> Report:
    """Cada página en Chromium, a cada ancho de :data:`WIDTHS`, una sola vez.

    En cada visita (un perfil nuevo, sin caché) se mide el peso transferido y la letra de
    las figuras, y se junta lo que ve un lector: si algo ensancha la página
    (:func:`overflow_problems`), si la matemática vino dibujada (:func:`math_problems`),
    las violaciones de axe-core si se da su código en ``axe`` (:func:`axe_problems`), los
    recursos que faltan y los errores de la consola (:func:`failed_problems`); con
    ``shots``, una captura de la página entera. Todo eso queda en ``report.visits`` y sus
    problemas, en ``report.problems``.

    Los anchos van a la vez, cada uno en su hilo y su Chromium (casi todo el tiempo es
    del navegador, que así usa dos núcleos). Con ``progress`` imprime cuánto tardó cada
    página. Una página que no se puede medir (pasa el límite de tiempo, la pestaña se
    cae) es un problema del informe, no una espera sin fin.
    """
    root = root.resolve()
    report = report or Report()
    rels = pages or [p.relative_to(root).as_posix() for p in iter_pages(root)]
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    with serve(root) as base, ThreadPoolExecutor(max_workers=len(WIDTHS)) as pool:
        options = {"max_bytes": max_bytes, "progress": progress, "axe": axe, "shots": shots}
        futures = [
            pool.submit(_check_width, base, root, rels, width, **options)
            for width in WIDTHS.values()
        ]
        for future in futures:
            report.extend(future.result())
    for check in (overflow_problems, math_problems, axe_problems, failed_problems):
        report.problems += check(report.visits)
    report.weights.sort(reverse=True)
    report.fonts.sort()
    return report


def _check_width(base, root, rels, width, *, max_bytes, progress, axe, shots) -> Report:
    """Las páginas ``rels`` a un ancho, en un Chromium propio (playwright pide uno por hilo)."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    report = Report()
    with sync_playwright() as pw:
        browser = launch_browser(pw)
        try:
            for rel in rels:
                start = time.monotonic()
                failures = []
                # Un segundo intento en una pestaña nueva: en una máquina cargada (CI con
                # 2 núcleos y otro Chromium a la vez) una pestaña puede quedar trabada una
                # vez; una página que falla dos veces es un problema del informe.
                for _attempt in range(MEASURE_ATTEMPTS):
                    try:
                        _measure_page(
                            browser, base, root, rel, width, max_bytes, report, axe, shots
                        )
                        break
                    except (PlaywrightError, MeasureError) as exc:
                        failures.append(str(exc).splitlines()[0])
                        if progress:
                            print(
                                f"  {rel} a {width} px: intento {len(failures)} "
                                f"fallido: {failures[-1]}",
                                flush=True,
                            )
                else:
                    report.problems.append(
                        f"{rel} a {width} px: no se pudo medir en el navegador "
                        f"({len(failures)} intentos): " + "; ".join(failures)
                    )
                if progress:
                    print(f"  {rel} a {width} px: {time.monotonic() - start:.1f} s", flush=True)
        finally:
            browser.close()
    return report


def _stem(rel: str) -> str:
    return rel.removesuffix(".html").replace("/", "_").removeprefix("book_")


def _measure_page(browser, base, root, rel, width, max_bytes, report, axe=None, shots=None):
    from playwright.sync_api import Error as PlaywrightError

    visit = after_load_script(VISIT_JS, {"imageTimeout": IMAGE_TIMEOUT_MS, "axe": bool(axe)})
    scripts = [axe, visit] if axe else [visit]
    context, page, failed = open_tab(browser, base, width, init_scripts=scripts)
    shot = shots / f"{_stem(rel)}-{width}.png" if shots is not None else None
    try:
        # Si la carga tampoco termina (una pestaña trabada en una máquina cargada), el
        # informe dice igual en qué paso quedó el guion.
        try:
            page.goto(base + rel, wait_until="load")
            seen = result_after_load(page, 2 * PAGE_TIMEOUT_MS)
        except PlaywrightError as exc:
            raise MeasureError(
                f"{str(exc).splitlines()[0]} (el guion quedó {stage_of(page)})"
            ) from exc
        page.wait_for_load_state("networkidle")
        data = page.evaluate(MEASURE_JS)
        if shot is not None:
            page.screenshot(path=str(shot), full_page=True)
    finally:
        context.close()
    missing = seen["missing"]
    report.visits.append(
        {
            "page": rel,
            "width": width,
            "overflow": seen["overflow"],
            "math": seen["math"],
            "axe": seen["axe"],
            "failed": failed,
            "shot": str(shot) if shot is not None else None,
        }
    )
    report.weights.append((data["bytes"], rel, width, data["requests"]))
    for src in missing:
        report.problems.append(
            f"{rel} a {width} px: la imagen {src.rsplit('/', 1)[-1]} no cargó en "
            f"{IMAGE_TIMEOUT_MS / 1000:g} s después de llevarla a la vista"
        )
    if data["bytes"] > max_bytes:
        report.problems.append(
            f"{rel} a {width} px: el navegador transfiere {data['bytes'] / 1000:.0f} kB "
            f"comprimidos en {data['requests']} pedidos, más que el límite de "
            f"{max_bytes / 1000:.0f} kB"
        )
    for fig in data["figures"]:
        report.n_figures += 1
        label = fig["id"] or fig["src"].rsplit("/", 1)[-1]
        local = _local_file(fig["src"], base, root)
        measure = figure_min_text(local) if local else None
        missing = []
        if not fig["linked"]:
            missing.append("no está dentro de un enlace para verla ampliada")
        if measure is None:
            missing.append(
                f"su archivo ({fig['src'].rsplit('/', 1)[-1]}) no tiene la medida {MIN_TEXT_KEY}"
            )
        if missing:
            report.problems.append(
                f"{rel} a {width} px: la figura {label!r} "
                + " y ".join(missing)
                + ": dibújela con jerarquicos.plots.layout.show"
            )
        if measure is None:
            continue
        if not fig["natural"] or not fig["shown"]:
            continue
        smallest = fig["shown"] / fig["natural"] * measure
        report.fonts.append((smallest, rel, width, label))
        if smallest < MIN_FIGURE_TEXT_PX - 1e-6:
            report.problems.append(
                f"{rel} a {width} px: la figura {label!r} tiene letra de {smallest:.1f} px "
                f"CSS (se muestra con {fig['shown']:.0f} de {fig['natural']:.0f} px); el mínimo "
                f"es {MIN_FIGURE_TEXT_PX:g} px"
            )


# --------------------------------------------------------------------------- lo que ve un lector


def _where(visit: dict) -> str:
    return f"{visit['page']} a {visit['width']} px"


def overflow_problems(visits: list[dict]) -> list[str]:
    """Páginas que se desplazan de costado, columnas de texto que no caben, cosas cortadas."""
    problems = []
    for v in visits:
        o = v["overflow"]
        if o["scrollWidth"] > o["vw"] + 1:
            problems.append(
                f"{_where(v)}: la página se desplaza de costado "
                f"(scrollWidth {o['scrollWidth']} > {o['vw']})"
            )
        if o["articleRight"] is not None and (
            o["articleRight"] > o["vw"] + 1 or o["articleLeft"] < -1
        ):
            problems.append(
                f"{_where(v)}: la columna de texto ({o['articleLeft']:.0f}–"
                f"{o['articleRight']:.0f} px) no cabe en la pantalla"
            )
        problems += [
            f"{_where(v)}: {c} (fuera de la pantalla y sin desplazamiento propio)" for c in o["cut"]
        ]
    return problems


def math_problems(visits: list[dict]) -> list[str]:
    """Fórmulas sin dibujar en el HTML (sin SVG, TeX crudo) o con errores de TeX."""
    problems = []
    for v in visits:
        m = v["math"]
        if not m:
            continue
        if m["unrendered"] or m["raw"]:
            problems.append(
                f"{_where(v)}: {m['unrendered']} de {m['total']} fórmulas sin SVG y "
                f"{m['raw']} con TeX crudo (¿corrió _ext/static_math.py?)"
            )
        if m["errors"]:
            problems.append(f"{_where(v)}: errores de TeX: {m['errors']}")
    return problems


def axe_problems(visits: list[dict]) -> list[str]:
    """Las violaciones de accesibilidad que encontró axe-core, de cualquier impacto."""
    return [
        f"{_where(v)}: axe-core: {a['id']} ({a['impact']}, {a['n']} elementos: "
        f"{', '.join(a['where'])})"
        for v in visits
        for a in v["axe"] or []
    ]


def failed_problems(visits: list[dict]) -> list[str]:
    """Recursos locales que respondieron 4xx/5xx y errores de JavaScript o de la consola."""
    return [f"{_where(v)}: {f}" for v in visits for f in v["failed"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(
            "Controla texto alternativo, filtraciones de la construcción, peso transferido "
            "y letra de las figuras del sitio construido."
        )
    )
    parser.add_argument(
        "site",
        nargs="?",
        type=Path,
        default=DEFAULT_SITE,
        help="carpeta del sitio (por omisión _build/html)",
    )
    parser.add_argument(
        "--max-kb",
        type=float,
        default=DEFAULT_MAX_KB,
        help="peso máximo transferido por página, comprimido, en kB (1000)",
    )
    parser.add_argument("--top", type=int, default=5, help="cuántas páginas pesadas listar")
    parser.add_argument(
        "--lang",
        default=DEFAULT_LANG,
        help="idioma que debe declarar <html lang> ('' para no controlarlo)",
    )
    parser.add_argument(
        "--sin-navegador",
        action="store_true",
        help="sólo los controles sin navegador (alt, idioma, filtraciones)",
    )
    parser.add_argument(
        "--capturas",
        type=Path,
        help="carpeta donde guardar una captura de cada página a cada ancho",
    )
    parser.add_argument(
        "--visitas",
        type=Path,
        help="archivo JSON donde guardar lo que se vio de cada página "
        "(lo leen las pruebas del navegador: JERARQUICOS_VISITS)",
    )
    args = parser.parse_args(argv)

    site: Path = args.site
    if not (site / "index.html").is_file():
        print(
            f"check_site: no hay un sitio construido en {site} (falta index.html). "
            "Construya antes con: bash scripts/build.sh",
            file=sys.stderr,
        )
        return 2

    report = check_static(site, lang=args.lang or None)
    print(f"check_site: {report.n_pages} páginas, {report.n_images} imágenes.")
    if not args.sin_navegador:
        if importlib.util.find_spec("playwright") is None:
            print(
                "check_site: falta playwright (pip install -r requirements.txt).", file=sys.stderr
            )
            return 2
        axe = axe_source()
        if axe is None:
            print(
                "check_site: falta axe-core (pip install -r requirements.txt: "
                "axe-playwright-python, o JERARQUICOS_AXE_JS).",
                file=sys.stderr,
            )
            return 2
        check_browser(
            site,
            max_bytes=int(args.max_kb * 1000),
            report=report,
            progress=True,
            axe=axe,
            shots=args.capturas,
        )
        if args.visitas:
            args.visitas.parent.mkdir(parents=True, exist_ok=True)
            args.visitas.write_text(
                json.dumps(report.visits, ensure_ascii=False, indent=1), encoding="utf-8"
            )
        print(
            f"Páginas más pesadas (todo lo transferido, comprimido; límite {args.max_kb:.0f} kB):"
        )
        for total, where, width, n_req in report.weights[: args.top]:
            print(f"  {total / 1000:8.1f} kB  {where} a {width} px ({n_req} pedidos)")
        smallest: dict[tuple[str, int], float] = {}
        for size, where, width, _ in report.fonts:
            smallest[(where, width)] = min(size, smallest.get((where, width), size))
        if smallest:
            print(f"Letra más chica de las figuras (px CSS; mínimo {MIN_FIGURE_TEXT_PX:g}):")
            for (where, width), size in sorted(smallest.items(), key=lambda kv: kv[1])[: args.top]:
                print(f"  {size:6.1f} px  {where} a {width} px")

    problems = report.problems
    if problems:
        print(f"\n{len(problems)} problemas:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print("Sin problemas.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
