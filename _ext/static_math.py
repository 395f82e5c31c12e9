"""Extensión local de Sphinx: la matemática se dibuja al construir, no en el navegador.

Con MathJax en el navegador, el lector veía TeX crudo hasta que bajaba y
ejecutaba un script de 1 MB (13 s en un teléfono con 4G lenta). Esta
extensión registra el dibujante ``svgmath`` (el mismo marcado que
``sphinx.ext.mathjax``, sin cargar ningún script) y, al terminar la
construcción HTML, reemplaza cada fórmula de cada página por su SVG, dibujado
con MathJax 3 en Node.js (``_ext/static_math.js``) desde el paquete
``django-static-mathjax`` fijado en ``requirements.txt``:

* el SVG lleva los glifos como trazos: no hace falta ninguna fuente ni
  conexión, se ve igual en todos los navegadores y se imprime nítido;
* cada página guarda cada glifo una sola vez (``<svg id="MJX-SVG-global-cache">``
  al comienzo del ``<body>``) y las fórmulas lo reusan con ``<use>``;
* cada fórmula lleva además su MathML oculto a la vista
  (``<mjx-assistive-mml>``), que es lo que leen los lectores de pantalla;
* un error de TeX detiene la construcción con el documento y la fórmula.

Hace falta ``node`` (Node.js 18 o más nuevo) en el PATH al construir el sitio.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from sphinx.errors import ExtensionError
from sphinx.ext import mathjax as sphinx_mathjax
from sphinx.util import logging

logger = logging.getLogger(__name__)

RENDERER = "svgmath"
CSS_FILE = "jq-math.css"
SCRIPT = Path(__file__).with_name("static_math.js")
_INLINE_RE = re.compile(
    r'(<span class="math notranslate nohighlight"[^>]*>)\\\((.*?)\\\)(</span>)', re.S
)
_BLOCK_RE = re.compile(r'(<div class="math notranslate nohighlight"[^>]*>)(.*?)(</div>)', re.S)
_EQNO_RE = re.compile(r'<span class="eqno">.*?</span>', re.S)
_DISPLAY_RE = re.compile(r"\\\[(.*?)\\\]", re.S)
_BODY_RE = re.compile(r"<body[^>]*>")
CACHE_ID = "MJX-SVG-global-cache"

#: Hoja de estilo propia, además de la de MathJax: las fórmulas en bloque anchas se
#: desplazan dentro de su recuadro (con una sombra que avisa que siguen) en vez de
#: ensanchar la página.
EXTRA_CSS = """
.math mjx-container[jax="SVG"][display="true"] {
  margin: 0.5em 0;
  overflow-x: auto;
  overflow-y: hidden;
  max-width: 100%;
  padding-bottom: 2px;
  --jq-bg: var(--pst-color-background, #fff);
  background:
    linear-gradient(to right, var(--jq-bg) 30%, transparent) left / 2em 100% no-repeat local,
    linear-gradient(to left, var(--jq-bg) 30%, transparent) right / 2em 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, .25), transparent)
      left / .8em 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, .25), transparent)
      right / .8em 100% no-repeat scroll;
}
.math mjx-container[jax="SVG"] > svg { fill: currentColor; stroke: currentColor; }
div.math { position: relative; }
"""


def _mathjax_es5() -> Path:
    try:
        import mathjax  # paquete django-static-mathjax
    except ImportError as exc:  # pragma: no cover - el entorno fijado lo trae
        raise ExtensionError(
            "static_math: falta el paquete django-static-mathjax (pip install -r requirements.txt)."
        ) from exc
    return Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"


def _node() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise ExtensionError(
            "static_math: hace falta Node.js (el programa «node», versión 18 o más nueva) "
            "para dibujar las fórmulas al construir el sitio. En Debian o Ubuntu: "
            "apt-get install nodejs; en macOS: brew install node."
        )
    return node


def _items(page: str) -> list[dict]:
    """Las fórmulas de una página, en el orden en que se reemplazan."""
    items = []
    for match in _BLOCK_RE.finditer(page):
        body = _EQNO_RE.sub("", match.group(2))
        parts = _DISPLAY_RE.findall(body) or ([body] if body.strip() else [])
        items += [{"tex": html.unescape(p).strip(), "display": True} for p in parts]
    for match in _INLINE_RE.finditer(page):
        items.append({"tex": html.unescape(match.group(2)), "display": False})
    return items


def render(pages: list[str]) -> tuple[list[str], str, list[list[tuple[int, str, str]]]]:
    """Reemplaza las fórmulas de cada página por SVG.

    Parameters
    ----------
    pages : list of str
        El HTML de cada página, con el marcado de ``sphinx.ext.mathjax``.

    Returns
    -------
    tuple
        (HTML de cada página, hoja de estilo de MathJax, errores de TeX de cada
        página como ``(índice, TeX, mensaje)``).
    """
    requests = [_items(page) for page in pages]
    if not any(requests):
        return list(pages), "", [[] for _ in pages]
    proc = subprocess.run(
        [_node(), str(SCRIPT), str(_mathjax_es5())],
        input=json.dumps({"pages": requests}),
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise ExtensionError(f"static_math: Node.js no pudo dibujar las fórmulas:\n{proc.stderr}")
    answer = json.loads(proc.stdout)
    out, errors = [], []
    for page, items, result in zip(pages, requests, answer["pages"], strict=True):
        rendered = iter(result["html"])
        errors.append([(i, items[i]["tex"], msg) for i, msg in result["errors"]])
        if not items:
            out.append(page)
            continue

        def block(match, rendered=rendered):
            body = match.group(2)
            eqno = "".join(_EQNO_RE.findall(body))
            parts = _DISPLAY_RE.findall(_EQNO_RE.sub("", body)) or (
                [body] if _EQNO_RE.sub("", body).strip() else []
            )
            svgs = "".join(next(rendered) for _ in parts)
            return match.group(1) + eqno + svgs + match.group(3)

        def inline(match, rendered=rendered):
            return match.group(1) + next(rendered) + match.group(3)

        page = _BLOCK_RE.sub(block, page)
        page = _INLINE_RE.sub(inline, page)
        cache = (
            f'<svg id="{CACHE_ID}" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" '
            f'style="display: none">{result["defs"]}</svg>'
        )
        page = _BODY_RE.sub(lambda m, cache=cache: m.group(0) + cache, page, count=1)
        out.append(page)
    return out, answer["css"], errors


def _html_pages(outdir: Path) -> list[Path]:
    return sorted(
        p
        for p in outdir.rglob("*.html")
        if not ({"_static", "_sources", "_images"} & set(p.relative_to(outdir).parts[:-1]))
    )


def _prerender(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    files = [p for p in _html_pages(outdir) if CACHE_ID not in p.read_text(encoding="utf-8")]
    texts = [p.read_text(encoding="utf-8") for p in files]
    rendered, css, errors = render(texts)
    for path, old, new, errs in zip(files, texts, rendered, errors, strict=True):
        for _index, tex, message in errs:
            logger.warning(
                f"{path.relative_to(outdir)}: error de TeX en la fórmula {tex!r}: {message}",
                type="jerarquicos",
                subtype="math",
            )
        if new != old:
            path.write_text(new, encoding="utf-8")
    static = outdir / "_static" / CSS_FILE
    if css or not static.exists():
        static.parent.mkdir(parents=True, exist_ok=True)
        static.write_text(css + EXTRA_CSS, encoding="utf-8")


def _use_renderer(app, config):
    config.html_math_renderer = RENDERER


def setup(app):
    # Sus visitantes y su configuración (delimitadores); su script no se carga porque el
    # dibujante elegido no es «mathjax».
    app.setup_extension("sphinx.ext.mathjax")
    app.add_html_math_renderer(
        RENDERER,
        (sphinx_mathjax.html_visit_math, None),
        (sphinx_mathjax.html_visit_displaymath, None),
    )
    app.connect("config-inited", _use_renderer)
    app.add_css_file(CSS_FILE)
    app.connect("build-finished", _prerender)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
