"""Gráficos de pooling (``jerarquicos.plots.pooling``): rápidas, sin MCMC."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from jerarquicos.plots import pooling as pp  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_plot_prior_sweep_returns_axes_and_uses_log_scale():
    estimates = pd.DataFrame({0.01: [0.0, 0.1], 10.0: [1.0, 2.0], 1.0: [0.5, 1.5]})
    ax = pp.plot_prior_sweep(estimates, sizes=[1, 50], hline=1.2, hline_label="pooling completo")
    assert ax.get_xscale() == "log"
    assert "varianza" in ax.get_xlabel()
    # las columnas se ordenan por varianza
    x, y = ax.lines[0].get_data()
    assert list(x) == [0.01, 1.0, 10.0] and list(y) == [0.0, 0.5, 1.0]
    _, given = plt.subplots()
    assert pp.plot_prior_sweep(estimates, ax=given) is given


def test_plot_prior_sweep_errors():
    with pytest.raises(TypeError, match="DataFrame"):
        pp.plot_prior_sweep([[1, 2]])
    with pytest.raises(ValueError, match="positivos"):
        pp.plot_prior_sweep(pd.DataFrame({0.0: [1.0], 1.0: [2.0]}))
    with pytest.raises(ValueError, match="misma longitud"):
        pp.plot_prior_sweep(pd.DataFrame({0.1: [1.0, 2.0], 1.0: [2.0, 3.0]}), sizes=[1, 2, 3])


def test_plot_estimates_by_size():
    ax = pp.plot_estimates_by_size(
        [1, 10, 100],
        [0.5, 1.0, 1.5],
        [0.3, 0.1, 0.05],
        center=1.0,
        center_label="media",
        jitter=0.1,
        random_seed=0,
    )
    assert ax.get_xscale() == "log"
    assert ax.get_xlabel().startswith("casas")
    assert ax.get_legend() is not None
    with pytest.raises(ValueError, match="misma longitud"):
        pp.plot_estimates_by_size([1, 2], [1.0])
    with pytest.raises(ValueError, match="positivos"):
        pp.plot_estimates_by_size([0, 2], [1.0, 2.0])
    with pytest.raises(ValueError, match="negativos"):
        pp.plot_estimates_by_size([1, 2], [1.0, 2.0], [-0.1, 0.1])
    with pytest.raises(ValueError, match="no finitos"):
        pp.plot_estimates_by_size([1, 2], [1.0, np.nan])


def test_plot_kept_fraction_draws_theoretical_curve():
    ax = pp.plot_kept_fraction([1, 5, 50], [0.14, 0.45, 0.89], ratio=6.0)
    x, y = ax.lines[1].get_data()
    assert np.allclose(y, x / (x + 6.0))
    with pytest.raises(ValueError, match="ratio"):
        pp.plot_kept_fraction([1, 5], [0.1, 0.4], ratio=-1.0)


def test_plot_agreement():
    ax = pp.plot_agreement([1.0, 2.0], [1.1, 1.9], xlabel="MixedLM", ylabel="Bambi")
    assert ax.get_xlabel() == "MixedLM" and ax.get_ylabel() == "Bambi"
    with pytest.raises(TypeError, match="numérico"):
        pp.plot_agreement(["a", "b"], [1.0, 2.0], xlabel="x", ylabel="y")


def test_plot_county_fits():
    data = pd.DataFrame(
        {"county": ["A", "A", "B"], "floor": [0, 1, 0], "log_radon": [1.0, 0.5, 2.0]}
    )
    fits = {
        "sin pooling": (1.0, -0.5),
        "pooling parcial": (1.1, -0.6),
        "pooling completo": (1.3, -0.6),
    }
    ax = pp.plot_county_fits(data, "A", fits, random_seed=0)
    assert ax.get_title() == "A (n = 2)"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["sótano", "planta baja"]
    dashed = [line for line in ax.lines if line.get_label() == "pooling completo"]
    assert dashed and dashed[0].get_linestyle() == "--"
    with pytest.raises(ValueError, match="no está"):
        pp.plot_county_fits(data, "Z", fits)
    with pytest.raises(TypeError, match="dict"):
        pp.plot_county_fits(data, "A", {})
    with pytest.raises(ValueError, match="ordenada, pendiente"):
        pp.plot_county_fits(data, "A", {"x": (1.0,)})
    with pytest.raises(ValueError, match="columnas"):
        pp.plot_county_fits(data.drop(columns="floor"), "A", fits)


def test_plot_tank_estimates_orders_by_density_and_separates_groups():
    density = [25, 10, 10, 35]
    observed = [0.5, 1.0, 0.6, 0.9]
    estimated = [0.55, 0.9, 0.65, 0.88]
    ax = pp.plot_tank_estimates(density, observed, estimated, population=0.8)
    x, y = ax.lines[0].get_data()
    assert list(y) == [1.0, 0.6, 0.5, 0.9]  # orden estable por densidad
    vertical = [
        line
        for line in ax.lines
        if list(line.get_xdata()) == [2.5, 2.5] or list(line.get_xdata()) == [3.5, 3.5]
    ]
    assert len(vertical) == 2
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["10 renacuajos", "25 renacuajos", "35 renacuajos"]
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        pp.plot_tank_estimates(density, [1.2, 1, 1, 1], estimated, population=0.8)
    with pytest.raises(ValueError, match="population"):
        pp.plot_tank_estimates(density, observed, estimated, population=1.5)


def test_plain_log_ticks():
    _, ax = plt.subplots()
    ax.set_xscale("log")
    ax.set_xlim(0.01, 1000)
    pp.plain_log_ticks(ax.xaxis)
    formatter = ax.xaxis.get_major_formatter()
    assert formatter(0.01, 0) == "0.01" and formatter(1000, 0) == "1000"
