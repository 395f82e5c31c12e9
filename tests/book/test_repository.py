"""La estructura del repositorio cumple lo que promete el README."""

from __future__ import annotations

import re

import jupytext
import pytest
import yaml
from book_fixture import REPO_ROOT, load_module

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    section = README.split("## Inicio rápido", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_quick_start_has_exactly_two_commands():
    commands = _quick_start_commands()
    assert commands == ["bash scripts/build.sh", "bash scripts/test.sh"]


def test_ci_runs_the_readme_test_command_and_the_strict_build():
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = _quick_start_commands()[1]
    assert test_command in ci
    assert "bash scripts/build.sh --strict" in ci
    assert "-eq 5" in ci  # pytest sin pruebas no pasa inadvertido


def test_requirements_are_exact_pins():
    lines = [
        line
        for line in (REPO_ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    loose = [line for line in lines if not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[^=<>~!]+", line)]
    assert not loose, loose
    names = {line.split("==")[0].lower().replace("_", "-") for line in lines}
    for needed in (
        "jupyter-book",
        "sphinx",
        "myst-nb",
        "bambi",
        "pymc",
        "nutpie",
        "arviz",
        "pandas",
        "numpy",
        "scipy",
        "xarray",
        "matplotlib",
        "sphinx-book-theme",
        "pydata-sphinx-theme",
        "sphinxcontrib-bibtex",
        "jupytext",
    ):
        assert needed in names, needed
    pins = dict(line.lower().split("==") for line in lines)
    assert pins["jupyter-book"].startswith("1."), "jupyter-book 2 es otra herramienta"
    major, minor = (int(x) for x in pins["matplotlib"].split(".")[:2])
    assert (major, minor) < (3, 11), "arviz-plots 0.8 no importa con matplotlib 3.11"


TOC = yaml.safe_load((REPO_ROOT / "_toc.yml").read_text(encoding="utf-8"))
TOC_FILES = [ch["file"] for part in TOC["parts"] for ch in part["chapters"]]
NOTEBOOK_CHAPTERS = [
    f for f in TOC_FILES if f not in {"book/glosario", "book/bibliografia", "book/estado"}
]


def test_toc_covers_the_whole_lecture():
    expected = {
        "book/una_moneda",
        "book/dos_sujetos",
        "book/shrinkage",
        "book/radon",
        "book/corredores",
        "book/renacuajos",
        "book/intercambiabilidad",
        "book/predictivas",
        "book/resumen",
        "book/glosario",
        "book/bibliografia",
        "book/estado",
    }
    assert expected <= set(TOC_FILES)
    assert "{nb-exec-table}" in (REPO_ROOT / "book" / "estado.md").read_text(encoding="utf-8")
    assert "{bibliography}" in (REPO_ROOT / "book" / "bibliografia.md").read_text(encoding="utf-8")
    glossary = (REPO_ROOT / "book" / "glosario.md").read_text(encoding="utf-8")
    for term in ("Pooling completo", "Shrinkage", "Intercambiabilidad", "Hiperparámetro"):
        assert f"\n{term}\n" in glossary, term


def test_bibliography_has_the_course_sources():
    bib = (REPO_ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    for key in (
        "kruschke2015",
        "gelman2007",
        "mcelreath2020",
        "johnson2022",
        "efron1977",
        "vonesh2005",
    ):
        assert "{" + key + "," in bib, key


def _notebooks_module():
    return load_module(REPO_ROOT / "scripts" / "notebooks.py", "notebooks")


notebooks = _notebooks_module()


@pytest.mark.parametrize("docname", NOTEBOOK_CHAPTERS)
def test_chapter_is_a_paired_myst_notebook_with_a_label(docname):
    md = REPO_ROOT / f"{docname}.md"
    text = md.read_text(encoding="utf-8")
    nb = jupytext.read(md)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert "md:myst,ipynb" in nb.metadata["jupytext"]["formats"]
    # Tras la celda de preparación para Colab, la etiqueta y el título.
    body = text.split("---\n", 2)[2].lstrip()
    after_setup = body.split("\n```\n", 1)[1].lstrip()
    assert re.match(r"\([a-z0-9-]+\)=\n# ", after_setup), "falta la etiqueta antes del título"
    assert "TODO" not in text and "PENDIENTE" not in text


@pytest.mark.parametrize("docname", NOTEBOOK_CHAPTERS)
def test_notebook_begins_with_the_colab_setup_cell_of_this_repository(docname):
    nb = jupytext.read(REPO_ROOT / f"{docname}.ipynb")
    first = next(c for c in nb.cells if c.cell_type == "code")
    url = yaml.safe_load((REPO_ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"][
        "url"
    ]
    assert first.source == notebooks.setup_cell_source(url.rstrip("/"), "main")
    assert f"git+{url}@main" in first.source
    assert "remove-cell" in first.metadata.get("tags", [])


def test_paired_ipynb_are_in_sync_deterministic_and_without_outputs():
    """El .ipynb emparejado existe para Colab/Binder y debe coincidir con el .md."""
    problems = notebooks.sync(REPO_ROOT, check=True)
    assert not problems, "corra python scripts/notebooks.py:\n" + "\n".join(problems)
    for docname in NOTEBOOK_CHAPTERS:
        ipynb = jupytext.read(REPO_ROOT / f"{docname}.ipynb")
        for cell in ipynb.cells:
            if cell.cell_type == "code":
                assert not cell.get("outputs"), f"{docname}.ipynb tiene salidas guardadas"


def test_code_passes_the_linter():
    """``ruff check`` (configurado en pyproject.toml) sobre el paquete, las pruebas y los .ipynb."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", str(REPO_ROOT)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
