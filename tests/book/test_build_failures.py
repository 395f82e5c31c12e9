"""Lo que hace fallar la construcción estricta, y lo único que la deja mostrar un error.

Cada prueba construye un libro mínimo con el ``_config.yml`` real del proyecto y
el mismo comando que el README (``scripts/build.sh``). Están aparte de
``test_book_build.py`` para que pytest-xdist reparta los dos archivos (cada uno
tarda ≈ 90 s) entre sus procesos.
"""

from __future__ import annotations

import textwrap

import pytest
from book_fixture import GOOD_CHAPTER, build_book, build_log, make_book

pytestmark = pytest.mark.book


def test_raising_cell_fails_the_build_and_says_why(tmp_path):
    chapter = GOOD_CHAPTER + '\n```{code-cell} ipython3\nraise ValueError("celda rota")\n```\n'
    result = build_book(make_book(tmp_path / "libro", chapter))
    assert result.returncode != 0
    # El resumen lo escribe _ext/cell_errors.py, igual en cualquier versión de Python.
    assert "Falló una celda en" in result.stderr
    assert "ValueError: celda rota" in result.stderr


def test_raises_exception_tag_is_the_only_way_to_show_an_error(tmp_path):
    chapter = GOOD_CHAPTER + textwrap.dedent(
        """
        ```{code-cell} ipython3
        :tags: [raises-exception]
        raise ValueError("error mostrado a propósito")
        ```
        """
    )
    book = make_book(tmp_path / "libro", chapter)
    result = build_book(book)
    assert result.returncode == 0, build_log(result)
    html = (book / "_build" / "html" / "book" / "capitulo.html").read_text(encoding="utf-8")
    assert "error mostrado a propósito" in html


def test_broken_cross_reference_fails_the_build(tmp_path):
    chapter = GOOD_CHAPTER + "\nVer {ref}`una-etiqueta-que-no-existe`.\n"
    result = build_book(make_book(tmp_path / "libro", chapter))
    assert result.returncode != 0
    assert "una-etiqueta-que-no-existe" in build_log(result)


def test_missing_image_fails_the_build(tmp_path):
    chapter = GOOD_CHAPTER + "\n```{image} no_existe.png\n:alt: Una imagen que falta\n```\n"
    result = build_book(make_book(tmp_path / "libro", chapter))
    assert result.returncode != 0
    assert "no_existe.png" in build_log(result)


def test_a_false_claim_stops_the_build(tmp_path):
    chapter = GOOD_CHAPTER + textwrap.dedent(
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


@pytest.mark.parametrize(
    "fault, needle",
    [
        ("Ver {ref}`una-etiqueta-que-no-existe`.", "una-etiqueta-que-no-existe"),
        ("El valor es {glue:text}`clave_que_falta`.", "clave_que_falta"),
    ],
)
def test_a_broken_page_fails_every_build_not_only_the_first(tmp_path, fault, needle):
    book = make_book(tmp_path / "libro", GOOD_CHAPTER + "\n" + fault + "\n")
    for attempt in ("primera", "segunda, sin cambios"):
        result = build_book(book)
        assert result.returncode != 0, f"la {attempt} construcción pasó con la página rota"
        assert needle in build_log(result)


def test_a_chapter_missing_from_the_toc_fails_unless_excluded(tmp_path):
    extra = {"book/huerfano.md": "# Un capítulo que nadie enlaza\n"}
    book = make_book(tmp_path / "libro", GOOD_CHAPTER, extra)
    result = build_book(book)
    assert result.returncode != 0
    assert "book/huerfano.md no está en _toc.yml" in build_log(result)

    config = book / "_config.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "jerarquicos_excluded_docs: []", "jerarquicos_excluded_docs: [book/huerfano]"
        ),
        encoding="utf-8",
    )
    assert build_book(book).returncode == 0
