"""Gráficos de los corredores, con datos sintéticos (sin muestrear)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from runner_fixtures import CHAINS, DRAWS  # noqa: E402, F401
from runner_fixtures import synthetic_runners as _synthetic  # noqa: E402

from jerarquicos.models.runners import no_pooling_lines, prepare_runners  # noqa: E402
from jerarquicos.plots import runners as pr  # noqa: E402
from jerarquicos.plots.layout import LAYOUTS, NARROW, WIDE, render  # noqa: E402


def test_plots_return_axes_and_do_not_show(monkeypatch):
    monkeypatch.setattr(plt, "show", lambda *a, **k: pytest.fail("plt.show() llamado"))
    raw, _ = _synthetic(noise=2.0)
    df = prepare_runners(raw)
    ols = no_pooling_lines(df)
    ax = pr.plot_runner_times(df)
    assert len(ax.lines) == df["runner"].nunique()
    assert ax.get_xlabel() == "edad (años)"
    plt.close(ax.figure)

    axes = pr.plot_runner_panels(
        df,
        {"sin pooling": ols, "multinivel": ols},
        ["1", "2", "3", "4", "5"],
        age_center=df.attrs["age_center"],
        population=(90.0, 1.0),
        ncols=3,
    )
    assert axes.size == 6 and not axes[-1].get_visible()
    # puntos + población + dos rectas en cada panel visible
    assert all(len(a.lines) == 4 for a in axes[:5])
    plt.close(axes[0].figure)

    cov = np.array([[4.0, 1.0], [1.0, 1.0]])
    ax = pr.plot_shrinkage_plane(ols, ols * 0.9, center=(90.0, 1.0), cov=cov)
    assert len(ax.patches) == 2 and len(ax.texts) == len(ols)
    plt.close(ax.figure)


def test_plots_draw_on_given_axes():
    raw, _ = _synthetic()
    df = prepare_runners(raw)
    fig, ax = plt.subplots()
    assert pr.plot_runner_times(df, ax=ax) is ax
    fig2, axes = plt.subplots(1, 2)
    out = pr.plot_runner_panels(
        df, {"a": no_pooling_lines(df)}, ["1", "2"], age_center=55.0, axes=axes
    )
    assert out[0] is axes[0]
    plt.close(fig)
    plt.close(fig2)


def test_ellipse_has_the_probability_radius():
    fig, ax = plt.subplots()
    ols = pd.DataFrame({"intercept": [0.0], "slope": [0.0]}, index=["1"])
    pr.plot_shrinkage_plane(
        ols, ols, center=(0.0, 0.0), cov=np.diag([4.0, 1.0]), probs=(0.5,), ax=ax
    )
    (ellipse,) = ax.patches
    radius = np.sqrt(-2 * np.log(0.5))
    assert ellipse.width == pytest.approx(2 * radius * 2.0)
    assert ellipse.height == pytest.approx(2 * radius * 1.0)
    plt.close(fig)


def test_plot_errors():
    raw, _ = _synthetic()
    df = prepare_runners(raw)
    ols = no_pooling_lines(df)
    with pytest.raises(ValueError, match="no están en data"):
        pr.plot_runner_panels(df, {"a": ols}, ["99"], age_center=55.0)
    with pytest.raises(ValueError, match="vacío"):
        pr.plot_runner_panels(df, {"a": ols}, [], age_center=55.0)
    with pytest.raises(ValueError, match="2 × 2"):
        pr.plot_shrinkage_plane(ols, ols, center=(0, 0), cov=np.eye(3))
    with pytest.raises(ValueError, match="mismos corredores"):
        pr.plot_shrinkage_plane(ols, ols.iloc[:2], center=(0, 0))
    plt.close("all")


def _columns(fig):
    panels = [ax for ax in fig.axes if ax.get_visible()]
    return len({round(ax.get_position().x0, 2) for ax in panels})


def _figures():
    raw, _ = _synthetic(noise=2.0)
    df = prepare_runners(raw)
    ols = no_pooling_lines(df)
    rng = np.random.default_rng(2)
    return {
        "times": (pr.runner_times_figure, (df,), {}),
        "rho": (
            pr.rho_posterior_figure,
            (np.tanh(rng.normal(0.4, 0.4, 500)),),
            {"eta": 2.0, "interval": (-0.1, 0.8), "prob": 0.95},
        ),
        "agreement": (
            pr.agreement_figure,
            (ols, ols * 1.05),
            {"first_name": "A", "second_name": "B"},
        ),
        "panels": (
            pr.runner_panels_figure,
            (df, {"sin pooling": ols, "multinivel": ols * 0.9}, [str(r) for r in range(1, 7)]),
            {"age_center": df.attrs["age_center"], "population": (90.0, 1.0)},
        ),
        "shrinkage": (
            pr.shrinkage_plane_figure,
            (ols, ols * 0.9),
            {"center": (90.0, 1.0), "cov": np.array([[4.0, 1.0], [1.0, 1.0]])},
        ),
    }


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda lay: lay.name)
def test_figures_render_legibly_in_both_layouts(layout):
    for name, (draw, args, kwargs) in _figures().items():
        out = render(draw, layout, *args, **kwargs)  # falla si la letra queda chica
        assert out["min_text_px"] >= 10, name


def test_panels_use_four_columns_wide_and_two_narrow():
    draw, args, kwargs = _figures()["panels"]
    assert _columns(draw(*args, layout=WIDE, **kwargs)) == 4
    assert _columns(draw(*args, layout=NARROW, **kwargs)) == 2
    draw, args, kwargs = _figures()["agreement"]
    assert _columns(draw(*args, layout=WIDE, **kwargs)) == 2
    assert _columns(draw(*args, layout=NARROW, **kwargs)) == 1
    plt.close("all")


def test_rho_posterior_draws_prior_and_interval():
    ax = pr.plot_rho_posterior(np.array([-0.5, 0.1, 0.6]), eta=1.0, interval=(-0.4, 0.5), prob=0.9)
    prior = [line for line in ax.lines if line.get_label().startswith("a priori")]
    assert len(prior) == 1 and np.allclose(prior[0].get_ydata(), 0.5)  # LKJ(1): uniforme
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "intervalo de 90 %" in labels
    plt.close(ax.figure)


def test_panel_errors_name_the_argument():
    raw, _ = _synthetic()
    df = prepare_runners(raw)
    ols = no_pooling_lines(df)
    some = ["1", "2"]
    with pytest.raises(ValueError, match="ncols"):
        pr.plot_runner_panels(df, {"a": ols}, some, age_center=55.0, ncols=0)
    with pytest.raises(TypeError, match="ncols"):
        pr.plot_runner_panels(df, {"a": ols}, some, age_center=55.0, ncols=2.5)
    with pytest.raises(TypeError, match="ncols"):
        pr.plot_runner_panels(df, {"a": ols}, some, age_center=55.0, ncols=True)
    with pytest.raises(ValueError, match=r"lines\['a'\].*\['1'\]"):
        pr.plot_runner_panels(df, {"a": ols.drop(index="1")}, some, age_center=55.0)
    with pytest.raises(TypeError, match="lines"):
        pr.plot_runner_panels(df, [ols], some, age_center=55.0)
    with pytest.raises(TypeError, match="runners"):
        pr.plot_runner_panels(df, {"a": ols}, "12", age_center=55.0)
    with pytest.raises(ValueError, match="age_center"):
        pr.plot_runner_panels(df, {"a": ols}, some, age_center=np.inf)
    with pytest.raises(TypeError, match="age_center"):
        pr.plot_runner_panels(df, {"a": ols}, some, age_center="55")
    with pytest.raises(ValueError, match="population"):
        pr.plot_runner_panels(df, {"a": ols}, some, age_center=55.0, population=(90.0,))
    with pytest.raises(ValueError, match="population"):
        pr.plot_runner_panels(df, {"a": ols}, some, age_center=55.0, population=(90.0, np.nan))
    nan_table = ols.copy()
    nan_table.loc["1", "slope"] = np.nan
    with pytest.raises(ValueError, match="no finitas"):
        pr.plot_runner_panels(df, {"a": nan_table}, some, age_center=55.0)
    with pytest.raises(TypeError, match="data"):
        pr.plot_runner_times(df.to_dict())
    with pytest.raises(TypeError, match="color"):
        pr.plot_runner_times(df, color=3)
    plt.close("all")


def test_shrinkage_and_rho_errors_name_the_argument():
    raw, _ = _synthetic()
    ols = no_pooling_lines(prepare_runners(raw))
    with pytest.raises(ValueError, match="cov"):
        pr.plot_shrinkage_plane(ols, ols, center=(0, 0), cov=[[1.0, 2.0], [0.0, 1.0]])
    with pytest.raises(ValueError, match="cov"):
        pr.plot_shrinkage_plane(ols, ols, center=(0, 0), cov=[[1.0, 0.0], [0.0, -1.0]])
    with pytest.raises(ValueError, match="probs"):
        pr.plot_shrinkage_plane(ols, ols, center=(0, 0), probs=(0.5, 1.5))
    with pytest.raises(TypeError, match="probs"):
        pr.plot_shrinkage_plane(ols, ols, center=(0, 0), probs=0.5)
    with pytest.raises(TypeError, match="center"):
        pr.plot_shrinkage_plane(ols, ols, center=90.0)
    with pytest.raises(ValueError, match="draws"):
        pr.plot_rho_posterior([0.2, 1.5])
    with pytest.raises(ValueError, match="draws"):
        pr.plot_rho_posterior([])
    with pytest.raises(TypeError, match="draws"):
        pr.plot_rho_posterior(["a"])
    with pytest.raises(ValueError, match="eta"):
        pr.plot_rho_posterior([0.2], eta=0)
    with pytest.raises(TypeError, match="eta"):
        pr.plot_rho_posterior([0.2], eta=True)
    with pytest.raises(ValueError, match="interval"):
        pr.plot_rho_posterior([0.2], interval=(0.5, -0.5))
    with pytest.raises(ValueError, match="prob"):
        pr.plot_rho_posterior([0.2], interval=(0.1, 0.3), prob=95)
    with pytest.raises(ValueError, match="mismos corredores"):
        pr.agreement_figure(ols, ols.iloc[:2], first_name="a", second_name="b", layout=WIDE)
    with pytest.raises(TypeError, match="first_name"):
        pr.agreement_figure(ols, ols, first_name=1, second_name="b", layout=WIDE)
    plt.close("all")
