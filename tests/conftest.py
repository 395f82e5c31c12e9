"""Configuración común de las pruebas."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """Raíz del repositorio."""
    return REPO_ROOT
