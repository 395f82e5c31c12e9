"""El sitio construido, visto en Chromium sin pantalla, como lo leería un estudiante.

Cada capítulo se abre a 390 px (teléfono) y a 1366 px (portátil):

- nada ensancha la página (tablas, código y ecuaciones anchas se desplazan
  dentro de su propio recuadro) y la columna de texto cabe en la pantalla;
- MathJax dibujó cada fórmula (``mjx-container``) sin errores;
- ningún recurso local falta (respuestas 4xx/5xx del servidor);
- la búsqueda de «intercambiabilidad» devuelve ese capítulo.

Qué sitio se prueba:

- ``JERARQUICOS_SITE=_build/html``: el sitio real (``.ci/run`` lo hace tras la
  construcción estricta);
- sin esa variable, un libro de prueba con la configuración real y contenido
  ancho a propósito (tabla de muchas columnas, ecuación larga, salida de
  pandas, línea de código larga).

Capturas de pantalla: ``artefactos/capturas/<página>-<ancho>.png`` (sitio real)
o ``artefactos/capturas/libro-de-prueba/…``. MathJax se sirve desde una copia
local (paquete ``django-static-mathjax``, la misma versión 3 que el CDN) porque
las pruebas no usan la red. Sin Chromium o sin playwright la prueba se omite,
salvo en CI (variable ``CI``), donde falla.
"""

from __future__ import annotations

import os
import shutil
import textwrap
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from book_fixture import NOTEBOOK_HEADER, REPO_ROOT, build_book, make_book

pytestmark = pytest.mark.browser

WIDTHS = {"telefono": 390, "portatil": 1366}
CAPTURES = REPO_ROOT / "artefactos" / "capturas"
MATHJAX_CDN = "https://cdn.jsdelivr.net/npm/mathjax@3/"
SEARCH_WORD = "intercambiabilidad"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str):
    """Sin navegador: en CI es un fallo; en una máquina de desarrollo, se omite."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (en CI la prueba del navegador es obligatoria)")
    pytest.skip(reason)


# --------------------------------------------------------------------------- el sitio

WIDE_CHAPTER = textwrap.dedent(
    r"""
    (capitulo)=
    # Contenido ancho

    Una tabla con muchas columnas:

    | condado | hogares | radón medio | sótano | piso | pendiente | ordenada | sigma | tau |
    |---|---|---|---|---|---|---|---|---|
    | Hennepin | 105 | 1,23 | 0,98 | 0,45 | -0,61 | 1,48 | 0,73 | 0,32 |

    Una ecuación larga:

    $$
    p(\alpha_1, \dots, \alpha_J, \mu, \tau \mid y) \propto \prod_{j=1}^{J} \prod_{i=1}^{n_j}
    \operatorname{Normal}(y_{ij} \mid \alpha_j + \beta x_{ij}, \sigma)\,
    \operatorname{Normal}(\alpha_j \mid \mu, \tau)\,
    \operatorname{Normal}(\mu \mid 0, 10)\, \operatorname{HalfNormal}(\tau \mid 5)\,
    \operatorname{HalfNormal}(\sigma \mid 5)
    $$

    Y en línea $\omega \sim \operatorname{Beta}(A_\omega, B_\omega)$. Un enlace largo:
    https://example.org/una/direccion/muy/larga/que/no/tiene/espacios/para/cortarse/en/un/telefono

    ```{code-cell} ipython3
    import numpy as np
    import pandas as pd

    print("una línea de salida muy larga " * 12)
    pd.DataFrame(np.arange(36).reshape(2, 18) * 1000.5,
                 columns=[f"columna_larga_{i}" for i in range(18)])
    ```

    ```{code-cell} ipython3
    ---
    mystnb:
      image:
        alt: Línea recta creciente de 0 a 9 sobre un eje de 10 puntos
    ---
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 3.2))
    ax.plot(range(10))
    plt.show()
    ```
    """
)

EXCHANGE_CHAPTER = NOTEBOOK_HEADER + textwrap.dedent(
    """
    (intercambiabilidad)=
    # Intercambiabilidad

    La intercambiabilidad dice que el orden de los grupos no importa.

    ```{code-cell} ipython3
    print(sorted([3, 1, 2]))
    ```
    """
)

FIXTURE_TOC = textwrap.dedent(
    """\
    format: jb-book
    root: index
    parts:
      - caption: Primera parte
        numbered: true
        chapters:
          - file: book/capitulo
          - file: book/intercambiabilidad
    """
)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, str]:
    """(carpeta del sitio, nombre para las capturas)."""
    given = os.environ.get("JERARQUICOS_SITE")
    if given:
        path = Path(given).resolve()
        assert (path / "index.html").is_file(), f"JERARQUICOS_SITE={given} no tiene index.html"
        return path, ""
    book = make_book(
        tmp_path_factory.mktemp("navegador") / "libro",
        WIDE_CHAPTER,
        {"book/intercambiabilidad.md": EXCHANGE_CHAPTER, "_toc.yml": FIXTURE_TOC},
    )
    result = build_book(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return book / "_build" / "html", "libro-de-prueba"


def _pages(site_dir: Path) -> list[str]:
    """La portada y cada capítulo del _toc.yml del libro (rutas relativas al sitio)."""
    toc_file = site_dir.parents[1] / "_toc.yml"
    pages = ["index.html"]
    if toc_file.is_file():
        toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
        for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
            pages += [f"{entry['file']}.html" for entry in part.get("chapters", [])]
    else:
        pages += sorted(p.relative_to(site_dir).as_posix() for p in site_dir.glob("book/*.html"))
    return [p for p in pages if (site_dir / p).is_file()]


@pytest.fixture(scope="module")
def server(site):
    """El sitio servido en 127.0.0.1, en un puerto libre; se apaga siempre al terminar."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(site[0]))
    handler.log_message = lambda *args, **kwargs: None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)


