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


# ------------------------------------------------------------ figuras de los capítulos de grilla

from jerarquicos.grid.brute_force import grid_posterior  # noqa: E402
from jerarquicos.grid.sweeps import marginals_by_kappa  # noqa: E402
from jerarquicos.plots.layout import LAYOUTS, NARROW, WIDE, render  # noqa: E402


def _columns(fig):
    """Número de columnas distintas de paneles visibles (sin barras de colores)."""
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]
    return len({round(ax.get_position().x0, 2) for ax in panels})


@pytest.fixture(scope="module")
def coin():
    return grid_posterior(3, 9, 2, 2, kappa=5)


@pytest.fixture(scope="module")
def subjects():
    return grid_posterior([5, 4], [20, 8], 2, 2, kappa=5)


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda lay: lay.name)
def test_coin_figures_render_legibly_in_both_layouts(coin, layout):
    for draw in (plots.coin_prior_figure, plots.coin_posterior_figure):
        out = render(draw, layout, coin)  # falla si la letra queda por debajo del mínimo
        assert out["min_text_px"] >= 10


def test_coin_prior_figure_panels_titles_and_relative_colorbar(coin):
    fig = plots.coin_prior_figure(coin, omegas=(0.6, 0.9), layout=WIDE)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titles == [
        r"$p(\pi, \omega)$",
        r"$p(\omega)$",
        r"$p(\pi \mid \omega = 0.6)$",
        r"$p(\pi \mid \omega = 0.9)$",
    ]
    bar = next(ax for ax in fig.axes if ax.get_label() == "<colorbar>")
    assert [t.get_text() for t in bar.get_yticklabels()] == ["0", "máx."]
    assert _columns(fig) == 2


def test_coin_figures_reject_more_than_one_coin(subjects):
    with pytest.raises(ValueError, match="1 sujeto"):
        plots.coin_prior_figure(subjects, layout=WIDE)
    with pytest.raises(TypeError, match="GridPosterior"):
        plots.coin_posterior_figure("res", layout=WIDE)


def test_subject_rasters_reflow_from_three_columns_to_two(subjects):
    wide = plots.subject_rasters_figure(subjects, layout=WIDE)
    narrow = plots.subject_rasters_figure(subjects, layout=NARROW)
    assert _columns(wide) == 3 and _columns(narrow) == 2
    # Ancha: cada fila es un sujeto. Angosta: cada fila es una distribución.
    wide_titles = [ax.get_title() for ax in wide.axes if ax.get_title()]
    narrow_titles = [ax.get_title() for ax in narrow.axes if ax.get_title()]
    assert wide_titles[:3] == [
        r"$p(\pi_{1}, \omega)$",
        r"$p(y_{1} \mid \pi_{1})$",
        r"$p(\pi_{1}, \omega \mid y)$",
    ]
    assert narrow_titles[:2] == [r"$p(\pi_{1}, \omega)$", r"$p(\pi_{2}, \omega)$"]
    assert sorted(wide_titles) == sorted(narrow_titles)
    for layout in LAYOUTS:
        assert render(plots.subject_rasters_figure, layout, subjects)["min_text_px"] >= 10


def test_relative_raster_scales_to_one():
    ax = plots.plot_grid_raster(_grid2d(), relative=True)
    mesh = ax.collections[0]
    assert float(mesh.get_array().max()) == pytest.approx(1.0)
    assert mesh.get_clim() == (0.0, 1.0)


def test_marginal_figures_stack_in_the_narrow_layout(subjects):
    frames = marginals_by_kappa([5, 4], [20, 8], 2, 2, [2, 5, 100])
    cases = [
        (plots.subject_marginals_figure, (subjects,)),
        (plots.kappa_marginals_figure, (frames, [2, 5, 100], [0.25, 0.5])),
    ]
    for draw, args in cases:
        assert _columns(draw(*args, layout=WIDE)) == 3
        assert _columns(draw(*args, layout=NARROW)) == 1
        for layout in LAYOUTS:
            assert render(draw, layout, *args)["min_text_px"] >= 10


def test_kappa_marginals_figure_validates_its_input():
    frames = marginals_by_kappa([5, 4], [20, 8], 2, 2, [5])
    with pytest.raises(ValueError, match="'proportions'"):
        plots.kappa_marginals_figure(frames, [5], [0.25], layout=WIDE)
    with pytest.raises(ValueError, match="'frames'"):
        plots.kappa_marginals_figure({"pi_1": frames["pi_1"]}, [5], [], layout=WIDE)
