"""scripts/check_site.py: texto alternativo, peso de página y enlaces del sitio construido.

Las pruebas rápidas arman sitios HTML sintéticos pequeños (uno correcto y uno
por cada falla). La prueba ``book`` construye un libro mínimo con una figura
de matplotlib con texto alternativo (``mystnb: image: alt:``) y otra sin él,
para verificar el mecanismo que documenta CONTRIBUTING.md.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from book_fixture import REPO_ROOT, build_book, make_book

_spec = importlib.util.spec_from_file_location(
    "check_site", REPO_ROOT / "scripts" / "check_site.py"
)
check_site = importlib.util.module_from_spec(_spec)
sys.modules["check_site"] = check_site  # dataclasses lo busca allí
_spec.loader.exec_module(check_site)

GOOD_ALT = "Histograma de la distribución a posteriori de omega, con moda cerca de 0,7"

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head><link rel="stylesheet" href="{up}_static/theme.css?v=1"></head>
<body>
<nav><a href="{up}index.html">Portada</a> <a href="#contenido">Saltar</a></nav>
<main id="contenido">
<h1 id="titulo">Título</h1>
{body}
</main>
</body>
</html>
"""


def write_page(root: Path, rel: str, body: str = "", lang: str = "es") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    up = "../" * rel.count("/")
    path.write_text(PAGE.format(body=body, lang=lang, up=up), encoding="utf-8")
    return path


def clean_site(root: Path) -> Path:
    """Un sitio pequeño sin problemas: dos páginas, una figura, enlaces con ancla."""
    (root / "_static").mkdir(parents=True)
    (root / "_static" / "theme.css").write_text("body{}", encoding="utf-8")
    (root / "_images").mkdir()
    (root / "_images" / "abc123.png").write_bytes(b"\x89PNG" + b"0" * 20_000)
    write_page(
        root,
        "index.html",
        '<p><a href="book/capitulo.html#seccion-dos">Ir a la sección dos</a></p>'
        '<p><a href="book/">El capítulo por su carpeta</a></p>'
        '<p><a href="https://example.org/externo">externo</a> '
        '<a href="mailto:curso@example.org">correo</a></p>',
    )
    write_page(root, "book/index.html", "<p>Índice del capítulo</p>")
    write_page(
        root,
        "book/capitulo.html",
        f'<img src="../_images/abc123.png" alt="{GOOD_ALT}">'
        '<section id="seccion-dos"><h2>Dos <a href="#seccion-dos">¶</a></h2></section>'
        '<p><a href="../index.html#titulo">volver</a> '
        '<a href="capitulo.html?highlight=x#titulo">con consulta</a></p>',
    )
    return root


def run(root: Path, *args: str) -> tuple[int, str]:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = check_site.main([str(root), *args])
    return code, out.getvalue() + err.getvalue()


def test_clean_site_passes(tmp_path):
    code, output = run(clean_site(tmp_path / "sitio"))
    assert code == 0, output
    assert "Sin problemas" in output
    assert "book/capitulo.html" in output  # la lista de páginas más pesadas


def test_missing_site_is_reported(tmp_path):
    code, output = run(tmp_path / "no_existe")
    assert code == 2
    assert "no hay un sitio construido" in output


@pytest.mark.parametrize(
    ("img", "message"),
    [
        ('<img src="../_images/abc123.png">', "sin atributo alt"),
        ('<img src="../_images/abc123.png" alt="">', "alt vacío"),
        ('<img src="../_images/abc123.png" alt="   ">', "alt vacío"),
        ('<img src="../_images/abc123.png" alt="png">', "alt genérico"),
        ('<img src="../_images/abc123.png" alt="image">', "alt genérico"),
        ('<img src="../_images/abc123.png" alt="Figura 1">', "alt genérico"),
        ('<img src="../_images/abc123.png" alt="figura 2.3">', "alt genérico"),
        ('<img src="../_images/abc123.png" alt="output">', "alt genérico"),
        ('<img src="../_images/abc123.png" alt="Imagen">', "alt genérico"),
        # Lo que escribe docutils cuando una figura de matplotlib no tiene alt.
        ('<img src="../_images/abc123.png" alt="../_images/abc123.png">', "alt genérico"),
        ('<img src="../_images/abc123.png" alt="abc123.png">', "alt genérico"),
        (
            '<img src="../_images/abc123.png" alt="&lt;Figure size 640x480 with 1 Axes&gt;">',
            "alt genérico",
        ),
        ('<img src="../_images/abc123.png" alt="ok">', "demasiado corto"),
    ],
)
def test_bad_alt_text_is_reported(tmp_path, img, message):
    root = clean_site(tmp_path / "sitio")
    write_page(root, "book/otro.html", img)
    code, output = run(root)
    assert code == 1
    assert "book/otro.html" in output
    assert message in output
    assert "book/capitulo.html:" not in output  # la página correcta no se nombra


