"""Lo que hace fallar la construcción estricta, y lo único que la deja mostrar un error.

Las pruebas construyen libros mínimos con el ``_config.yml`` real del proyecto y el
mismo comando que el README (``scripts/build.sh``): uno con una falla distinta en cada
página (construido dos veces: una página rota falla también la segunda construcción,
sin cambios), uno que debe pasar y uno con una afirmación falsa. Cuatro construcciones
en vez de una por falla.
"""

from __future__ import annotations

import textwrap

import pytest
from book_fixture import GOOD_CHAPTER, NOTEBOOK_HEADER, build_book, build_log, make_book

pytestmark = pytest.mark.book


#: Cada falla en su página de un mismo libro: con ``--keep-going`` Sphinx avisa de todas en
#: una construcción, y cada aviso, convertido en error por ``-W``, basta para que falle.
#: (página, texto de la falla, lo que el registro debe decir de ella)
FAULTS = [
    ("book/ref", "Ver {ref}`una-etiqueta-que-no-existe`.", "una-etiqueta-que-no-existe"),
    ("book/imagen", "```{image} no_existe.png\n:alt: Una imagen que falta\n```", "no_existe.png"),
    ("book/glue", "El valor es {glue:text}`clave_que_falta`.", "clave_que_falta"),
    # _ext/clean_outputs.py: un aviso de Python en una salida de celda no se publica.
    (
        "book/aviso",
        '```{code-cell} ipython3\nimport warnings\n\nwarnings.warn("esto no debe publicarse", '
        "UserWarning, stacklevel=1)\n```",
        "una salida de celda publicaría un aviso de Python (UserWarning)",
    ),
]
FAULTY_TOC = "format: jb-book\nroot: index\nchapters:\n  - file: book/capitulo\n" + "".join(
    f"  - file: {page}\n" for page, _, _ in FAULTS
)


@pytest.fixture(scope="module")
def faulty_builds(tmp_path_factory):
    """Un libro con una falla distinta en cada página y un capítulo fuera del _toc.yml,
    construido dos veces sin cambios: (registro de la primera, registro de la segunda)."""
    extra = {f"{page}.md": f"{NOTEBOOK_HEADER}\n# {page}\n\n{fault}\n" for page, fault, _ in FAULTS}
    extra["book/huerfano.md"] = "# Un capítulo que nadie enlaza\n"
    extra["_toc.yml"] = FAULTY_TOC
    book = make_book(tmp_path_factory.mktemp("fallas") / "libro", GOOD_CHAPTER, extra)
    return [build_book(book) for _attempt in ("primera", "segunda, sin cambios")]


@pytest.mark.parametrize("page, fault, needle", FAULTS, ids=[f[0] for f in FAULTS])
def test_each_fault_is_reported_and_fails_every_build(faulty_builds, page, fault, needle):
    for attempt, result in zip(("primera", "segunda, sin cambios"), faulty_builds, strict=True):
        assert result.returncode != 0, f"la {attempt} construcción pasó con {page} rota"
        log = result.stdout + result.stderr
        assert any(needle in line and "WARNING" in line for line in log.splitlines()), (
            f"la {attempt} construcción no avisó de {needle!r} ({page}):\n" + build_log(result)
        )


def test_a_chapter_missing_from_the_toc_fails_the_build(faulty_builds):
    first = faulty_builds[0]
    assert first.returncode != 0
    assert "book/huerfano.md no está en _toc.yml" in first.stdout + first.stderr


def test_an_excluded_chapter_and_an_error_shown_on_purpose_build_cleanly(tmp_path):
    """Lo que sí pasa: un capítulo fuera del _toc.yml pero excluido en ``_config.yml``, y
    un error que se muestra a propósito (etiqueta ``raises-exception``, la única forma)."""
    chapter = GOOD_CHAPTER + textwrap.dedent(
        """
        ```{code-cell} ipython3
        :tags: [raises-exception]
        raise ValueError("error mostrado a propósito")
        ```
        """
    )
    book = make_book(
        tmp_path / "libro", chapter, {"book/huerfano.md": "# Un capítulo que nadie enlaza\n"}
    )
    config = book / "_config.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "jerarquicos_excluded_docs: []", "jerarquicos_excluded_docs: [book/huerfano]"
        ),
        encoding="utf-8",
    )
    result = build_book(book)
    assert result.returncode == 0, build_log(result)
    html = (book / "_build" / "html" / "book" / "capitulo.html").read_text(encoding="utf-8")
    assert "error mostrado a propósito" in html


def test_a_false_claim_stops_the_build_and_says_where_and_why(tmp_path):
    """Una afirmación falsa es una celda que falla: la construcción se detiene y el resumen
    (de ``_ext/cell_errors.py``, igual en cualquier versión de Python) dice dónde y por qué."""
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
    assert "Falló una celda en" in result.stderr
    assert "book/capitulo" in result.stderr.split("Falló una celda en", 1)[1].splitlines()[0]
    assert "AssertionError: 6 × 7 no es 43, como dice el texto" in result.stderr
