"""El conjunto de béisbol de Efron y Morris (1975), incluido en el paquete."""

from __future__ import annotations

import numpy as np

from jerarquicos.data import load_dataset, loader


def test_efron_morris_shape_and_content(monkeypatch):
    monkeypatch.delenv(loader.DATA_DIR_ENV, raising=False)
    bat = load_dataset("efron_morris")
    assert bat.shape == (18, 7)
    assert list(bat.columns) == [
        "player",
        "team",
        "league",
        "hits",
        "at_bats",
        "rest_at_bats",
        "rest_average",
    ]
    assert (bat["at_bats"] == 45).all()
    assert bat["player"].is_unique and set(bat["league"]) == {"AL", "NL"}
    # Los extremos que cita el artículo: Clemente empezó con 18 hits (0.400) y Alvis con 7.
    first = bat.set_index("player")
    assert first.loc["Roberto Clemente", "hits"] == 18
    assert first.loc["Max Alvis", "hits"] == 7
    assert np.isclose(first.loc["Roberto Clemente", "rest_average"], 0.346)
    assert bat["hits"].is_monotonic_decreasing
    assert ((bat["rest_average"] > 0.15) & (bat["rest_average"] < 0.4)).all()
