"""Figuras del capítulo «Intercambiabilidad»."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from jerarquicos.grid.collapsed import collapsed_posterior  # noqa: E402
from jerarquicos.plots import exchangeability as figs  # noqa: E402
from jerarquicos.plots.layout import LAYOUTS, NARROW, WIDE, render  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def posteriors():
    a = collapsed_posterior([12, 15, 11], [20, 20, 20], 2, 2, kappa=5).omega
    b = collapsed_posterior([5, 15, 11], [20, 20, 20], 2, 2, kappa=5).omega
    return a, a.copy(), a, b


def _radon():
    rng = np.random.default_rng(1)
    houses = pd.DataFrame({"floor": rng.integers(0, 2, 60), "log_radon": rng.normal(1, 1, 60)})
    counties = pd.DataFrame(
        {
            "log_uranium": rng.normal(0, 0.4, 8),
            "log_radon": rng.normal(1, 0.5, 8),
            "houses": rng.integers(1, 20, 8),
        }
    )
    return counties, houses


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda lay: lay.name)
def test_figures_render_legibly(posteriors, layout):
    assert render(figs.permutation_figure, layout, *posteriors)["min_text_px"] >= 10
    assert render(figs.uranium_floor_figure, layout, *_radon())["min_text_px"] >= 10


def test_two_panels_side_by_side_wide_and_stacked_narrow(posteriors):
    for draw, args in (
        (figs.permutation_figure, posteriors),
        (figs.uranium_floor_figure, _radon()),
    ):
        wide, narrow = draw(*args, layout=WIDE), draw(*args, layout=NARROW)
        assert len({round(ax.get_position().x0, 2) for ax in wide.axes}) == 2
        assert len({round(ax.get_position().x0, 2) for ax in narrow.axes}) == 1


def test_permuted_posterior_is_drawn_as_points_on_the_curve(posteriors):
    original, permuted, _, _ = posteriors
    ax = figs.plot_omega_posteriors(original, permuted, labels=("a", "b"), dotted=True)
    line, dots = ax.lines
    assert dots.get_linestyle() == "None"
    np.testing.assert_allclose(dots.get_ydata(), original.values[::3])
    assert ax.get_ylim()[1] > float(original.max())  # queda lugar para la leyenda


def test_figures_validate_their_input(posteriors):
    with pytest.raises(TypeError, match="'first'"):
        figs.plot_omega_posteriors(np.zeros(3), posteriors[0], labels=("a", "b"))
    counties, houses = _radon()
    with pytest.raises(ValueError, match="'counties'"):
        figs.plot_radon_by_uranium(counties.drop(columns="houses"))
    with pytest.raises(ValueError, match="'radon'"):
        figs.plot_radon_by_floor(houses.drop(columns="floor"))
