"""Figuras del capítulo «Shrinkage»: se leen en las dos diagramaciones y validan su entrada."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

from jerarquicos.grid.partial_pooling import mse_by_size, simulate_pooling  # noqa: E402
from jerarquicos.plots import shrinkage as figs  # noqa: E402
from jerarquicos.plots.layout import LAYOUTS, NARROW, WIDE, render  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _arrows():
    rows = []
    for kappa, omega, post in ((5, 0.41, (0.29, 0.48)), (100, 0.35, (0.34, 0.36))):
        center = (omega * (kappa - 2) + 1) / kappa
        for s, (obs, p) in enumerate(zip((0.25, 0.5), post, strict=True), start=1):
            rows.append(
                {
                    "κ": kappa,
                    "sujeto": s,
                    "observada": obs,
                    "a posteriori": p,
                    "E[ω | y]": omega,
                    "centro c": center,
                }
            )
    return pd.DataFrame(rows).set_index(["κ", "sujeto"])


def _risk():
    return pd.DataFrame(
        {"máxima verosimilitud": [10.0, 10.0, 10.0], "James–Stein": [2.2, 5.0, 9.8]},
        index=pd.Index([0.0, 1.0, 8.0], name="tau"),
    )


@pytest.fixture(scope="module")
def simulation():
    sim = simulate_pooling(np.repeat([5, 20], 4), 20, np.random.default_rng(0))
    return sim[sim["sim"] == 0], mse_by_size(sim)


def _cases(simulation):
    example, mse = simulation
    y2 = pd.DataFrame({2: [0.27] * 3, 100: [0.2, 0.3, 0.4]}, index=pd.Index([0, 4, 8]))
    return [
        (figs.dependency_graph_figure, (), {}),
        (figs.pi1_by_y2_figure, (y2,), {"observed": 0.25}),
        (figs.shrinkage_arrows_figure, (_arrows(),), {}),
        (figs.james_stein_risk_figure, (_risk(),), {}),
        (figs.pooling_simulation_figure, (example, mse), {}),
    ]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda lay: lay.name)
def test_every_figure_renders_with_legible_text(simulation, layout):
    for draw, args, kwargs in _cases(simulation):
        out = render(draw, layout, *args, **kwargs)
        assert out["min_text_px"] >= 10, draw.__name__


def test_arrows_go_from_observed_to_posterior():
    ax = figs.plot_shrinkage_arrows(_arrows().xs(100, level=0))
    arrows = [child for child in ax.texts if isinstance(child, Annotation)]
    starts = sorted(a.xyann[0] for a in arrows)
    ends = sorted(a.xy[0] for a in arrows)
    assert starts == [0.25, 0.5] and ends == [0.34, 0.36]
    labels = {t.get_text() for t in ax.texts}
    assert {"sujeto 1", "sujeto 2", "$c$"} <= labels


def test_pooling_simulation_figure_reflows(simulation):
    example, mse = simulation
    wide = figs.pooling_simulation_figure(example, mse, layout=WIDE)
    narrow = figs.pooling_simulation_figure(example, mse, layout=NARROW)
    x0 = {round(ax.get_position().x0, 2) for ax in wide.axes}
    assert len(x0) == 2
    assert len({round(ax.get_position().x0, 2) for ax in narrow.axes}) == 1
    (legend,) = wide.legends
    assert [t.get_text() for t in legend.get_texts()] == [
        "sin pooling",
        "pooling parcial",
        "pooling completo",
    ]


def test_mse_panel_draws_one_line_per_method(simulation):
    _, mse = simulation
    ax = figs.plot_mse_by_size(mse)
    assert len(ax.lines) == 3
    np.testing.assert_allclose(ax.lines[1].get_ydata(), mse["pooling parcial"])


def test_james_stein_legend_names_the_positive_part():
    ax = figs.plot_james_stein_risk(_risk())
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts == ["máxima verosimilitud", "James–Stein (parte positiva)"]


def test_figures_validate_their_tables(simulation):
    example, _ = simulation
    with pytest.raises(ValueError, match="'rows'"):
        figs.plot_shrinkage_arrows(pd.DataFrame({"observada": [0.1]}))
    with pytest.raises(TypeError, match="'risk'"):
        figs.plot_james_stein_risk([1, 2, 3])
    with pytest.raises(ValueError, match="'mse'"):
        figs.plot_mse_by_size(pd.DataFrame({"sin pooling": [0.1]}))
    with pytest.raises(ValueError, match="dos niveles"):
        figs.shrinkage_arrows_figure(_arrows().reset_index(level=0), layout=WIDE)
    with pytest.raises(TypeError, match="'table'"):
        figs.plot_pi1_by_y2("tabla")
    with pytest.raises(ValueError, match="'example'"):
        figs.plot_errors_by_group(example.drop(columns="true"))
