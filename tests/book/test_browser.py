"""El sitio construido, visto en Chromium sin pantalla, como lo leería un estudiante.

Cada capítulo se abre a 390 px (teléfono) y a 1366 px (portátil):

- nada ensancha la página (tablas, código y ecuaciones anchas se desplazan
  dentro de su propio recuadro) y la columna de texto cabe en la pantalla;
- cada fórmula ya viene dibujada en el HTML (SVG de ``_ext/static_math.py``):
  se ve aun sin JavaScript, sin TeX crudo en el primer pintado;
- ningún recurso local falta (respuestas 4xx/5xx del servidor) y la consola no
  informa errores;
- axe-core no encuentra ninguna violación de accesibilidad, de ningún impacto;
- la búsqueda de «intercambiabilidad» devuelve ese capítulo;
- la barra de una solución se abre también tocando el enlace «Ejercicio N.N»;
- el deslizador de κ (sitio real): controles de al menos 44 px, los tres
  paneles y los controles caben juntos en la pantalla del teléfono y, en modo
  oscuro, sus títulos contrastan al menos 4,5:1 con el fondo.

Qué sitio se prueba:

- ``JERARQUICOS_SITE=_build/html``: el sitio real (``.ci/run`` lo hace tras la
  construcción estricta);
- sin esa variable, un libro de prueba con la configuración real y contenido
  ancho a propósito (tabla de muchas columnas, ecuación larga, salida de
  pandas, línea de código larga).

Capturas de pantalla: ``artefactos/capturas/<página>-<ancho>.png`` (sitio real)
o ``artefactos/capturas/libro-de-prueba/…``. El sitio se sirve comprimido, como
GitHub Pages (``scripts/check_site.serve``), y la pestaña no tiene red. axe-core
es el ``axe.min.js`` del paquete ``axe-playwright-python`` (fijado en
requirements.txt) o el archivo que indique ``JERARQUICOS_AXE_JS`` (p. ej. el de
npm). Sin Chromium o sin playwright la prueba se omite, salvo en CI (variable
``CI``), donde falla.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from book_fixture import NOTEBOOK_HEADER, REPO_ROOT, build_book, load_module, make_book

pytestmark = pytest.mark.browser

WIDTHS = {"telefono": 390, "portatil": 1366}
CAPTURES = REPO_ROOT / "artefactos" / "capturas"
check_site = load_module(REPO_ROOT / "scripts" / "check_site.py", "check_site")
SEARCH_WORD = "intercambiabilidad"
CHROMIUM_ARGS = check_site.CHROMIUM_ARGS


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

    ```{exercise}
    :label: ej-prueba

    ¿Cuánto es $1 + 1$?
    ```

    ```{solution} ej-prueba
    :class: dropdown

    Es $2$.
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
    """El sitio servido comprimido en 127.0.0.1, en un puerto libre; se apaga al terminar."""
    with check_site.serve(site[0]) as base:
        yield base


# --------------------------------------------------------------------------- el navegador


def _chromium_path() -> str | None:
    candidates = ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _axe_source() -> str | None:
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


def _new_page(browser, base: str, width: int, **options):
    """Una pestaña sin red (sólo el sitio local); junta respuestas fallidas y errores."""
    context = browser.new_context(
        viewport={"width": width, "height": 844 if width < 800 else 900},
        device_scale_factor=1,
        locale="es-AR",
        **options,
    )
    context.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith((base, "data:")) else route.abort()
        ),
    )
    context.set_default_timeout(check_site.PAGE_TIMEOUT_MS)
    context.set_default_navigation_timeout(check_site.PAGE_TIMEOUT_MS)
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
    page.on("pageerror", lambda exc: failed.append(f"error de JavaScript: {exc}"))
    page.on(
        "console",
        lambda msg: failed.append(f"consola: {msg.text}") if msg.type == "error" else None,
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


def _stem(rel: str) -> str:
    return rel.removesuffix(".html").replace("/", "_").removeprefix("book_")


def _visit_pages(browser, server, pages, out_dir, axe_source, name, width):
    """Abre cada página de ``pages`` a un ancho y junta lo que las pruebas miran."""
    results = []
    context, page, failed = _new_page(browser, server, width)
    try:
        for rel in pages:
            failed.clear()
            page.goto(server + rel, wait_until="load")
            has_math = page.locator(".bd-article .math").count() > 0
            math = page.evaluate(MATH_JS) if has_math else None
            overflow = page.evaluate(OVERFLOW_JS)
            axe = None
            if axe_source is not None:
                page.evaluate(axe_source)
                axe = page.evaluate(AXE_RUN_JS)
            shot = out_dir / f"{_stem(rel)}-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            results.append(
                {
                    "page": rel,
                    "width": width,
                    "name": name,
                    "math": math,
                    "axe": axe,
                    "overflow": overflow,
                    "failed": list(failed),
                    "shot": shot,
                }
            )
    finally:
        context.close()
    return results


def _visit_in_own_browser(*args):
    """:func:`_visit_pages` en un Chromium propio: playwright pide uno por hilo."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        own = playwright.chromium.launch(executable_path=_chromium_path(), args=CHROMIUM_ARGS)
        try:
            return _visit_pages(own, *args)
        finally:
            own.close()