@pytest.mark.parametrize(
    ("svg", "ok"),
    [
        ('<svg role="img" aria-label="Curvas beta que cambian con el deslizador"></svg>', True),
        ('<svg role="img"><title>Curva beta con moda 0,6</title><path d="M0 0"/></svg>', True),
        ('<svg role="img" aria-labelledby="leyenda"></svg><p id="leyenda">Curvas</p>', True),
        ('<svg aria-hidden="true"><path d="M0 0"/></svg>', True),  # ícono decorativo
        ('<svg role="img"><path d="M0 0"/></svg>', False),
        ('<svg role="img" aria-label="grafico"></svg>', False),
    ],
)
def test_inline_svg_images_need_an_accessible_name(tmp_path, svg, ok):
    root = clean_site(tmp_path / "sitio")
    write_page(root, "book/interactiva.html", svg)
    code, output = run(root)
    assert (code == 0) == ok, output
    if not ok:
        assert "book/interactiva.html" in output and "svg role=img" in output


def test_meaningful_alt_passes():
    assert check_site.alt_problem(GOOD_ALT, "../_images/a.png") is None
    assert check_site.alt_problem("Logo de Colab", "logo_colab.png") is None
    assert check_site.alt_problem("Figura 1: radón medido por condado", "a.png") is None


def test_page_without_spanish_lang_is_reported(tmp_path):
    root = clean_site(tmp_path / "sitio")
    write_page(root, "book/ingles.html", "<p>Hola</p>", lang="en")
    code, output = run(root)
    assert code == 1
    assert "book/ingles.html" in output and 'lang="es"' in output


def test_heavy_page_is_reported_with_its_heaviest_image(tmp_path):
    root = clean_site(tmp_path / "sitio")
    (root / "_images" / "enorme.png").write_bytes(b"0" * 1_200_000)
    write_page(
        root,
        "book/pesada.html",
        f'<img src="../_images/enorme.png" alt="{GOOD_ALT}">'
        f'<img src="../_images/abc123.png" alt="{GOOD_ALT}">',
    )
    code, output = run(root)
    assert code == 1
    assert "book/pesada.html: la página pesa" in output
    assert "_images/enorme.png" in output
    # Con un límite mayor pasa, y la página encabeza la lista de las más pesadas.
    code, output = run(root, "--max-kb", "2000")
    assert code == 0, output
    heaviest = output.split("Páginas más pesadas")[1].splitlines()[1]
    assert "book/pesada.html" in heaviest


def test_images_count_once_and_shared_css_does_not_count(tmp_path):
    root = clean_site(tmp_path / "sitio")
    (root / "_static" / "theme.css").write_bytes(b"/*" + b"0" * 3_000_000 + b"*/")
    (root / "_images" / "media.png").write_bytes(b"0" * 600_000)
    img = f'<img src="../_images/media.png" alt="{GOOD_ALT}">'
    write_page(root, "book/repetida.html", img * 3)  # la misma figura tres veces: 600 kB
    code, output = run(root)
    assert code == 0, output


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ('<a href="no_existe.html">roto</a>', "no existe book/no_existe.html"),
        (
            '<a href="capitulo.html#no-hay-tal-seccion">ancla</a>',
            "no tiene id='no-hay-tal-seccion'",
        ),
        ('<a href="#tampoco">misma página</a>', "no tiene id='tampoco'"),
        ('<a href="../../fuera.html">fuera</a>', "fuera del sitio"),
        ('<img src="../_images/falta.png" alt="' + GOOD_ALT + '">', "no existe _images/falta.png"),
        ('<script src="../_static/falta.js"></script>', "no existe _static/falta.js"),
        (
            '<a href="../_static/falta%20con%20espacio.pdf">pdf</a>',
            "no existe _static/falta con espacio.pdf",
        ),
    ],
)
def test_broken_internal_links_are_reported(tmp_path, link, message):
    root = clean_site(tmp_path / "sitio")
    write_page(root, "book/enlaces.html", link)
    code, output = run(root)
    assert code == 1
    assert "book/enlaces.html" in output
    assert message in output


