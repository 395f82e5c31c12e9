"""Afirmaciones de los capítulos «Una moneda y su fábrica», «Varias monedas, dos sujetos»
y «Shrinkage» que no cubre ``test_grid_claims.py``.

Cada prueba llama a las mismas funciones del paquete que el capítulo
(``grid_posterior``, ``marginals_by_kappa``, ``james_stein``, ``squared_errors``) con
los mismos valores, y comprueba lo que el texto afirma en palabras.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from jerarquicos.beta import beta_from_mode, mode_from_beta
from jerarquicos.grid import grid_posterior
from jerarquicos.shrinkage import james_stein, squared_errors
from jerarquicos.summaries import grid_mean, grid_sd
from jerarquicos.sweeps import marginals_by_kappa

Y, N = [5, 4], [20, 8]
PROPS = {"pi_1": 5 / 20, "pi_2": 4 / 8}


def pi_omega_correlation(res, which="prior"):
    """Correlación entre pi_1 y omega en la conjunta de la grilla (como en el capítulo)."""
    joint = res.joint("pi_1", which=which)
    p = joint.values / joint.values.sum()
    x, w = joint["pi_1"].values, joint["omega"].values
    mx, mw = p.sum(axis=1) @ x, p.sum(axis=0) @ w
    cov = np.sum(p * np.outer(x - mx, w - mw))
    return cov / np.sqrt((p.sum(axis=1) @ (x - mx) ** 2) * (p.sum(axis=0) @ (w - mw) ** 2))


def pi_pi_correlation(res):
    """Correlación a priori entre pi_1 y pi_2, sumando sobre omega."""
    joint = res.prior.sum("omega")
    p = joint.values / joint.values.sum()
    x = joint["pi_1"].values
    m = p.sum(axis=1) @ x
    return np.sum(p * np.outer(x - m, x - m)) / (p.sum(axis=1) @ (x - m) ** 2)


@pytest.fixture(scope="module")
def coin():
    return {
        "weak": grid_posterior(3, 9, 2, 2, kappa=5),
        "strong": grid_posterior(3, 9, 20, 20, kappa=10),
    }


@pytest.fixture(scope="module")
def subjects():
    return {k: grid_posterior(Y, N, 2, 2, kappa=k) for k in (2, 5, 100)}


# --- Una moneda y su fábrica -------------------------------------------------------------


def test_mode_concentration_example():
    a, b = beta_from_mode(0.6, 5)
    assert (a, b) == pytest.approx((2.8, 2.2))
    assert mode_from_beta(a, b) == pytest.approx((0.6, 5.0))


def test_hand_made_grid_matches_engine(coin):
    """«La función grid_posterior hace exactamente esta cuenta»."""
    pi = np.linspace(0, 1, 101)
    pi_mesh, omega_mesh = np.meshgrid(pi, pi, indexing="ij")
    a, b = beta_from_mode(omega_mesh, 5)
    prior = stats.beta.pdf(pi_mesh, a, b) * stats.beta.pdf(omega_mesh, 2, 2)
    posterior = prior * stats.binom.pmf(3, 9, pi_mesh)
    res = coin["weak"]
    np.testing.assert_allclose(res.prior.values, prior / prior.sum(), rtol=0, atol=1e-15)
    np.testing.assert_allclose(
        res.posterior.values, posterior / posterior.sum(), rtol=0, atol=1e-15
    )


def test_single_coin_likelihood_is_a_vertical_band_at_three_ninths(coin):
    res = coin["weak"]
    lik = res.likelihood
    assert bool((lik == lik.isel(omega=0)).all())
    marginal = res.marginal("pi_1", which="likelihood")
    assert float(marginal["pi_1"][int(np.argmax(marginal.values))]) == pytest.approx(0.33)


def test_weak_setting_coin_learns_much_factory_little(coin):
    table = coin["weak"].summary()
    mean_pi = table.loc["pi_1", "mean"]
    # Entre 3/9 y el centro a priori (0.5), más cerca de 3/9.
    assert 3 / 9 < mean_pi < 0.5
    assert abs(mean_pi - 3 / 9) < abs(mean_pi - 0.5)
    # El desvío de pi baja mucho respecto del a priori; el de omega, poco.
    prior_sd_pi = grid_sd(coin["weak"].marginal("pi_1", which="prior"))
    prior_sd_omega = grid_sd(coin["weak"].marginal("omega", which="prior"))
    assert table.loc["pi_1", "sd"] < 0.7 * prior_sd_pi
    assert 0.85 * prior_sd_omega < table.loc["omega", "sd"] < prior_sd_omega
    # omega bajó desde 0.5.
    assert table.loc["omega", "mean"] < 0.5


def test_strong_setting_prior_and_posterior(coin):
    weak, strong = coin["weak"], coin["strong"]
    prior_omega = strong.marginal("omega", which="prior")
    # «La línea de omega = 0.9 atraviesa una zona prácticamente vacía».
    assert float(prior_omega.sel(omega=slice(0.8, 1)).sum()) < 1e-3
    # «Una a priori concentrada sobre la fábrica no cede»: el desvío casi no cambia.
    table = strong.summary()
    assert table.loc["omega", "sd"] > 0.9 * grid_sd(prior_omega)
    assert abs(table.loc["omega", "mean"] - 0.5) < 0.02
    # La inclinación a priori se nota menos con omega concentrado.
    assert pi_omega_correlation(strong) < pi_omega_correlation(weak)
    # La incertidumbre sobre la moneda baja.
    assert table.loc["pi_1", "sd"] < weak.summary().loc["pi_1", "sd"]


def test_prior_association_between_pi_and_omega_grows_with_kappa():
    corr = [pi_omega_correlation(grid_posterior(3, 9, 2, 2, kappa=k)) for k in (2, 5, 20, 100)]
    assert abs(corr[0]) < 1e-12
    assert np.all(np.diff(corr) > 0)
    assert corr[-1] > 0.95


def test_many_tosses_of_one_coin_do_not_pin_down_the_factory():
    sd = {
        n: (grid_sd(r.marginal("pi_1")), grid_sd(r.marginal("omega")))
        for n in (9, 90, 900)
        for r in [grid_posterior(n // 3, n, 2, 2, kappa=5)]
    }
    assert sd[900][0] < 0.02 < 0.1 < sd[9][0]
    assert sd[900][1] > 0.9 * sd[9][1]
    assert sd[900][1] > 0.18


# --- Varias monedas, dos sujetos ----------------------------------------------------------


def test_pis_are_dependent_without_conditioning_and_more_so_with_large_kappa(subjects):
    low, high = pi_pi_correlation(subjects[5]), pi_pi_correlation(subjects[100])
    assert 0.2 < low < high
    assert high > 0.9


def test_pis_are_independent_given_omega(subjects):
    slab = subjects[5].prior.sel(omega=0.3, method="nearest")
    slab = slab / slab.sum()
    product = slab.sum("pi_2") * slab.sum("pi_1")
    assert float(np.abs(slab - product).max()) < 1e-15


def test_summing_the_full_grid_equals_joint(subjects):
    res = subjects[5]
    gap = np.abs(res.posterior.sum("pi_2") - res.joint("pi_1", which="posterior")).max()
    assert float(gap) < 1e-15


def test_kappa100_pulls_both_subjects_and_pi2_most(subjects):
    low, high = subjects[5].summary(), subjects[100].summary()
    shift1 = high.loc["pi_1", "mean"] - PROPS["pi_1"]
    shift2 = PROPS["pi_2"] - high.loc["pi_2", "mean"]
    assert 0 < shift1 < shift2
    assert high.loc["omega", "sd"] < 0.6 * low.loc["omega", "sd"]


def test_collapsed_frames_match_brute_force(subjects):
    """Los cuadros de la figura interactiva salen del motor colapsado."""
    frames = marginals_by_kappa(Y, N, 2, 2, [2, 5, 20, 100, 200])
    for kappa in (2, 5, 100):
        for name in ("omega", "pi_1", "pi_2"):
            np.testing.assert_allclose(
                frames[name].sel(kappa=kappa).values,
                subjects[kappa].marginal(name).values,
                rtol=0,
                atol=1e-12,
            )
    kappas = np.geomspace(2, 200, 40)
    interactive = marginals_by_kappa(Y, N, 2, 2, kappas)
    for name in ("omega", "pi_1", "pi_2"):
        assert interactive[name].shape == (40, 101)
        np.testing.assert_allclose(interactive[name].sum(name).values, 1.0)
        np.testing.assert_allclose(interactive[name]["kappa"].values, kappas)


def test_kappa2_is_no_pooling(subjects):
    res = subjects[2]
    np.testing.assert_allclose(
        res.marginal("omega").values, res.marginal("omega", which="prior").values, atol=1e-15
    )
    for name, (ys, ns) in zip(("pi_1", "pi_2"), zip(Y, N, strict=True), strict=True):
        assert grid_mean(res.marginal(name)) == pytest.approx((ys + 1) / (ns + 2), abs=1e-6)


def test_large_kappa_approaches_complete_pooling(subjects):
    frames = marginals_by_kappa(Y, N, 2, 2, [200])
    means = [grid_mean(frames[n].sel(kappa=200)) for n in ("omega", "pi_1", "pi_2")]
    pooled = (2 + sum(Y)) / (2 + 2 + sum(N))
    assert max(abs(m - pooled) for m in means) < 0.015
    low = subjects[5].summary()["mean"]
    assert np.ptp(means) < 0.25 * np.ptp(low.values)


def test_more_items_for_subject2_reverse_the_roles(subjects):
    base = subjects[100].summary()["mean"]
    more = marginals_by_kappa([5, 40], [20, 80], 2, 2, [100])
    means = {n: grid_mean(more[n].sel(kappa=100)) for n in ("omega", "pi_1", "pi_2")}
    assert abs(means["pi_2"] - 0.5) < abs(base["pi_2"] - 0.5)
    assert means["omega"] > base["omega"]
    assert means["pi_1"] - 0.25 > base["pi_1"] - 0.25
    # Ahora el sujeto 1 es el que más se desplaza.
    assert means["pi_1"] - 0.25 > 0.5 - means["pi_2"]


# --- Shrinkage ----------------------------------------------------------------------------


def _pi1_by_y2(kappa):
    return np.array(
        [
            grid_mean(grid_posterior([5, y2], [20, 8], 2, 2, kappa=kappa).marginal("pi_1"))
            for y2 in range(9)
        ]
    )


def test_subject2_data_reach_pi1_only_through_omega():
    flat, low, high = _pi1_by_y2(2), _pi1_by_y2(5), _pi1_by_y2(100)
    assert np.ptp(flat) < 1e-12
    assert np.all(np.diff(low) > 0) and np.all(np.diff(high) > 0)
    assert np.ptp(high) > 4 * np.ptp(low)


@pytest.mark.parametrize("kappa", [5, 100])
def test_fraction_of_the_way_is_one_minus_weight(kappa, subjects):
    table = subjects[kappa].summary()
    center = (table.loc["omega", "mean"] * (kappa - 2) + 1) / kappa
    fractions = []
    for name, n in (("pi_1", 20), ("pi_2", 8)):
        prop = PROPS[name]
        fraction = (prop - table.loc[name, "mean"]) / (prop - center)
        assert fraction == pytest.approx(kappa / (n + kappa), abs=1e-6)
        fractions.append(fraction)
    assert fractions[1] > fractions[0]  # el sujeto con menos datos se contrae más


def test_absolute_shifts_and_gap_between_subjects(subjects):
    shifts, gaps = {}, {}
    for kappa in (5, 100):
        table = subjects[kappa].summary()
        shifts[kappa] = [abs(table.loc[n, "mean"] - PROPS[n]) for n in ("pi_1", "pi_2")]
        gaps[kappa] = table.loc["pi_2", "mean"] - table.loc["pi_1", "mean"]
    # κ = 5: el sujeto 1 se mueve más en valor absoluto; κ = 100: el sujeto 2.
    assert shifts[5][0] > shifts[5][1]
    assert shifts[100][1] > shifts[100][0]
    assert max(shifts[5]) < 0.05 < 0.08 < min(shifts[100])
    # La distancia entre los sujetos se reduce, más con κ grande.
    assert 0 < gaps[100] < gaps[5] < 0.25


def test_james_stein_beats_mle_in_the_chapter_simulation():
    rng = np.random.default_rng(20260303)  # la semilla del capítulo
    theta = rng.normal(0, 1, size=10)
    x = theta + rng.standard_normal(10)
    estimate = james_stein(x)
    # Cada estimación se acerca al promedio de las observaciones.
    assert np.all(np.abs(estimate - x.mean()) <= np.abs(x - x.mean()) + 1e-12)
    mle, js = squared_errors(theta, 20_000, rng)
    assert mle.mean() == pytest.approx(10, rel=0.03)
    assert js.mean() < 0.9 * mle.mean()
    assert np.mean(js < mle) > 0.5
    z = rng.standard_normal(10)
    risks = [
        [e.mean() for e in squared_errors(t * z, 5_000, rng)] for t in (0, 0.25, 0.5, 1, 2, 4, 8)
    ]
    mle_risk, js_risk = np.array(risks).T
    assert np.all(js_risk < mle_risk)
    assert js_risk[0] < 0.35 * mle_risk[0]
    assert js_risk[-1] > 0.9 * mle_risk[-1]


def test_james_stein_gain_grows_with_the_number_of_means():
    rng = np.random.default_rng(5)
    ratios = []
    for k in (4, 10, 50):
        mle, js = squared_errors(rng.standard_normal(k), 20_000, rng)
        ratios.append(js.mean() / mle.mean())
    assert ratios[0] > ratios[1] > ratios[2]


def test_items_needed_for_given_weight():
    kappa = 100
    needed = {c: int(np.ceil(round(kappa * c / (1 - c), 9))) for c in (0.5, 0.9)}
    assert needed == {0.5: 100, 0.9: 900}
    for c, n in needed.items():
        assert n / (n + kappa) >= c > (n - 1) / (n - 1 + kappa)
