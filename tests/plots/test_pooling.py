"""Gráficos de pooling (``jerarquicos.plots.pooling``): rápidas, sin MCMC."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from jerarquicos.plots import pooling as pp  # noqa: E402
from jerarquicos.plots.layout import LAYOUTS, NARROW, WIDE, render  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_plot_prior_sweep_returns_axes_and_uses_log_scale():
    estimates = pd.DataFrame({0.01: [0.0, 0.1], 10.0: [1.0, 2.0], 1.0: [0.5, 1.5]})
    ax = pp.plot_prior_sweep(estimates, sizes=[1, 50], hline=1.2, hline_label="pooling completo")
    assert ax.get_xscale() == "log"
    assert "varianza" in ax.get_xlabel()
    # las columnas se ordenan por varianza: una línea por grupo, en una sola colección
    (lines,) = ax.collections[:1]
    first = lines.get_segments()[0]
    assert list(first[:, 0]) == [0.01, 1.0, 10.0] and list(first[:, 1]) == [0.0, 0.5, 1.0]
    assert len(lines.get_segments()) == 2
    # sin marcas menores en el eje logarítmico (son lo más lento de dibujar)
    assert len(ax.xaxis.get_minorticklocs()) == 0
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
    with pytest.raises(ValueError, match="dict no vacío"):
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


# --------------------------------------------------------------------------- figuras


def _columns(fig):
    """Número de columnas distintas de paneles visibles (sin barras de colores)."""
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]
    return len({round(ax.get_position().x0, 2) for ax in panels})


@pytest.fixture(scope="module")
def radon_like():
    rng = np.random.default_rng(3)
    sizes = rng.integers(1, 120, size=12)
    sweep = pd.DataFrame(
        {v: rng.normal(0.5 + 0.1 * k, 0.3, 12) for k, v in enumerate([0.01, 1, 100])}
    )
    data = pd.DataFrame(
        {
            "county": np.repeat([f"C{i}" for i in range(8)], 6),
            "floor": np.tile([0, 0, 0, 0, 1, 1], 8),
            "log_radon": rng.normal(1, 0.8, 48),
        }
    )
    lines = {
        f"C{i}": {
            "sin pooling": (1.0 + 0.1 * i, -0.5),
            "pooling parcial": (1.1, -0.6),
            "pooling completo": (1.3, -0.6),
        }
        for i in range(8)
    }
    return sizes, sweep, data, lines


def _figures(radon_like):
    sizes, sweep, data, lines = radon_like
    rng = np.random.default_rng(4)
    means, sds = rng.normal(size=12), rng.uniform(0.05, 0.3, 12)
    return {
        "prior_sweep": (
            pp.prior_sweep_figure,
            (sweep, sweep.std()),
            {"sizes": sizes, "pooled": 0.6, "unpooled_spread": 0.35},
        ),
        "agreement": (pp.agreement_figure, (means, means + 0.01), {"xlabel": "a", "ylabel": "b"}),
        "estimates": (
            pp.estimates_by_size_figure,
            (sizes, {"uno": (means, sds, "#31688e"), "otro": (means / 2, sds, "#35b779")}),
            {"center": 0.0, "center_label": "centro", "random_seed": 0},
        ),
        "kept": (pp.kept_fraction_figure, (sizes, rng.uniform(0, 1, 12)), {"ratio": 5.0}),
        "county_fits": (pp.county_fits_figure, (data, lines), {}),
        "group_predictor": (
            pp.group_predictor_figure,
            (means, {"sin": (means, sds, (0.0, 0.0), None), "con": (means, sds, (0.0, 1.0), "r")}),
            {},
        ),
        "tanks": (
            pp.tank_estimates_figure,
            ([10, 10, 25, 35], [1.0, 0.6, 0.5, 0.9], [0.9, 0.65, 0.55, 0.88]),
            {"population": 0.8},
        ),
    }


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda lay: lay.name)
def test_figures_render_legibly_in_both_layouts(radon_like, layout):
    for name, (draw, args, kwargs) in _figures(radon_like).items():
        out = render(draw, layout, *args, **kwargs)  # falla si la letra queda chica
        assert out["min_text_px"] >= 10, name


def test_multi_panel_figures_stack_in_the_narrow_layout(radon_like):
    figures = _figures(radon_like)
    for name in ("prior_sweep", "estimates", "group_predictor"):
        draw, args, kwargs = figures[name]
        assert _columns(draw(*args, layout=WIDE, **kwargs)) == 2, name
        assert _columns(draw(*args, layout=NARROW, **kwargs)) == 1, name
        plt.close("all")
    draw, args, kwargs = figures["county_fits"]
    assert _columns(draw(*args, layout=WIDE, **kwargs)) == 4
    assert _columns(draw(*args, layout=NARROW, **kwargs)) == 2


def test_county_fits_figure_labels_only_the_first_column(radon_like):
    _, _, data, lines = radon_like
    fig = pp.county_fits_figure(data, lines, layout=NARROW)
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_ylabel() for ax in panels[:2]] == ["log radón", ""]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == list(lines["C0"])
    with pytest.raises(ValueError, match="dict no vacío"):
        pp.county_fits_figure(data, {}, layout=WIDE)


def test_plot_group_predictor_draws_the_shrinkage_line():
    ax = pp.plot_group_predictor([-1.0, 0.0, 1.0], [0.5, 1.0, 1.6], line=(1.0, 0.5), line_label="r")
    x, y = ax.lines[-1].get_data()
    assert list(x) == [-1.0, 1.0] and list(y) == [0.5, 1.5]
    assert ax.get_xlabel() == "log-uranio del condado"
    with pytest.raises(ValueError, match="line"):
        pp.plot_group_predictor([0.0], [1.0], line=(1.0,))


def test_plot_sweep_spread_orders_by_variance():
    ax = pp.plot_sweep_spread([10.0, 0.1, 1.0], [0.3, 0.1, 0.2], reference=0.35)
    x, y = ax.lines[0].get_data()
    assert list(x) == [0.1, 1.0, 10.0] and list(y) == [0.1, 0.2, 0.3]
    assert ax.get_xscale() == "log"
    with pytest.raises(ValueError, match="misma longitud"):
        pp.plot_sweep_spread([1.0, 2.0], [0.1])