@pytest.fixture(scope="module")
def visits(site, server, browser):
    """Abre cada página a cada ancho una vez; las pruebas leen lo que se midió.

    Los dos anchos van a la vez, cada uno en su hilo y su Chromium: casi todo el
    tiempo es de axe-core dentro del navegador, que así usa los dos núcleos.
    """
    site_dir, label = site
    out_dir = CAPTURES / label if label else CAPTURES
    out_dir.mkdir(parents=True, exist_ok=True)
    axe_source = _axe_source()
    pages = _pages(site_dir)
    with ThreadPoolExecutor(max_workers=len(WIDTHS)) as pool:
        futures = [
            pool.submit(_visit_in_own_browser, server, pages, out_dir, axe_source, name, width)
            for name, width in WIDTHS.items()
        ]
        return [visit for future in futures for visit in future.result()]


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


def test_math_is_drawn_at_build_time(visits):
    with_math = [v for v in visits if v["math"]]
    assert with_math, "ninguna página tiene matemática: ¿cambió el marcado de Sphinx?"
    problems = []
    for v in with_math:
        m = v["math"]
        if m["unrendered"] or m["raw"]:
            problems.append(
                f"{v['page']} a {v['width']} px: {m['unrendered']} de {m['total']} fórmulas "
                f"sin SVG y {m['raw']} con TeX crudo (¿corrió _ext/static_math.py?)"
            )
        if m["errors"]:
            problems.append(f"{v['page']}: errores de TeX: {m['errors']}")
    assert not problems, "\n".join(problems)


def test_math_needs_no_javascript(site, server, browser):
    """Sin JavaScript (o antes de que cargue) la fórmula ya está dibujada: nada de TeX crudo."""
    page_rel = next(
        (
            p
            for p in _pages(site[0])
            if 'class="math notranslate' in (site[0] / p).read_text(encoding="utf-8")
        ),
        None,
    )
    assert page_rel is not None
    context, page, _ = _new_page(browser, server, WIDTHS["telefono"], java_script_enabled=False)
    try:
        page.goto(server + page_rel, wait_until="domcontentloaded")
        math = page.evaluate(MATH_JS)
        scripts = page.evaluate(
            "() => [...document.scripts].map((s) => s.src).filter((s) => /mathjax|katex/i.test(s))"
        )
    finally:
        context.close()
    assert math["total"] > 0 and math["unrendered"] == 0 and math["raw"] == 0, math
    assert scripts == [], f"la página todavía carga un motor de matemática: {scripts}"


def test_axe_finds_no_violations(visits):
    if _axe_source() is None:
        _unavailable("falta axe-core (pip install -r requirements.txt: axe-playwright-python)")
    problems = [
        f"{v['page']} a {v['width']} px: {a['id']} ({a['impact']}, {a['n']} elementos: "
        f"{', '.join(a['where'])})"
        for v in visits
        for a in v["axe"] or []
    ]
    assert not problems, "axe-core encontró violaciones:\n" + "\n".join(problems)


def test_no_missing_resources_nor_console_errors(visits):
    missing = [f"{v['page']} a {v['width']} px: {f}" for v in visits for f in v["failed"]]
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


