"""La construcción del libro es estricta y la caché de ejecución no queda obsoleta.

Cada prueba construye un libro mínimo con el ``_config.yml`` real del
proyecto y el mismo comando que el README (``scripts/build.sh``).
"""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from book_fixture import (
    GOOD_CHAPTER,
    NOTEBOOK_HEADER,
    REPO_ROOT,
    build_book,
    build_log,
    executions,
    load_module,
    make_book,
)

check_site = load_module(REPO_ROOT / "scripts" / "check_site.py", "check_site")

pytestmark = pytest.mark.book


def test_config_never_allows_errors():
    config = yaml.safe_load((REPO_ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["execute"]["allow_errors"] is False
    assert config["execute"]["raise_on_error"] is True
    assert config["execute"]["execute_notebooks"] == "cache"
    assert config["sphinx"]["config"]["language"] == "es"


BARS_CHAPTER = textwrap.dedent(
    """\
    (barras)=
    # Barras

    ```{code-cell} ipython3
    ---
    mystnb:
      figure:
        name: fig-barras
        caption: Unas barras.
      image:
        alt: Tres barras.
    ---
    import matplotlib.pyplot as plt

    plt.bar([0, 1, 2], [1, 2, 3])
    plt.show()
    ```

    La {numref}`fig-barras` tiene tres barras.
    """
)

BETA_CHAPTER = textwrap.dedent(
    """\
    (beta)=
    # Beta

    ```{code-cell} ipython3
    ---
    mystnb:
      figure:
        name: fig-beta
        caption: Densidades beta.
      image:
        alt: Cuatro densidades beta.
    ---
    from jerarquicos.plots.grid import beta_densities_figure
    from jerarquicos.plots.layout import show

    show(beta_densities_figure, omega=0.6, kappas=(2, 5, 20, 100))
    ```

    La {numref}`fig-beta` muestra cuatro curvas.
    """
)

FIGURES = textwrap.dedent(
    """\
    (figuras)=
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
    :name: fig-dos-barras

    Las dos barras.
    ```
    """
)


SHARED_TOC = textwrap.dedent(
    """\
    format: jb-book
    root: index
    chapters:
      - file: book/capitulo
      - file: book/barras
      - file: book/beta
      - file: book/figuras
    """
)


@pytest.fixture(scope="module")
def built_twice(tmp_path_factory):
    """Un libro de cuatro capítulos construido con ``MPLBACKEND=Agg`` heredado del entorno y,
    después de borrar el sitio, otra vez (de la caché de ejecución).

    Devuelve (libro, primera construcción, segunda, el cuaderno descargable de la primera).
    """
    chapter = (
        GOOD_CHAPTER + "\n```{code-cell} ipython3\nimport random\nprint(sorted({3, 1, 2}))\n```\n"
    )
    extra = {
        "book/barras.md": NOTEBOOK_HEADER + BARS_CHAPTER,
        "book/beta.md": NOTEBOOK_HEADER + BETA_CHAPTER,
        "book/figuras.md": NOTEBOOK_HEADER + FIGURES,
        "_toc.yml": SHARED_TOC,
    }
    book = make_book(tmp_path_factory.mktemp("dos-veces") / "libro", chapter, extra)
    first = build_book(book, env={"MPLBACKEND": "Agg"})
    assert first.returncode == 0, build_log(first)
    download = book / "_build" / "html" / "_sources" / "book" / "capitulo.ipynb"
    before = download.read_bytes()
    shutil.rmtree(book / "_build" / "html")  # la segunda sale de la caché de ejecución
    second = build_book(book)
    return book, first, second, before


def _page(book: Path, name: str) -> str:
    return (book / "_build" / "html" / "book" / f"{name}.html").read_text(encoding="utf-8")


def test_clean_book_builds_in_spanish(built_twice):
    book = built_twice[0]
    html = (book / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert 'lang="es"' in html
    chapter = _page(book, "capitulo")
    assert "resultado 42" in chapter
    # La matemática llega dibujada (SVG hecho al construir, con su MathML para los lectores
    # de pantalla): sin conexión y sin esperar un script de 1 MB, nada de TeX crudo.
    math = re.search(r'<span class="math[^"]*">(.*?)</span>', chapter, re.S)
    assert math and '<mjx-container class="MathJax" jax="SVG"' in math.group(1)
    assert "<svg" in math.group(1) and "<mjx-assistive-mml" in math.group(1)
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', chapter)
    assert not [src for src in scripts if "mathjax" in src.lower() or "tex-" in src], scripts


PACKAGE_CHAPTER = textwrap.dedent(
    """\
    (capitulo)=
    # Un capítulo

    ```{code-cell} ipython3
    from jerarquicos.valor import VALOR

    print("valor", VALOR)
    ```
    """
)


def _package_book(tmp_path, value):
    files = {
        "src/jerarquicos/__init__.py": "",
        "src/jerarquicos/valor.py": f"from .otro import X\nVALOR = {value!r}\n",
        "src/jerarquicos/otro.py": "X = 1\n",
        "src/jerarquicos/ajeno.py": "Y = 1\n",
    }
    book = make_book(tmp_path / "libro", PACKAGE_CHAPTER, files)
    return book


def test_a_chapter_reexecutes_only_when_what_it_imports_changes(tmp_path):
    """Sin la huella del capítulo, la segunda construcción mostraría el valor viejo."""
    book = _package_book(tmp_path, "uno")
    env = {"PYTHONPATH": str(book / "src")}
    page = book / "_build" / "html" / "book" / "capitulo.html"

    first = build_book(book, env=env)
    assert first.returncode == 0, build_log(first)
    assert executions(first.stdout) and "valor uno" in page.read_text(encoding="utf-8")
    # Lo ejecutó scripts/execute.py y jupyter-book lo tomó de la caché: es el mismo
    # cuaderno que lee myst-nb (si no, lo habría ejecutado otra vez).
    assert "ejecutado por execute.py" in first.stdout, build_log(first)
    assert "Executing notebook" not in first.stdout, build_log(first)

    # Sin cambios, o con un cambio en un módulo que el capítulo no usa: nada se ejecuta.
    (book / "src" / "jerarquicos" / "ajeno.py").write_text("Y = 2\n", encoding="utf-8")
    again = build_book(book, env=env)
    assert again.returncode == 0, build_log(again)
    assert not executions(again.stdout)

    # Un módulo que el capítulo importa de forma indirecta: se vuelve a ejecutar.
    (book / "src" / "jerarquicos" / "otro.py").write_text("X = 2\n", encoding="utf-8")
    (book / "src" / "jerarquicos" / "valor.py").write_text(
        "from .otro import X\nVALOR = 'dos'\n", encoding="utf-8"
    )
    second = build_book(book, env=env)
    assert second.returncode == 0, build_log(second)
    assert executions(second.stdout) and "valor dos" in page.read_text(encoding="utf-8")

    # Deshacer el cambio vuelve a una huella conocida: nada se ejecuta.
    (book / "src" / "jerarquicos" / "otro.py").write_text("X = 1\n", encoding="utf-8")
    (book / "src" / "jerarquicos" / "valor.py").write_text(
        "from .otro import X\nVALOR = 'uno'\n", encoding="utf-8"
    )
    reverted = build_book(book, env=env)
    assert reverted.returncode == 0, build_log(reverted)
    assert not executions(reverted.stdout)
    assert "valor uno" in page.read_text(encoding="utf-8")


def test_inherited_agg_backend_does_not_remove_figures(built_twice):
    """La primera construcción heredó ``MPLBACKEND=Agg``: la figura está igual."""
    assert '<img alt="Tres barras."' in _page(built_twice[0], "barras")


def test_phone_and_laptop_versions_of_a_figure(built_twice):
    book, first = built_twice[:2]
    html = _page(book, "beta")
    picture = re.search(
        r'<a class="[^"]*jq-figura[^"]*" href="([^"]+)"[^>]*><picture>(.*?)</picture>', html
    )
    assert picture, "falta el <picture> de la figura"
    svg = re.search(r'<source media="\(max-width: 600px\)" srcset="([^"]+\.svg)"', picture.group(2))
    png = re.search(
        r'<img src="([^"]+\.png)" alt="Cuatro densidades beta\." width="800"', picture.group(2)
    )
    assert svg and png, picture.group(2)
    assert picture.group(1) == svg.group(1), "el enlace para ampliar abre la versión vectorial"
    for uri in (svg.group(1), png.group(1)):
        assert (book / "_build" / "html" / "book" / uri).resolve().is_file(), uri
    assert html.count("fig-beta") >= 2 and "Duplicate" not in first.stdout + first.stderr


def test_notebook_figure_alt_mechanism(built_twice):
    """La metadata ``mystnb.image.alt`` llega al HTML; sin ella el control falla."""
    book = built_twice[0]
    html = _page(book, "figuras")
    n_figures = html.count('src="../_images/')
    assert n_figures == 3, (
        f"se esperaban 3 figuras en el HTML y hay {n_figures}: si el kernel hereda "
        "MPLBACKEND=Agg, plt.show() no muestra nada (ver scripts/bootstrap.sh)"
    )
    assert 'alt="Curva creciente de la función cuadrado entre 0 y 3"' in html
    assert 'alt="Dos barras: la del grupo b, de altura 5, supera a la del grupo a"' in html
    report = check_site.check_static(book / "_build" / "html")
    alt_problems = [p for p in report.problems if "alt" in p]
    # Exactamente una: la segunda figura, sin metadata (docutils le pone su ruta como alt).
    assert len(alt_problems) == 1, report.problems
    assert alt_problems[0].startswith("book/figuras.html:")
    assert "alt genérico" in alt_problems[0]
    assert [p for p in report.problems if "alt" not in p] == []


def test_downloadable_notebooks_are_identical_across_builds(built_twice):
    book, _first, second, before = built_twice
    assert second.returncode == 0, build_log(second)
    assert not executions(second.stdout)
    download = book / "_build" / "html" / "_sources" / "book" / "capitulo.ipynb"
    assert download.read_bytes() == before
    cells = json.loads(before)["cells"]
    assert [c["id"] for c in cells] == [f"celda-{i:03d}" for i in range(len(cells))]
    assert all(not c.get("outputs") for c in cells if c["cell_type"] == "code")


def test_plain_jupyter_book_build_works_as_the_readme_says(tmp_path):
    """El comando que los colaboradores conocen, sin scripts/build.sh ni sus variables."""
    import os
    import subprocess
    import sys

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "jupyter-book build ." in readme
    book = make_book(tmp_path / "libro", GOOD_CHAPTER)
    env = {k: v for k, v in os.environ.items() if not k.startswith("JERARQUICOS_BOOK")}
    env["MPLBACKEND"] = "Agg"
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    result = subprocess.run(
        ["jupyter-book", "build", "."],
        cwd=book,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, build_log(result)
    assert "resultado 42" in (book / "_build" / "html" / "book" / "capitulo.html").read_text(
        encoding="utf-8"
    )