# --------------------------------------------------------------------------- el navegador


def _chromium_path() -> str | None:
    candidates = ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _local_mathjax() -> Path | None:
    try:
        import mathjax  # paquete django-static-mathjax
    except ImportError:
        return None
    folder = Path(mathjax.__file__).parent / "static" / "mathjax"
    return folder if (folder / "es5" / "tex-mml-chtml.js").is_file() else None


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("falta playwright (pip install -r requirements.txt)")
    executable = _chromium_path()
    manager = sync_playwright().start()
    try:
        try:
            chromium = manager.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as exc:  # noqa: BLE001 — el mensaje de playwright dice qué falta
            _unavailable(
                f"no se pudo abrir Chromium ({executable or 'el de playwright'}): "
                f"{str(exc).splitlines()[0]} — apt-get install chromium"
            )
        yield chromium
        chromium.close()
    finally:
        manager.stop()


def _new_page(browser, base: str, width: int):
    """Una pestaña sin red: sólo el sitio local y, en lugar del CDN, MathJax local."""
    context = browser.new_context(
        viewport={"width": width, "height": 844 if width < 800 else 900},
        device_scale_factor=1,
        locale="es-AR",
    )
    mathjax = _local_mathjax()

    def offline(route):
        url = route.request.url
        if url.startswith(base) or url.startswith("data:"):
            route.continue_()
        elif url.startswith(MATHJAX_CDN) and mathjax is not None:
            local = mathjax / url[len(MATHJAX_CDN) :].split("?")[0]
            if local.is_file():
                route.fulfill(path=str(local))
            else:
                route.abort()
        else:
            route.abort()

    context.route("**/*", offline)
    page = context.new_page()
    failed: list[str] = []
    page.on(
        "response",
        lambda r: (
            failed.append(f"{r.status} {r.url}")
            if r.url.startswith(base) and r.status >= 400
            else None
        ),
    )
    return context, page, failed


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

MATH_JS = """
() => {
  const maths = [...document.querySelectorAll('.bd-article .math')];
  return {
    total: maths.length,
    unrendered: maths.filter((m) => !m.querySelector('mjx-container')).length,
    errors: [...document.querySelectorAll('mjx-merror')].map((e) => e.textContent).slice(0, 3),
  };
}
"""


def _stem(rel: str) -> str:
    return rel.removesuffix(".html").replace("/", "_").removeprefix("book_")


