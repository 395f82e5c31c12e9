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

Cada página se visita una sola vez por ancho, con la visita de
``scripts/check_site.py`` (un perfil nuevo, el sitio servido comprimido como
GitHub Pages, sin red, axe-core y una captura). Con ``JERARQUICOS_VISITS`` las
pruebas leen las visitas que guardó ``check_site.py --visitas`` sobre el sitio
real, en vez de recorrerlo otra vez. Capturas de pantalla:
``artefactos/capturas/<página>-<ancho>.png`` (sitio real) o
``artefactos/capturas/libro-de-prueba/…``. axe-core es el ``axe.min.js`` del
paquete ``axe-playwright-python`` (fijado en requirements.txt) o el archivo que
indique ``JERARQUICOS_AXE_JS`` (p. ej. el de npm). Sin Chromium o sin
playwright la prueba se omite, salvo en CI (variable ``CI``), donde falla.
"""

from __future__ import annotations

import json
import os
import shutil
import textwrap
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


MATH_JS = check_site.MATH_JS


@pytest.fixture(scope="module")
def visits(site):
    """Lo que se vio de cada página a cada ancho, en una sola visita por página y ancho.

    La visita es la de ``scripts/check_site.py`` (:func:`check_site.check_browser`: un
    perfil nuevo por página, los dos anchos a la vez, axe-core y una captura). Con
    ``JERARQUICOS_VISITS`` se leen las visitas que ya guardó ``check_site.py --visitas``
    sobre ese mismo sitio (lo hace ``.ci/run``): el sitio real no se recorre dos veces.
    """
    site_dir, label = site
    given = os.environ.get("JERARQUICOS_VISITS")
    if given and not label:
        seen = json.loads(Path(given).read_text(encoding="utf-8"))
    else:
        axe = check_site.axe_source()
        if axe is None:
            _unavailable("falta axe-core (pip install -r requirements.txt: axe-playwright-python)")
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            _unavailable("falta playwright (pip install -r requirements.txt)")
        if _chromium_path() is None:
            _unavailable("falta Chromium (apt-get install chromium)")
        out_dir = CAPTURES / label if label else CAPTURES
        seen = check_site.check_browser(
            site_dir, pages=_pages(site_dir), axe=axe, shots=out_dir
        ).visits
    return [{**v, "shot": Path(v["shot"]) if v["shot"] else None} for v in seen]


# --------------------------------------------------------------------------- las pruebas


def test_every_chapter_was_visited(visits, site):
    pages = _pages(site[0])
    assert len(pages) >= 2
    seen = {(v["page"], v["width"]) for v in visits}
    missing = {(p, w) for p in pages for w in WIDTHS.values()} - seen
    assert not missing, f"páginas sin visitar: {sorted(missing)}"
    for visit in visits:
        assert visit["shot"].is_file() and visit["shot"].stat().st_size > 5_000


def test_no_horizontal_overflow(visits):
    problems = check_site.overflow_problems(visits)
    assert not problems, "\n".join(problems)


def test_pages_declare_spanish(visits):
    wrong = [
        f"{v['page']}: lang={v['overflow']['lang']!r}"
        for v in visits
        if not v["overflow"]["lang"].startswith("es")
    ]
    assert not wrong, "\n".join(wrong)


def test_math_is_drawn_at_build_time(visits):
    assert any(v["math"] for v in visits), (
        "ninguna página tiene matemática: ¿cambió el marcado de Sphinx?"
    )
    problems = check_site.math_problems(visits)
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
    context, page, _ = check_site.open_tab(
        browser, server, WIDTHS["telefono"], java_script_enabled=False
    )
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
    assert all(v["axe"] is not None for v in visits), "axe-core no corrió en alguna página"
    problems = check_site.axe_problems(visits)
    assert not problems, "axe-core encontró violaciones:\n" + "\n".join(problems)


def test_no_missing_resources_nor_console_errors(visits):
    missing = check_site.failed_problems(visits)
    assert not missing, "\n".join(missing)


def test_search_finds_the_chapter(site, server, browser):
    context, page, _ = check_site.open_tab(browser, server, WIDTHS["portatil"])
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
    context, page, failed = check_site.open_tab(browser, server, WIDTHS["telefono"])
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
    context, page, failed = check_site.open_tab(
        browser, server, WIDTHS["telefono"], color_scheme=scheme
    )
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