def test_solution_opens_from_the_exercise_link(site, server, browser):
    """Tocar el enlace «Ejercicio N.N» de la barra de una solución la abre, sin errores."""
    page_rel = next(
        (
            p
            for p in _pages(site[0])
            if "solution dropdown" in (site[0] / p).read_text(encoding="utf-8")
        ),
        None,
    )
    assert page_rel is not None, "ninguna página tiene una solución desplegable"
    context, page, failed = _new_page(browser, server, WIDTHS["telefono"])
    try:
        page.goto(server + page_rel, wait_until="load")
        solution = page.locator(".solution.dropdown").first
        link = solution.locator(".admonition-title a").first
        link.scroll_into_view_if_needed()
        before = page.url
        assert "toggle-hidden" in (solution.get_attribute("class") or "")
        link.click()
        page.wait_for_timeout(300)
        opened = "toggle-hidden" not in (solution.get_attribute("class") or "")
        button = solution.locator(".toggle-button")
        expanded = button.get_attribute("aria-expanded")
        name = button.get_attribute("aria-label")
        link.click()
        page.wait_for_timeout(300)
        closed = "toggle-hidden" in (solution.get_attribute("class") or "")
        after = page.url
    finally:
        context.close()
    assert not failed, "\n".join(failed)
    assert opened and expanded == "true", "la solución no se abrió al tocar el enlace"
    assert closed, "un segundo toque no cerró la solución"
    assert after == before, f"el toque navegó a {after} en vez de abrir la solución"
    assert name and "Toggle" not in name, f"nombre accesible del botón: {name!r}"


SLIDER_JS = r"""
() => {
  const root = document.querySelector('.jq-interactive');
  if (!root) return null;
  const header = document.querySelector('.bd-header-article');
  const box = (el) => el.getBoundingClientRect();
  const controls = [...root.querySelectorAll('input[type=range], button')].map((el) => {
    const r = box(el);
    return {w: r.width, h: r.height, name: el.getAttribute('aria-label') || el.textContent};
  });
  const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c && !/rgba\(0, 0, 0, 0\)|transparent/.test(c)) return c;
    }
    return 'rgb(255, 255, 255)';
  };
  const contrast = [...root.querySelectorAll('figcaption, label')].map((el) => {
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(rgb(background(el)));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
  return {
    top: box(root.querySelector('.jq-controls')).top,
    bottom: box(root.querySelector('.jq-panels')).bottom,
    headerBottom: header ? box(header).bottom : 0,
    vh: innerHeight, controls, contrast,
  };
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_kappa_slider_on_a_phone(site, server, browser, scheme):
    """El deslizador de κ: blancos táctiles de 44 px, todo en pantalla y buen contraste."""
    if not site[1] == "" or not (site[0] / "book" / "dos_sujetos.html").is_file():
        pytest.skip("el deslizador de κ sólo está en el sitio real (book/dos_sujetos.html)")
    context, page, failed = _new_page(browser, server, WIDTHS["telefono"], color_scheme=scheme)
    try:
        page.goto(server + "book/dos_sujetos.html", wait_until="load")
        root = page.locator(".jq-interactive").first
        root.evaluate("(el) => el.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(200)
        # Lo que queda debajo del encabezado fijo del artículo.
        page.evaluate(
            "() => { const h = document.querySelector('.bd-header-article');"
            " window.scrollBy(0, -(h ? h.getBoundingClientRect().height : 0)); }"
        )
        page.wait_for_timeout(200)
        data = page.evaluate(SLIDER_JS)
        before = page.locator(".jq-interactive output").inner_text()
        page.locator(".jq-interactive .jq-step").last.click()
        after = page.locator(".jq-interactive output").inner_text()
        out_dir = CAPTURES
        out_dir.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out_dir / f"deslizador-kappa-390-{scheme}.png"))
    finally:
        context.close()
    assert data is not None, "book/dos_sujetos.html no tiene la figura interactiva"
    assert not failed, "\n".join(failed)
    small = [c for c in data["controls"] if c["w"] < 44 or c["h"] < 44]
    assert not small, f"controles de menos de 44 px: {small}"
    assert data["top"] >= data["headerBottom"] - 1 and data["bottom"] <= data["vh"] + 1, (
        f"los controles y los paneles no caben juntos en la pantalla: {data}"
    )
    assert min(data["contrast"]) >= 4.5, f"contraste de los títulos: {data['contrast']}"
    assert before != after, "el botón «valor siguiente» no cambió κ"
