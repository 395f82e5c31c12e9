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
from book_fixture import REPO_ROOT, build_book, executions, make_book

pytestmark = pytest.mark.book

GOOD = textwrap.dedent(
    """\
    (capitulo)=
    # Un capítulo

    Texto con matemática $\\pi \\mid \\omega$ y una celda.

    ```{code-cell} ipython3
    print("resultado", 6 * 7)
    ```
    """
)


def _log(result) -> str:
    return result.stdout[-4000:] + "\n" + result.stderr[-4000:]


def test_config_never_allows_errors():
    config = yaml.safe_load((REPO_ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["execute"]["allow_errors"] is False
    assert config["execute"]["raise_on_error"] is True
    assert config["execute"]["execute_notebooks"] == "cache"
    assert config["sphinx"]["config"]["language"] == "es"


def test_clean_book_builds_in_spanish(tmp_path):
    book = make_book(tmp_path / "libro", GOOD)
    result = build_book(book)
    assert result.returncode == 0, _log(result)
    html = (book / "_build" / "html" / "index.html").read_text(encoding="utf-8")
    assert 'lang="es"' in html
    chapter = (book / "_build" / "html" / "book" / "capitulo.html").read_text(encoding="utf-8")
    assert "resultado 42" in chapter
    # La matemática llega dibujada (SVG hecho al construir, con su MathML para los lectores
    # de pantalla): sin conexión y sin esperar un script de 1 MB, nada de TeX crudo.
    math = re.search(r'<span class="math[^"]*">(.*?)</span>', chapter, re.S)
    assert math and '<mjx-container class="MathJax" jax="SVG"' in math.group(1)
    assert "<svg" in math.group(1) and "<mjx-assistive-mml" in math.group(1)
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', chapter)
    assert not [src for src in scripts if "mathjax" in src.lower() or "tex-" in src], scripts


def test_raising_cell_fails_the_build_and_says_why(tmp_path):
    chapter = GOOD + '\n```{code-cell} ipython3\nraise ValueError("celda rota")\n```\n'
    result = build_book(make_book(tmp_path / "libro", chapter))
    assert result.returncode != 0
    # El resumen lo escribe _ext/cell_errors.py, igual en cualquier versión de Python.
    assert "Falló una celda en" in result.stderr
    assert "ValueError: celda rota" in result.stderr


def test_raises_exception_tag_is_the_only_way_to_show_an_error(tmp_path):
    chapter = GOOD + textwrap.dedent(
        """
        ```{code-cell} ipython3
        :tags: [raises-exception]
        raise ValueError("error mostrado a propósito")
        ```
        """
    )
    book = make_book(tmp_path / "libro", chapter)
    result = build_book(book)
    assert result.returncode == 0, _log(result)
    html = (book / "_build" / "html" / "book" / "capitulo.html").read_text(encoding="utf-8")
    assert "error mostrado a propósito" in html


def test_broken_cross_reference_fails_the_build(tmp_path):
    chapter = GOOD + "\nVer {ref}`una-etiqueta-que-no-existe`.\n"
    result = build_book(make_book(tmp_path / "libro", chapter))
    assert result.returncode != 0
    assert "una-etiqueta-que-no-existe" in _log(result)


def test_missing_image_fails_the_build(tmp_path):
    chapter = GOOD + "\n```{image} no_existe.png\n:alt: Una imagen que falta\n```\n"
    result = build_book(make_book(tmp_path / "libro", chapter))
    assert result.returncode != 0
    assert "no_existe.png" in _log(result)


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
    assert first.returncode == 0, _log(first)
    assert executions(first.stdout) and "valor uno" in page.read_text(encoding="utf-8")
    # Lo ejecutó scripts/execute.py y jupyter-book lo tomó de la caché: es el mismo
    # cuaderno que lee myst-nb (si no, lo habría ejecutado otra vez).
    assert "ejecutado por execute.py" in first.stdout, _log(first)
    assert "Executing notebook" not in first.stdout, _log(first)

    # Sin cambios, o con un cambio en un módulo que el capítulo no usa: nada se ejecuta.
    (book / "src" / "jerarquicos" / "ajeno.py").write_text("Y = 2\n", encoding="utf-8")
    again = build_book(book, env=env)
    assert again.returncode == 0, _log(again)
    assert not executions(again.stdout)

    # Un módulo que el capítulo importa de forma indirecta: se vuelve a ejecutar.
    (book / "src" / "jerarquicos" / "otro.py").write_text("X = 2\n", encoding="utf-8")
    (book / "src" / "jerarquicos" / "valor.py").write_text(
        "from .otro import X\nVALOR = 'dos'\n", encoding="utf-8"
    )
    second = build_book(book, env=env)
    assert second.returncode == 0, _log(second)
    assert executions(second.stdout) and "valor dos" in page.read_text(encoding="utf-8")

    # Deshacer el cambio vuelve a una huella conocida: nada se ejecuta.
    (book / "src" / "jerarquicos" / "otro.py").write_text("X = 1\n", encoding="utf-8")
    (book / "src" / "jerarquicos" / "valor.py").write_text(
        "from .otro import X\nVALOR = 'uno'\n", encoding="utf-8"
    )
    reverted = build_book(book, env=env)
    assert reverted.returncode == 0, _log(reverted)
    assert not executions(reverted.stdout)
    assert "valor uno" in page.read_text(encoding="utf-8")


def test_a_false_claim_stops_the_build(tmp_path):
    chapter = GOOD + textwrap.dedent(
        """
        ```{code-cell} ipython3
        :tags: [remove-cell]

        # Afirmación (seis-por-siete): el texto dice que 6 × 7 es 43.
        assert 6 * 7 == 43, "6 × 7 no es 43, como dice el texto"
        ```
        """
    )
    result = build_book(make_book(tmp_path / "libro", chapter))
    assert result.returncode != 0
    assert "Falló una celda" in result.stderr
    assert "AssertionError: 6 × 7 no es 43, como dice el texto" in result.stderr


def test_inherited_agg_backend_does_not_remove_figures(tmp_path):
    chapter = GOOD + textwrap.dedent(
        """
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
    book = make_book(tmp_path / "libro", chapter)
    result = build_book(book, env={"MPLBACKEND": "Agg"})
    assert result.returncode == 0, _log(result)
    html = (book / "_build" / "html" / "book" / "capitulo.html").read_text(encoding="utf-8")
    assert '<img alt="Tres barras."' in html


def test_phone_and_laptop_versions_of_a_figure(tmp_path):
    chapter = GOOD + textwrap.dedent(
        """
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
    book = make_book(tmp_path / "libro", chapter)
    result = build_book(book)
    assert result.returncode == 0, _log(result)
    html = (book / "_build" / "html" / "book" / "capitulo.html").read_text(encoding="utf-8")
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
    assert html.count("fig-beta") >= 2 and "Duplicate" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "fault, needle",
    [
        ("Ver {ref}`una-etiqueta-que-no-existe`.", "una-etiqueta-que-no-existe"),
        ("El valor es {glue:text}`clave_que_falta`.", "clave_que_falta"),
    ],
)
def test_a_broken_page_fails_every_build_not_only_the_first(tmp_path, fault, needle):
    book = make_book(tmp_path / "libro", GOOD + "\n" + fault + "\n")
    for attempt in ("primera", "segunda, sin cambios"):
        result = build_book(book)
        assert result.returncode != 0, f"la {attempt} construcción pasó con la página rota"
        assert needle in _log(result)


def test_a_chapter_missing_from_the_toc_fails_unless_excluded(tmp_path):
    extra = {"book/huerfano.md": "# Un capítulo que nadie enlaza\n"}
    book = make_book(tmp_path / "libro", GOOD, extra)
    result = build_book(book)
    assert result.returncode != 0
    assert "book/huerfano.md no está en _toc.yml" in _log(result)

    config = book / "_config.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "jerarquicos_excluded_docs: []", "jerarquicos_excluded_docs: [book/huerfano]"
        ),
        encoding="utf-8",
    )
    assert build_book(book).returncode == 0


def test_downloadable_notebooks_are_identical_across_builds(tmp_path):
    chapter = GOOD + "\n```{code-cell} ipython3\nimport random\nprint(sorted({3, 1, 2}))\n```\n"
    book = make_book(tmp_path / "libro", chapter)
    first = build_book(book)
    assert first.returncode == 0, _log(first)
    download = book / "_build" / "html" / "_sources" / "book" / "capitulo.ipynb"
    before = download.read_bytes()
    shutil.rmtree(book / "_build" / "html")  # la segunda sale de la caché de ejecución
    second = build_book(book)
    assert second.returncode == 0, _log(second)
    assert not executions(second.stdout)
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
    book = make_book(tmp_path / "libro", GOOD)
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
    assert result.returncode == 0, _log(result)
    assert "resultado 42" in (book / "_build" / "html" / "book" / "capitulo.html").read_text(
        encoding="utf-8"
    )