def test_external_links_are_not_fetched_by_default(tmp_path):
    root = clean_site(tmp_path / "sitio")
    write_page(root, "book/externo.html", '<a href="http://127.0.0.1:9/nada">nada</a>')
    code, output = run(root)
    assert code == 0, output
    assert "enlaces externos distintos" in output


def test_external_option_reports_broken_external_links(tmp_path):
    """--external pide cada enlace; aquí, a un servidor local (sin salir de la máquina)."""
    served = tmp_path / "servido"
    served.mkdir()
    (served / "existe.html").write_text("<p>hola</p>", encoding="utf-8")
    handler = partial(SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *a, **k: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        root = clean_site(tmp_path / "sitio")
        # clean_site enlaza example.org: lo reemplazamos por el servidor local.
        index = root / "index.html"
        index.write_text(
            index.read_text(encoding="utf-8").replace(
                "https://example.org/externo", f"{base}/existe.html"
            ),
            encoding="utf-8",
        )
        write_page(root, "book/externo.html", f'<a href="{base}/no_existe.html">roto</a>')
        code, output = run(root, "--external", "--timeout", "5")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert code == 1
    assert "book/externo.html: enlace externo roto" in output
    assert "HTTP 404" in output
    assert "existe.html'" not in output.replace("no_existe", "")


FIGURES = textwrap.dedent(
    """\
    (capitulo)=
    # Un capítulo con figuras

    ```{code-cell} ipython3
    ---
    mystnb:
      image:
        alt: Curva creciente de la función cuadrado entre 0 y 3
      figure:
        caption: La función cuadrado.
        name: fig-cuadrado
    ---
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1, 2, 3], [0, 1, 4, 9])
    plt.show()
    ```

    ```{code-cell} ipython3
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1, 2, 3], [9, 4, 1, 0])
    plt.show()
    ```

    ```{code-cell} ipython3
    from myst_nb import glue

    fig, ax = plt.subplots(figsize=(4, 3))
    ax.bar(["a", "b"], [3, 5])
    glue("fig_barras", fig, display=False)
    plt.close(fig)  # si no, el backend inline la muestra además aquí, sin alt
    ```

    ```{glue:figure} fig_barras
    :alt: Dos barras: la del grupo b, de altura 5, supera a la del grupo a
    :name: fig-barras

    Las dos barras.
    ```
    """
)


@pytest.mark.book
def test_notebook_figure_alt_mechanism(tmp_path):
    """La metadata ``mystnb.image.alt`` llega al HTML; sin ella el control falla."""
    book = make_book(tmp_path / "libro", FIGURES)
    result = build_book(book)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    site = book / "_build" / "html"
    html = (site / "book" / "capitulo.html").read_text(encoding="utf-8")
    n_figures = html.count('src="../_images/')
    assert n_figures == 3, (
        f"se esperaban 3 figuras en el HTML y hay {n_figures}: si el kernel hereda "
        "MPLBACKEND=Agg, plt.show() no muestra nada (ver scripts/bootstrap.sh)"
    )
    assert 'alt="Curva creciente de la función cuadrado entre 0 y 3"' in html
    assert 'alt="Dos barras: la del grupo b, de altura 5, supera a la del grupo a"' in html
    report = check_site.check_site(site)
    alt_problems = [p for p in report.problems if "alt" in p]
    # Exactamente una: la segunda figura, sin metadata (docutils le pone su ruta como alt).
    assert len(alt_problems) == 1, report.problems
    assert alt_problems[0].startswith("book/capitulo.html:")
    assert "alt genérico" in alt_problems[0]
    assert [p for p in report.problems if "alt" not in p] == []
