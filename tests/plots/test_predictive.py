"""Figuras de las predictivas (``jerarquicos.plots.predictive``): rápidas, sin MCMC."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from jerarquicos.plots import predictive as pr  # noqa: E402
from jerarquicos.plots.layout import LAYOUTS, NARROW, WIDE, render  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _columns(fig):
    """Columnas de la grilla de paneles visibles."""
    panels = [ax for ax in fig.axes if ax.get_visible()]
    return len({ax.get_subplotspec().colspan.start for ax in panels})


@pytest.fixture(scope="module")
def draws():
    rng = np.random.default_rng(11)
    return {
        "pmf": np.full(21, 1 / 21),
        "a": rng.normal(1.0, 0.3, 800),
        "b": rng.normal(1.2, 0.6, 800),
        "surv": rng.binomial(25, 0.8, 800),
        "surv_new": rng.binomial(25, rng.beta(2, 1, 800)),
    }


def _figures(draws):
    return {
        "coins": (
            pr.coin_predictive_figure,
            ({"uno": (draws["pmf"], pr.EXISTING_COLOR), "nuevo": (draws["pmf"], pr.NEW_COLOR)},),
            {},
        ),
        "radon": (
            pr.radon_predictive_figure,
            (
                {
                    "nivel": {"A": (draws["a"], pr.EXISTING_COLOR, "-")},
                    "casa": {"A": (draws["b"], pr.NEW_COLOR, "--")},
                },
            ),
            {},
        ),
        "pairs": (
            pr.new_groups_figure,
            ({"iguales": (draws["a"], draws["a"]), "independientes": (draws["a"], draws["b"])},),
            {},
        ),
        "tanks": (
            pr.tank_predictive_figure,
            (
                {
                    "existente": (draws["surv"], pr.EXISTING_COLOR),
                    "nuevo": (draws["surv_new"], pr.NEW_COLOR),
                },
            ),
            {"density": 25},
        ),
    }


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda lay: lay.name)
def test_figures_render_legibly_in_both_layouts(draws, layout):
    for name, (draw, args, kwargs) in _figures(draws).items():
        out = render(draw, layout, *args, **kwargs)
        assert out["min_text_px"] >= 10, name


def test_multi_panel_figures_stack_in_the_narrow_layout(draws):
    for name in ("coins", "radon", "pairs"):
        draw, args, kwargs = _figures(draws)[name]
        assert _columns(draw(*args, layout=WIDE, **kwargs)) == 2, name
        assert _columns(draw(*args, layout=NARROW, **kwargs)) == 1, name


def test_new_groups_panels_share_square_limits(draws):
    fig = pr.new_groups_figure(
        {"iguales": (draws["a"], draws["a"]), "otra": (draws["a"], draws["b"])}, layout=WIDE
    )
    first, second = fig.axes[:2]
    assert first.get_xlim() == first.get_ylim() == second.get_xlim() == second.get_ylim()
    # en el panel de grupos idénticos los puntos caen sobre la diagonal
    x, y = first.lines[0].get_data()
    assert np.array_equal(x, y)


def test_tank_predictive_frequencies_sum_to_one(draws):
    fig = pr.tank_predictive_figure(
        {"existente": (draws["surv"], pr.EXISTING_COLOR)}, density=25, layout=WIDE
    )
    (ax,) = [a for a in fig.axes if a.get_visible()]
    heights = [patch.get_height() for patch in ax.patches]
    assert len(heights) == 26 and np.isclose(sum(heights), 1.0)
    with pytest.raises(ValueError, match="salen de"):
        pr.tank_predictive_figure({"x": ([0, 30], pr.NEW_COLOR)}, density=25, layout=WIDE)
    with pytest.raises(ValueError, match="density"):
        pr.tank_predictive_figure({"x": ([0, 3], pr.NEW_COLOR)}, density=0, layout=WIDE)


def test_drawers_validate_their_input():
    with pytest.raises(ValueError, match="negativos"):
        pr.plot_count_distribution([0.5, -0.1])
    with pytest.raises(ValueError, match="misma longitud"):
        pr.plot_new_group_pairs([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="every"):
        pr.plot_new_group_pairs([1.0], [1.0], every=0)
    with pytest.raises(ValueError, match="dict no vacío"):
        pr.coin_predictive_figure({}, layout=WIDE)
    ax = pr.plot_sample_density(np.linspace(0, 1, 50), range_=(0, 1))
    assert ax.get_ylabel() == "densidad"
