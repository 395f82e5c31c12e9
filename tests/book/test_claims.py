"""Las afirmaciones de cada capítulo viven en el capítulo, junto al número que las respalda.

Una afirmación es una celda de código oculta (``remove-cell``) cuya primera
línea es ``# Afirmación (identificador): lo que dice el texto`` y que tiene al
menos un ``assert``; la construcción estricta del libro la ejecuta, así que una
afirmación falsa detiene la construcción (ver ``test_book_build.py``). Aquí se
comprueba que ninguna se borre en silencio: la lista de cada capítulo está en
``afirmaciones.yml`` y tiene que coincidir exactamente con las celdas.
"""

from __future__ import annotations

import ast
import re

import jupytext
import pytest
import yaml
from book_fixture import REPO_ROOT

MANIFEST = yaml.safe_load(
    (REPO_ROOT / "tests" / "book" / "afirmaciones.yml").read_text(encoding="utf-8")
)
CLAIM = re.compile(r"^# Afirmación \(([a-z0-9][a-z0-9-]*)\): \S")
CHAPTERS = sorted(
    p.stem
    for p in (REPO_ROOT / "book").glob("*.md")
    if "kernelspec:" in p.read_text(encoding="utf-8").split("\n---", 1)[0]
)


def claim_cells(name: str) -> dict[str, str]:
    """Identificador → código de las celdas de afirmación del capítulo ``name``."""
    nb = jupytext.read(REPO_ROOT / "book" / f"{name}.md")
    found = {}
    for cell in nb.cells:
        match = CLAIM.match(cell.source) if cell.cell_type == "code" else None
        if match:
            assert "remove-cell" in cell.metadata.get("tags", []), match.group(1)
            assert match.group(1) not in found, f"{name}: {match.group(1)} repetida"
            found[match.group(1)] = cell.source
    return found


def test_manifest_lists_every_notebook_chapter():
    assert set(MANIFEST) == set(CHAPTERS)


@pytest.mark.parametrize("name", CHAPTERS)
def test_chapter_has_exactly_the_listed_claims(name):
    cells = claim_cells(name)
    listed = MANIFEST[name] or []
    assert sorted(cells) == sorted(listed), (
        f"{name}: las afirmaciones del capítulo no coinciden con afirmaciones.yml "
        f"(faltan {sorted(set(listed) - set(cells))}, sobran {sorted(set(cells) - set(listed))})"
    )


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_claim_asserts_something(name):
    for claim, source in claim_cells(name).items():
        tree = ast.parse(source)
        asserts = [n for n in ast.walk(tree) if isinstance(n, ast.Assert)]
        assert asserts, f"{name}: la afirmación {claim} no tiene assert"
        for node in asserts:
            assert not (isinstance(node.test, ast.Constant) and node.test.value), (
                f"{name}: {claim} afirma una constante verdadera"
            )


@pytest.mark.parametrize("name", CHAPTERS)
def test_mcmc_chapters_check_convergence_with_the_book_thresholds(name):
    text = (REPO_ROOT / "book" / f"{name}.md").read_text(encoding="utf-8")
    fits = len(re.findall(r"\bfit(?:_sweep)?\(", text))
    if not fits:
        return
    assert "check_convergence(" in text, f"{name} ajusta modelos sin check_convergence"
    # Los umbrales del libro son los de check_convergence: r̂ < 1.01 y ESS >= 400.
    assert "rhat_max=" not in text and "min_ess=" not in text, (
        f"{name} relaja los umbrales de convergencia"
    )
