"""Configuración común de las pruebas."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """Raíz del repositorio."""
    return REPO_ROOT


#: Cuánto pesa, a ojo, una prueba con cada marca (la marca dice qué hace, no cuánto tarda).
_WEIGHTS = {"install": 30.0, "book": 10.0, "browser": 5.0, "slow": 3.0}


def pytest_collection_modifyitems(config, items):
    """Los archivos más pesados primero (de ahí a los livianos), cada uno entero.

    pytest-xdist (``--dist loadfile``) reparte los archivos en el orden en que se
    recogieron: si el más pesado (la rueda y el Colab simulado) sale al final, un proceso
    trabaja solo el último minuto. Empezar por los pesados deja los livianos para rellenar.
    """
    weight: dict[str, float] = {}
    for item in items:
        marks = {mark.name for mark in item.iter_markers()}
        cost = max((w for name, w in _WEIGHTS.items() if name in marks), default=0.01)
        weight[_file(item)] = weight.get(_file(item), 0.0) + cost
    order = {id(item): i for i, item in enumerate(items)}
    items.sort(key=lambda item: (-weight[_file(item)], order[id(item)]))


def _file(item) -> str:
    return item.nodeid.split("::", 1)[0]