@pytest.fixture(scope="module")
def visits(site, server, browser):
    """Abre cada página a cada ancho una vez; las pruebas leen lo que se midió."""
    site_dir, label = site
    out_dir = CAPTURES / label if label else CAPTURES
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for name, width in WIDTHS.items():
        context, page, failed = _new_page(browser, server, width)
        try:
            for rel in _pages(site_dir):
                failed.clear()
                page.goto(server + rel, wait_until="load")
                has_math = page.locator(".bd-article .math").count() > 0
                math = None
                if has_math:
                    try:
                        page.wait_for_function(
                            "() => [...document.querySelectorAll('.bd-article .math')]"
                            ".every((m) => m.querySelector('mjx-container'))",
                            timeout=20_000,
                        )
                    except Exception:  # noqa: BLE001 — se informa abajo con el detalle
                        pass
                    math = page.evaluate(MATH_JS)
                overflow = page.evaluate(OVERFLOW_JS)
                shot = out_dir / f"{_stem(rel)}-{width}.png"
                page.screenshot(path=str(shot), full_page=True)
                results.append(
                    {
                        "page": rel,
                        "width": width,
                        "name": name,
                        "math": math,
                        "overflow": overflow,
                        "failed": list(failed),
                        "shot": shot,
                    }
                )
        finally:
            context.close()
    return results


# --------------------------------------------------------------------------- las pruebas


def test_every_chapter_was_visited(visits, site):
    pages = _pages(site[0])
    assert len(pages) >= 2
    assert {v["page"] for v in visits} == set(pages)
    for visit in visits:
        assert visit["shot"].is_file() and visit["shot"].stat().st_size > 5_000


def test_no_horizontal_overflow(visits):
    problems = []
    for v in visits:
        o = v["overflow"]
        where = f"{v['page']} a {v['width']} px"
        if o["scrollWidth"] > o["vw"] + 1:
            problems.append(
                f"{where}: la página se desplaza de costado "
                f"(scrollWidth {o['scrollWidth']} > {o['vw']})"
            )
        if o["articleRight"] is not None and (
            o["articleRight"] > o["vw"] + 1 or o["articleLeft"] < -1
        ):
            problems.append(
                f"{where}: la columna de texto ({o['articleLeft']:.0f}–"
                f"{o['articleRight']:.0f} px) no cabe en la pantalla"
            )
        problems += [
            f"{where}: {c} (fuera de la pantalla y sin desplazamiento propio)" for c in o["cut"]
        ]
    assert not problems, "\n".join(problems)


def test_pages_declare_spanish(visits):
    wrong = [
        f"{v['page']}: lang={v['overflow']['lang']!r}"
        for v in visits
        if not v["overflow"]["lang"].startswith("es")
    ]
    assert not wrong, "\n".join(wrong)


def test_math_is_rendered_by_mathjax(visits):
    with_math = [v for v in visits if v["math"]]
    assert with_math, "ninguna página tiene matemática: ¿cambió el marcado de Sphinx?"
    problems = []
    for v in with_math:
        m = v["math"]
        if m["unrendered"]:
            hint = (
                ""
                if _local_mathjax()
                else (" (sin red ni django-static-mathjax, MathJax no carga)")
            )
            problems.append(
                f"{v['page']} a {v['width']} px: {m['unrendered']} de {m['total']} "
                f"fórmulas sin dibujar{hint}"
            )
        if m["errors"]:
            problems.append(f"{v['page']}: errores de MathJax: {m['errors']}")
    assert not problems, "\n".join(problems)


def test_no_missing_local_resources(visits):
    missing = [f"{v['page']}: {f}" for v in visits for f in v["failed"]]
    assert not missing, "\n".join(missing)


def test_search_finds_the_chapter(site, server, browser):
    context, page, _ = _new_page(browser, server, WIDTHS["portatil"])
    try:
        page.goto(f"{server}search.html?q={SEARCH_WORD}", wait_until="load")
        results = page.locator("#search-results ul.search li a")
        results.first.wait_for(timeout=30_000)
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
        summary = page.locator("#search-results p.search-summary").inner_text(timeout=30_000)
        out_dir = CAPTURES / site[1] if site[1] else CAPTURES
        # Sólo la ventana: la captura de página completa de search.html sale corrida.
        page.screenshot(path=str(out_dir / f"busqueda-{SEARCH_WORD}.png"))
    finally:
        context.close()
    assert hrefs, f"la búsqueda de «{SEARCH_WORD}» no devolvió resultados"
    # El término del glosario puede ir primero; el capítulo, entre los tres primeros.
    pages = [h.split("?")[0].split("#")[0] for h in hrefs[:3]]
    assert any(p.endswith(f"book/{SEARCH_WORD}.html") for p in pages), (
        f"el capítulo «{SEARCH_WORD}» no está entre los tres primeros resultados: {hrefs}"
    )
    assert "Search" not in summary and "page" not in summary, f"resumen en inglés: {summary!r}"
