"""Las figuras de la cuarta parte: dibujan lo que reciben y se leen en las dos diagramaciones."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import arviz as az  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import xarray as xr  # noqa: E402

from jerarquicos.grid.kappa import omega_kappa_posterior  # noqa: E402
from jerarquicos.plots import checks as pchecks  # noqa: E402
from jerarquicos.plots import geometry as pgeo  # noqa: E402
from jerarquicos.plots import kappa as pkappa  # noqa: E402
from jerarquicos.plots.layout import LAYOUTS, render  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def post():
    return omega_kappa_posterior(
        [10, 12, 8, 15],
        [45, 45, 45, 45],
        omega_grid=np.linspace(0.05, 0.95, 60),
        kappa_grid=2 + np.geomspace(0.1, 5000, 80),
    )


def _renders(draw, *args, **kwargs):
    """La figura se dibuja en las dos diagramaciones con letra legible (render lo exige)."""
    for layout in LAYOUTS:
        out = render(draw, layout, *args, **kwargs)
        assert out["min_text_px"] >= 10 and out["data"]


def _beta_binomial_idata(post, rng):
    omega, kappa = post.sample(400, random_seed=rng)
    return az.from_dict(posterior={"omega": omega.reshape(2, 200), "kappa": kappa.reshape(2, 200)})


def test_kappa_figures_render(post):
    rng = np.random.default_rng(0)
    _renders(pkappa.omega_kappa_figure, post)
    _renders(pkappa.grid_vs_mcmc_figure, post, _beta_binomial_idata(post, rng))
    _renders(
        pkappa.pi_marginals_figure,
        post,
        [1, 4],
        ["uno", "cuatro"],
        {"crudo": [0.2, 0.3], "resto": [0.25, 0.28]},
    )
    table = pd.DataFrame({"a": [0.2, 0.3], "b": [0.25, 0.27], "c": [0.24, 0.29]})
    _renders(pkappa.batting_shrinkage_figure, table, ["a", "b", "c"], ["A", "B", "C"])


def test_marginal_draws_posterior_and_prior_on_a_log_axis(post):
    ax = pkappa.plot_marginal(post, "kappa")
    assert ax.get_xscale() == "log"
    assert [line.get_label() for line in ax.lines] == ["a posteriori", "a priori"]
    ax = pkappa.plot_pi_density(post, 2, marks={"dato": 0.27})
    assert ax.lines[1].get_xdata()[0] == pytest.approx(0.27)


def test_kappa_inputs_are_checked(post):
    with pytest.raises(TypeError, match="'post'"):
        pkappa.plot_marginal("no", "omega")
    with pytest.raises(ValueError, match="'columns'"):
        pkappa.plot_batting_shrinkage(pd.DataFrame({"a": [1]}), ["a"], ["A", "B"])
    with pytest.raises(ValueError, match="columnas"):
        pkappa.plot_batting_shrinkage(pd.DataFrame({"a": [1]}), ["a", "z"], ["A", "Z"])
    with pytest.raises(ValueError, match="'subjects'"):
        render(pkappa.pi_marginals_figure, LAYOUTS[0], post, [1], [], {})


def test_check_figures_render():
    rng = np.random.default_rng(1)
    sims = {"vagas": rng.normal(0, 100, 500), "nuestras": rng.normal(1, 2, 500)}
    observed = rng.normal(1, 0.8, 100)
    _renders(pchecks.prior_predictive_figure, sims, observed)
    x = np.linspace(-3, 5, 50)
    dens = xr.Dataset(
        {
            "observed": (("x",), np.exp(-(x**2))),
            "replicated": (("replica", "x"), rng.random((5, 50))),
        },
        coords={"x": x},
    )
    _renders(pchecks.ppc_figure, {"a": dens, "b": dens, "c": dens})
    stats = {"a": (0.3, rng.normal(0.2, 0.05, 200)), "b": (0.3, rng.normal(0.3, 0.05, 200))}
    _renders(pchecks.statistic_figure, stats, xlabel="desvío")
    comparison = pd.DataFrame(
        {"elpd_loo": [-10.0, -20.0, -30.0], "se": [3.0, 3.0, 3.0], "dse": [0.0, 2.0, 2.5]},
        index=["x", "y", "z"],
    )
    _renders(pchecks.elpd_figure, comparison)
    k = {"a": rng.uniform(0, 0.9, 30), "b": rng.uniform(0, 0.5, 30)}
    _renders(pchecks.pareto_k_figure, k, rng.integers(1, 100, 30))
    _renders(
        pchecks.tank_check_figure,
        rng.random(20),
        np.repeat(["no", "pred"], 10),
        stats,
        xlabel="diferencia",
    )


def test_pareto_k_marks_the_observations_over_the_threshold():
    ax = pchecks.plot_pareto_k([0.1, 0.8, 0.9], [1, 2, 50])
    assert len(ax.collections[1].get_offsets()) == 2  # los rombos rojos
    with pytest.raises(ValueError, match="'k'"):
        pchecks.plot_pareto_k([0.1], [1, 2])
    with pytest.raises(ValueError, match="'comparison'"):
        pchecks.plot_elpd(pd.DataFrame({"elpd_loo": [1.0]}))
    with pytest.raises(ValueError, match="'densities'"):
        pchecks.ppc_figure({}, layout=LAYOUTS[0])


def _geometry_idata(rng, draws=200, diverging=5):
    post = {
        "sigma_county": rng.lognormal(-1, 1, (2, draws)),
        "alpha": rng.normal(size=(2, draws, 2)),
        "alpha_raw": rng.normal(size=(2, draws, 2)),
    }
    div = np.zeros((2, draws), dtype=bool)
    div.flat[:diverging] = True
    return az.from_dict(
        posterior=post,
        sample_stats={"diverging": div},
        coords={"county": ["A", "B"]},
        dims={"alpha": ["county"], "alpha_raw": ["county"]},
    )


def test_geometry_figures_render():
    rng = np.random.default_rng(2)
    centered, non_centered = _geometry_idata(rng), _geometry_idata(rng, diverging=0)
    _renders(pgeo.funnel_figure, centered, non_centered, "A")
    index = pd.MultiIndex.from_product([["sin datos", "30 casas"], ["centrada", "no centrada"]])
    table = pd.DataFrame({"ess_per_1000_steps": [0.2, 50.0, 170.0, 10.0]}, index=index)
    _renders(pgeo.efficiency_figure, table)
    fits = {
        "completos": {"HN(1)": centered},
        "2 casas": {"HN(1)": centered, "HN(10)": non_centered},
    }
    _renders(pgeo.sigma_prior_figure, fits)


def test_funnel_marks_divergences_and_checks_the_variable():
    rng = np.random.default_rng(3)
    ax = pgeo.plot_funnel(_geometry_idata(rng, diverging=7), "B", variable="alpha")
    assert len(ax.collections[1].get_offsets()) == 7
    with pytest.raises(ValueError, match="variable"):
        pgeo.plot_funnel(_geometry_idata(rng), "A", variable="z")
    with pytest.raises(ValueError, match="dos niveles"):
        pgeo.plot_efficiency(pd.DataFrame({"ess_per_1000_steps": [1.0]}))


def test_sigma_prior_legend_lists_every_prior():
    rng = np.random.default_rng(4)
    a, b = _geometry_idata(rng), _geometry_idata(rng)
    fig = pgeo.sigma_prior_figure({"uno": {"p1": a}, "dos": {"p1": a, "p2": b}}, layout=LAYOUTS[0])
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels == ["p1", "p2"]
