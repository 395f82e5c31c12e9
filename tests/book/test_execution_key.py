"""La huella por capítulo: qué cambio vuelve a ejecutar qué capítulo (sin construir nada)."""

from __future__ import annotations

import functools
import shutil

import jupytext
import pytest
from book_fixture import REPO_ROOT, load_module

execution_key = load_module(REPO_ROOT / "_ext" / "execution_key.py", "execution_key")

CHAPTERS = sorted(
    p.stem for p in (REPO_ROOT / "book").glob("*.md") if execution_key._is_notebook(p.read_text())
)


def _package(tmp_path):
    pkg = tmp_path / "src" / "jerarquicos"
    (pkg / "grid").mkdir(parents=True)
    (pkg / "plots").mkdir()
    (pkg / "data").mkdir()
    (pkg / "__init__.py").write_text('"""raíz"""\n')
    (pkg / "validation.py").write_text("def check():\n    return 1\n")
    (pkg / "grid" / "__init__.py").write_text("")
    (pkg / "grid" / "engine.py").write_text("from ..validation import check\n")
    (pkg / "plots" / "__init__.py").write_text("")
    lazy = "def lazy():\n    from jerarquicos.grid import engine\n"
    (pkg / "plots" / "figures.py").write_text(lazy)
    (pkg / "plots" / "other.py").write_text("X = 1\n")
    (pkg / "data" / "__init__.py").write_text("")
    (pkg / "data" / "registry.py").write_text(
        "DATASETS = {'uno': DatasetInfo(name='uno', filename='uno.csv', sha256='x')}\n"
    )
    (pkg / "data" / "uno.csv").write_text("a\n1\n")
    (pkg / "data" / "dos.csv").write_text("a\n2\n")
    (tmp_path / "requirements.txt").write_text("numpy==2.4.6\n")
    return pkg


def test_closure_follows_relative_lazy_and_parent_imports(tmp_path):
    pkg = _package(tmp_path)
    found = execution_key.module_closure(pkg, ["from jerarquicos.plots.figures import lazy"])
    assert set(found) == {
        "jerarquicos",
        "jerarquicos.plots",
        "jerarquicos.plots.figures",
        "jerarquicos.grid",
        "jerarquicos.grid.engine",
        "jerarquicos.validation",
    }


def test_from_package_import_submodule_and_magics(tmp_path):
    pkg = _package(tmp_path)
    code = ["%matplotlib inline\nfrom jerarquicos.plots import other as o\n", "def (: roto"]
    assert set(execution_key.module_closure(pkg, code)) == {
        "jerarquicos",
        "jerarquicos.plots",
        "jerarquicos.plots.other",
    }


def test_key_follows_used_modules_data_and_environment(tmp_path):
    pkg = _package(tmp_path)
    code = ["from jerarquicos.plots.figures import lazy\nload_dataset('uno')\n"]

    def key():
        return execution_key.chapter_key(execution_key.chapter_inputs(tmp_path, pkg, code))

    base = key()
    (pkg / "plots" / "other.py").write_text("X = 2\n")  # no lo usa
    (pkg / "data" / "dos.csv").write_text("a\n3\n")  # no lo carga
    assert key() == base
    for path, text in [
        (pkg / "validation.py", "def check():\n    return 2\n"),
        (pkg / "data" / "uno.csv", "a\n9\n"),
        (tmp_path / "requirements.txt", "numpy==2.4.7\n"),
        (tmp_path / "pyproject.toml", "[project]\n"),
    ]:
        path.write_text(text)
        new = key()
        assert new != base, path
        base = new


@functools.cache
def _code(name: str) -> tuple[str, ...]:
    nb = jupytext.read(REPO_ROOT / "book" / f"{name}.md")
    return tuple(c.source for c in nb.cells if c.cell_type == "code")


def _keys(root):
    pkg = root / "src" / "jerarquicos"
    return {
        name: execution_key.chapter_key(execution_key.chapter_inputs(root, pkg, list(_code(name))))
        for name in CHAPTERS
    }


@pytest.fixture
def copy_of_repo(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(
        REPO_ROOT / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    for name in execution_key.ENVIRONMENT_FILES:
        shutil.copy(REPO_ROOT / name, root / name)
    return root


def _reexecuted(root, edit):
    before = _keys(root)
    edit(root)
    after = _keys(root)
    return {name for name in CHAPTERS if before[name] != after[name]}


def _append(rel):
    def edit(root):
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8") + "\n# cambio\n", encoding="utf-8")

    return edit


def _uses(name, module):
    text = (REPO_ROOT / "book" / f"{name}.md").read_text(encoding="utf-8")
    return f"jerarquicos.{module}" in text


def test_editing_the_runners_plots_reexecutes_only_the_runners_chapter(copy_of_repo):
    assert _reexecuted(copy_of_repo, _append("src/jerarquicos/plots/runners.py")) == {"corredores"}


def test_editing_the_grid_engine_reexecutes_only_the_grid_chapters(copy_of_repo):
    changed = _reexecuted(copy_of_repo, _append("src/jerarquicos/grid/_logspace.py"))
    grid_chapters = {name for name in CHAPTERS if _uses(name, "grid")}
    assert changed == grid_chapters
    assert "una_moneda" in changed and "radon" not in changed


def test_editing_requirements_reexecutes_every_chapter(copy_of_repo):
    assert _reexecuted(copy_of_repo, _append("requirements.txt")) == set(CHAPTERS)


def test_editing_the_data_readme_changes_no_key(copy_of_repo):
    assert _reexecuted(copy_of_repo, _append("src/jerarquicos/data/README.md")) == set()
