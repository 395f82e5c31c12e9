"""La huella que nombra la carpeta de la caché de ejecución."""

from __future__ import annotations

import importlib.util

from book_fixture import REPO_ROOT

spec = importlib.util.spec_from_file_location(
    "execution_key", REPO_ROOT / "_ext" / "execution_key.py"
)
execution_key = importlib.util.module_from_spec(spec)
spec.loader.exec_module(execution_key)


def _tree(tmp_path):
    (tmp_path / "src" / "pkg").mkdir(parents=True)
    (tmp_path / "src" / "pkg" / "mod.py").write_text("A = 1\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.csv").write_text("a\n1\n")
    (tmp_path / "requirements.txt").write_text("numpy==2.4.6\n")
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "cap.md").write_text("# Hola\n")
    return tmp_path


def test_key_changes_with_src_data_and_requirements(tmp_path):
    root = _tree(tmp_path)
    key = execution_key.execution_key(root)
    for rel, text in [
        ("src/pkg/mod.py", "A = 2\n"),
        ("data/x.csv", "a\n2\n"),
        ("requirements.txt", "numpy==2.4.7\n"),
    ]:
        (root / rel).write_text(text)
        new = execution_key.execution_key(root)
        assert new != key, rel
        key = new


def test_key_ignores_chapters_and_bytecode(tmp_path):
    root = _tree(tmp_path)
    key = execution_key.execution_key(root)
    (root / "book" / "cap.md").write_text("# Hola, con más texto\n")
    (root / "src" / "pkg" / "__pycache__").mkdir()
    (root / "src" / "pkg" / "__pycache__" / "mod.cpython-311.pyc").write_bytes(b"\0")
    assert execution_key.execution_key(root) == key


def test_new_file_under_src_changes_key(tmp_path):
    root = _tree(tmp_path)
    key = execution_key.execution_key(root)
    (root / "src" / "pkg" / "nuevo.py").write_text("")
    assert execution_key.execution_key(root) != key
