"""La construcción del libro es estricta y la caché de ejecución no queda obsoleta.

Cada prueba construye un libro mínimo con el ``_config.yml`` real del
proyecto y el mismo comando que el README (``scripts/build.sh``).
"""

from __future__ import annotations

import textwrap

import pytest
import yaml
from book_fixture import REPO_ROOT, build_book, make_book

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


EXECUTING = "Executing notebook"  # lo que myst-nb escribe al ejecutar un cuaderno


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
    # MathJax se sirve desde el propio sitio: las fórmulas se ven sin conexión.
    assert 'src="../_static/mathjax/tex-chtml.js"' in chapter
    assert "cdn.jsdelivr.net/npm/mathjax" not in chapter
    static = book / "_build" / "html" / "_static" / "mathjax"
    assert (static / "tex-chtml.js").stat().st_size > 500_000
    assert any((static / "output" / "chtml" / "fonts" / "woff-v2").glob("*.woff"))


def test_raising_cell_fails_the_build(tmp_path):
    chapter = GOOD + '\n```{code-cell} ipython3\nraise ValueError("celda rota")\n```\n'
    result = build_book(make_book(tmp_path / "libro", chapter))
    assert result.returncode != 0
    assert "celda rota" in _log(result)


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


def test_change_in_src_reexecutes_notebooks(tmp_path):
    """Sin la huella de src/ en la caché, la segunda construcción mostraría el valor viejo."""
    chapter = textwrap.dedent(
        """\
        (capitulo)=
        # Un capítulo

        ```{code-cell} ipython3
        from pathlib import Path
        print("valor", Path("../src/valor.txt").read_text().strip())
        ```
        """
    )
    book = make_book(tmp_path / "libro", chapter, {"src/valor.txt": "uno\n"})
    page = book / "_build" / "html" / "book" / "capitulo.html"

    first = build_book(book)
    assert first.returncode == 0, _log(first)
    assert "valor uno" in page.read_text(encoding="utf-8")

    assert EXECUTING in first.stdout

    # Sin cambios: nada se vuelve a ejecutar.
    again = build_book(book)
    assert again.returncode == 0, _log(again)
    assert EXECUTING not in again.stdout

    (book / "src" / "valor.txt").write_text("dos\n", encoding="utf-8")
    second = build_book(book)
    assert second.returncode == 0, _log(second)
    assert EXECUTING in second.stdout
    assert "valor dos" in page.read_text(encoding="utf-8")

    # Deshacer el cambio reutiliza la caché anterior: nada se ejecuta.
    (book / "src" / "valor.txt").write_text("uno\n", encoding="utf-8")
    reverted = build_book(book)
    assert reverted.returncode == 0, _log(reverted)
    assert EXECUTING not in reverted.stdout
    assert "valor uno" in page.read_text(encoding="utf-8")
