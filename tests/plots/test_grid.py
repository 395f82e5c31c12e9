"""Los gráficos devuelven ejes, rotulan en castellano y validan su entrada."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import xarray as xr  # noqa: E402

from jerarquicos.plots import grid as plots  # noqa: E402
from jerarquicos.plots.style import axis_label, use_style  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _grid2d():
    pi = np.linspace(0, 1, 11)
    omega = np.linspace(0, 1, 6)
    values = np.outer(pi, omega)
    return xr.DataArray(values, dims=("pi_1", "omega"), coords={"pi_1": pi, "omega": omega})


def test_axis_label_handles_indexed_names():
    assert axis_label("pi_2") == r"$\pi_{2}$"
    assert axis_label("omega") == r"$\omega$"
    assert axis_label("otra") == "otra"


def test_raster_returns_axes_with_math_labels_and_lines():
    ax = plots.plot_grid_raster(_grid2d(), hlines=(0.6, 0.9))
    assert ax.get_xlabel() == r"$\pi_{1}$"
    assert ax.get_ylabel() == r"$\omega$"
    assert [line.get_ydata()[0] for line in ax.lines] == [0.6, 0.9]
    assert len(ax.figure.axes) == 2  # ejes + barra de colores


def test_raster_draws_on_given_axes_and_orients_omega_vertically():
    _, ax = plt.subplots()
    da = _grid2d()
    out = plots.plot_grid_raster(da, ax=ax, colorbar=False)
    assert out is ax
    mesh = ax.collections[0]
    # pcolormesh guarda filas = omega (6) y columnas = pi (11)
    assert mesh.get_array().shape == (6, 11)


def test_raster_rejects_bad_input():
    with pytest.raises(TypeError, match="'da'"):
        plots.plot_grid_raster(np.zeros((3, 3)))
    with pytest.raises(ValueError, match="'y'"):
        plots.plot_grid_raster(_grid2d(), y="kappa")
    with pytest.raises(ValueError, match="'x'"):
        plots.plot_grid_raster(_grid2d(), x="omega")
    with pytest.raises(ValueError, match="2 dimensión"):
        plots.plot_grid_raster(_grid2d().sum("pi_1"))


def test_distribution_plot():
    da = _grid2d().sum("pi_1")
    ax = plots.plot_grid_distribution(da, label="a priori")
    assert ax.get_xlabel() == r"$\omega$"
    assert ax.get_legend().get_texts()[0].get_text() == "a priori"
    np.testing.assert_allclose(ax.lines[0].get_ydata(), da.values)
    with pytest.raises(ValueError, match="1 dimensión"):
        plots.plot_grid_distribution(_grid2d())


def test_use_style_sets_moderate_resolution():
    use_style()
    assert plt.rcParams["savefig.dpi"] == 100
    assert plt.rcParams["image.cmap"] == "viridis"


def test_overlaid_distributions_are_not_clipped():
    x = np.linspace(0, 1, 11)
    low = xr.DataArray(np.ones(11), dims=("pi",), coords={"pi": x})
    ax = plots.plot_grid_distribution(low)
    plots.plot_grid_distribution(low * 5, ax=ax)
    bottom, top = ax.get_ylim()
    assert bottom == 0
    assert top >= 5
    plt.close("all")
