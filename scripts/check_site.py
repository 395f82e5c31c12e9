#!/usr/bin/env python3
"""Controla el sitio construido (``_build/html``) como lo vería un lector.

Uso::

    python scripts/check_site.py [CARPETA] [--max-kb 1000] [--top 5]
    python scripts/check_site.py --external      # además, enlaces externos (requiere red)

Tres controles, sin red y en segundos:

1. **Texto alternativo.** Cada ``<img>`` tiene un ``alt`` no vacío que no sea
   genérico («png», «imagen», «figura 1», «output») ni el nombre del archivo
   (docutils pone la ruta de la imagen como ``alt`` cuando falta: es lo que
   pasa con las figuras de matplotlib de una celda sin ``mystnb.image.alt``).
   Lo mismo vale para un ``<svg role="img">`` (figura interactiva): necesita
   ``aria-label``, ``aria-labelledby`` o un ``<title>``. Cada página declara
   además ``<html lang="es">``.
2. **Peso.** El HTML de cada página más las imágenes locales que muestra
   (``<img src>``, ``srcset``, ``<object data>``) no pasa de ``--max-kb``
   (1000 kB = 1 MB por omisión). No se cuentan el CSS y el JavaScript del
   tema: se comparten entre páginas y quedan en la caché del navegador.
3. **Enlaces internos.** Cada ``href``/``src`` relativo apunta a un archivo
   que existe dentro del sitio y, si lleva ``#fragmento``, a un elemento con
   ese ``id`` en la página de destino.

Con ``--external`` también se piden (GET, en paralelo) los enlaces externos;
ese control depende de la red y de terceros, así que no corre en CI.

Termina con código 0 si no hay problemas, 1 si los hay (cada uno en una línea
que nombra la página) y 2 si la carpeta no existe.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import sys
import unicodedata
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SITE = REPO_ROOT / "_build" / "html"
DEFAULT_MAX_KB = 1000  # 1 MB por página, imágenes incluidas
DEFAULT_LANG = "es"

# Carpetas del sitio que no son páginas de lectura (plantillas del tema, fuentes, imágenes).
NON_PAGE_DIRS = {"_static", "_sources", "_images", "_downloads", ".doctrees"}

# Atributos que apuntan a otro recurso.
LINK_ATTRS = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
}
# Los que cuentan en el peso de la página (imágenes y figuras incrustadas).
WEIGHT_ATTRS = {
    ("img", "src"),
    ("img", "srcset"),
    ("source", "srcset"),
    ("object", "data"),
    ("embed", "src"),
    ("video", "poster"),
}
SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "about:")

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


@dataclass
class Page:
    """Lo que importa de una página HTML para los controles."""

    path: Path
    rel: str
    size: int
    lang: str | None = None
    ids: set[str] = field(default_factory=set)
    # (src, alt, línea) de cada <img>
    images: list[tuple[str | None, str | None, int]] = field(default_factory=list)
    # (etiqueta, atributo, url, línea) de cada enlace
    links: list[tuple[str, str, str, int]] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        # <svg role="img"> sin aria-label: esperando un <title> con texto.
        self._svg: dict | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs_d: dict[str, str | None] = {}
        for key, value in attrs:
            attrs_d.setdefault(key, value)
        line = self.getpos()[0]
        if tag == "html" and self.page.lang is None:
            self.page.lang = attrs_d.get("lang") or ""
        if attrs_d.get("id"):
            self.page.ids.add(attrs_d["id"])
        if tag == "a" and attrs_d.get("name"):
            self.page.ids.add(attrs_d["name"])
        if tag == "img":
            self.page.images.append((attrs_d.get("src"), attrs_d.get("alt"), line))
        if tag == "svg" and (attrs_d.get("role") or "").lower() == "img":
            # Un SVG que se presenta como imagen (figura interactiva) necesita nombre
            # accesible: aria-label, aria-labelledby o un <title> propio.
            label = attrs_d.get("aria-label")
            if attrs_d.get("aria-labelledby"):
                label = label or "(aria-labelledby)"
            self._svg = {"label": label, "line": line, "title": ""}
        if tag == "title" and self._svg is not None:
            self._in_title = True
        for attr in LINK_ATTRS.get(tag, ()):
            value = attrs_d.get(attr)
            if not value:
                continue
            if attr in ("srcset",):
                for part in value.split(","):
                    url = part.strip().split(" ")[0]
                    if url:
                        self.page.links.append((tag, attr, url, line))
            else:
                self.page.links.append((tag, attr, value.strip(), line))

    def handle_data(self, data):
        if self._in_title and self._svg is not None:
            self._svg["title"] += data

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "svg" and self._svg is not None:
            svg, self._svg = self._svg, None
            label = svg["label"] if svg["label"] is not None else (svg["title"].strip() or None)
            self.page.images.append(("<svg role=img>", label, svg["line"]))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "svg":
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


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme) or url.startswith("//")


def resolve_local(url: str, page: Page, root: Path) -> tuple[Path | None, str, str | None]:
    """Resuelve un enlace local: (archivo, fragmento, error)."""
    parts = urlsplit(url)
    fragment = unquote(parts.fragment)
    path = unquote(parts.path)
    if not path:
        return page.path, fragment, None
    if path.startswith("/"):
        target_rel = posixpath.normpath(path.lstrip("/"))
    else:
        base = posixpath.dirname(page.rel)
        target_rel = posixpath.normpath(posixpath.join(base, path))
    if target_rel == ".." or target_rel.startswith("../"):
        return None, fragment, "apunta fuera del sitio"
    target = root / target_rel if target_rel != "." else root
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, fragment, None


@dataclass
class Report:
    """Resultado de los controles."""

    problems: list[str] = field(default_factory=list)
    # (bytes en total, página, bytes del HTML, cantidad de imágenes)
    weights: list[tuple[int, str, int, int]] = field(default_factory=list)
    n_pages: int = 0
    n_images: int = 0
    n_links: int = 0
    external: dict[str, list[str]] = field(default_factory=dict)  # url -> páginas


def check_site(
    root: Path, *, max_bytes: int = DEFAULT_MAX_KB * 1000, lang: str | None = DEFAULT_LANG
) -> Report:
    """Corre los tres controles sin red sobre la carpeta ``root`` del sitio."""
    root = root.resolve()
    report = Report()
    pages = {p: parse_page(p, root) for p in iter_pages(root)}
    report.n_pages = len(pages)
    id_cache: dict[Path, set[str]] = {p: page.ids for p, page in pages.items()}

    def ids_of(target: Path) -> set[str]:
        if target not in id_cache:
            inside = target.is_relative_to(root)
            id_cache[target] = parse_page(target, root).ids if inside else set()
        return id_cache[target]

    for page in pages.values():
        where = page.rel
        # 1. Idioma y texto alternativo.
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

        # 2 y 3. Enlaces locales y peso.
        weight_files: set[Path] = set()
        for tag, attr, url, line in page.links:
            if url.lower().startswith(SKIP_SCHEMES):
                continue
            if _is_external(url):
                report.external.setdefault(url, []).append(where)
                continue
            report.n_links += 1
            target, fragment, error = resolve_local(url, page, root)
            if error:
                report.problems.append(
                    f"{where}:{line}: enlace roto <{tag} {attr}={url!r}>: {error}"
                )
                continue
            assert target is not None
            if not target.is_file():
                report.problems.append(
                    f"{where}:{line}: enlace roto <{tag} {attr}={url!r}>: no existe "
                    f"{target.relative_to(root).as_posix()}"
                )
                continue
            if (tag, attr) in WEIGHT_ATTRS:
                weight_files.add(target)
            if fragment and target.suffix == ".html" and fragment not in ids_of(target):
                report.problems.append(
                    f"{where}:{line}: ancla rota <{tag} {attr}={url!r}>: "
                    f"{target.relative_to(root).as_posix()} no tiene id={fragment!r}"
                )
        images_bytes = sum(f.stat().st_size for f in weight_files)
        total = page.size + images_bytes
        report.weights.append((total, where, page.size, len(weight_files)))
        if total > max_bytes:
            heaviest = max(weight_files, key=lambda f: f.stat().st_size, default=None)
            detail = (
                f"; la imagen más pesada es {heaviest.relative_to(root).as_posix()} "
                f"({heaviest.stat().st_size / 1000:.0f} kB)"
                if heaviest
                else ""
            )
            report.problems.append(
                f"{where}: la página pesa {total / 1000:.0f} kB (HTML {page.size / 1000:.0f} kB + "
                f"{len(weight_files)} imágenes {images_bytes / 1000:.0f} kB), más que el límite de "
                f"{max_bytes / 1000:.0f} kB{detail}"
            )
    report.weights.sort(reverse=True)
    return report


def check_external(
    urls: dict[str, list[str]], *, timeout: float = 15.0, workers: int = 8
) -> list[str]:
    """Pide cada URL externa (HEAD y, si el servidor no lo acepta, GET)."""

    def fetch(url: str) -> str | None:
        headers = {"User-Agent": "Mozilla/5.0 (check_site; modelos jerarquicos)"}
        last = None
        for method in ("HEAD", "GET"):
            request = urllib.request.Request(url.split("#")[0], headers=headers, method=method)
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    if response.status < 400:
                        return None
                    last = f"HTTP {response.status}"
            except urllib.error.HTTPError as exc:
                last = f"HTTP {exc.code}"
                if exc.code in (403, 405, 501) and method == "HEAD":
                    continue
                return last
            except (urllib.error.URLError, OSError, ValueError) as exc:
                return f"sin respuesta ({getattr(exc, 'reason', exc)})"
        return last

    problems = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for url, error in zip(urls, pool.map(fetch, urls), strict=True):
            if error:
                pages = ", ".join(sorted(set(urls[url]))[:3])
                problems.append(f"{pages}: enlace externo roto {url!r}: {error}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Controla texto alternativo, peso de página y enlaces del sitio construido."
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
        help="peso máximo de una página con sus imágenes, en kB (1000)",
    )
    parser.add_argument("--top", type=int, default=5, help="cuántas páginas pesadas listar")
    parser.add_argument(
        "--lang",
        default=DEFAULT_LANG,
        help="idioma que debe declarar <html lang> ('' para no controlarlo)",
    )
    parser.add_argument(
        "--external",
        action="store_true",
        help="además, pedir los enlaces externos (necesita red; no corre en CI)",
    )
    parser.add_argument(
        "--timeout", type=float, default=15.0, help="segundos por enlace externo (15)"
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

    report = check_site(site, max_bytes=int(args.max_kb * 1000), lang=args.lang or None)
    problems = list(report.problems)
    print(
        f"check_site: {report.n_pages} páginas, {report.n_images} imágenes, "
        f"{report.n_links} enlaces internos, {len(report.external)} enlaces externos distintos."
    )
    print(f"Páginas más pesadas (HTML + imágenes; límite {args.max_kb:.0f} kB):")
    for total, where, html_size, n_img in report.weights[: args.top]:
        print(
            f"  {total / 1000:8.1f} kB  {where}  (HTML {html_size / 1000:.1f} kB, {n_img} imágenes)"
        )
    if args.external:
        print(f"Comprobando {len(report.external)} enlaces externos…")
        problems += check_external(report.external, timeout=args.timeout)

    if problems:
        print(f"\n{len(problems)} problemas:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print("Sin problemas: texto alternativo, peso y enlaces en orden.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
