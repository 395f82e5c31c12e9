"""Pruebas de jerarquicos.grid.kappa: la posterior de (omega, kappa) en una grilla 2-D."""

import numpy as np
import pytest
from scipy import integrate, stats

from jerarquicos.grid.collapsed import collapsed_posterior
from jerarquicos.grid.kappa import (
    default_kappa_grid,
    default_omega_grid,
    omega_kappa_posterior,
    trapezoid_weights,
)

Y, N = np.array([3, 5, 7]), np.array([10, 10, 10])
PRIOR = {"A_omega": 2.0, "B_omega": 3.0, "kappa_shape": 2.0, "kappa_rate": 0.1}


@pytest.fixture(scope="module")
def quad_moments():
    """Integrales dobles con scipy.integrate.cubature (kappa - 2 hasta 400: la cola gamma es
    menor que 1e-14), sin la grilla: la integral en pi la da la fórmula beta-binomial."""

    def integrand(x):
        omega, kappa = x[:, 0], x[:, 1]
        a = omega * (kappa - 2) + 1
        b = (1 - omega) * (kappa - 2) + 1
        dens = stats.beta.pdf(omega, PRIOR["A_omega"], PRIOR["B_omega"])
        dens = dens * stats.gamma.pdf(
            kappa - 2, PRIOR["kappa_shape"], scale=1 / PRIOR["kappa_rate"]
        )
        for ys, ns in zip(Y, N, strict=True):
            dens = dens * stats.betabinom.pmf(ys, ns, a, b)
        pis = [(a + ys) / (kappa + ns) for ys, ns in zip(Y, N, strict=True)]
        return np.stack(
            [dens, dens * omega, dens * kappa, dens * kappa**2, *(dens * p for p in pis)], axis=-1
        )

    res = integrate.cubature(integrand, [0.0, 2.0], [1.0, 402.0], rtol=1e-10, atol=0)
    assert res.status == "converged"
    z, omega, kappa, kappa_sq, *pis = res.estimate
    return {
        "omega": omega / z,
        "kappa": kappa / z,
        "kappa_sq": kappa_sq / z,
        "pi": np.array(pis) / z,
    }


@pytest.fixture(scope="module")
def post():
    return omega_kappa_posterior(
        Y, N, **PRIOR, kappa_grid=2 + np.geomspace(1e-3, 400, 400), omega_grid=default_omega_grid()
    )


def test_masses_are_a_normalised_2d_grid(post):
    assert post.joint.dims == ("omega", "kappa")
    assert post.joint.shape == (200, 400)
    assert float(post.joint.sum()) == pytest.approx(1.0, abs=1e-12)
    assert float(post.prior.sum()) == pytest.approx(1.0, abs=1e-12)
    assert np.all(post.joint.values >= 0)
    np.testing.assert_allclose(post.omega.values, post.joint.sum("kappa").values)
    np.testing.assert_allclose(post.kappa.values, post.joint.sum("omega").values)


def test_means_match_numerical_integration(post, quad_moments):
    omega_mean = float((post.omega * post.omega["omega"]).sum())
    kappa_mean = float((post.kappa * post.kappa["kappa"]).sum())
    kappa_sq = float((post.kappa * post.kappa["kappa"] ** 2).sum())
    assert omega_mean == pytest.approx(quad_moments["omega"], rel=1e-5)
    assert kappa_mean == pytest.approx(quad_moments["kappa"], rel=1e-4)
    assert kappa_sq == pytest.approx(quad_moments["kappa_sq"], rel=1e-4)
    np.testing.assert_allclose(post.pi_mean().values, quad_moments["pi"], rtol=1e-5)
    table = post.summary()
    assert table.loc["kappa", "mean"] == pytest.approx(quad_moments["kappa"], rel=1e-4)
    assert table.loc["omega", "mean"] == pytest.approx(quad_moments["omega"], rel=1e-5)


def test_log_likelihood_is_the_betabinomial_sum(post):
    w, k = post.omega_grid[[10, 120]], post.kappa_grid[[5, 300]]
    for i, omega in zip([10, 120], w, strict=True):
        for j, kappa in zip([5, 300], k, strict=True):
            a, b = omega * (kappa - 2) + 1, (1 - omega) * (kappa - 2) + 1
            expected = stats.betabinom.logpmf(Y, N, a, b).sum()
            assert float(post.log_likelihood[i, j]) == pytest.approx(expected, rel=1e-12)


def test_slice_at_fixed_kappa_is_the_collapsed_engine():
    # Dividida por los pesos del trapecio, cada columna de la conjunta es la posterior de
    # omega con kappa fija (las masas del motor colapsado en los mismos puntos).
    grid = np.linspace(0, 1, 101)
    res = omega_kappa_posterior(Y, N, **PRIOR, omega_grid=grid[1:-1], kappa_grid=[3.0, 7.0, 40.0])
    weights = trapezoid_weights(grid[1:-1])
    for j, kappa in enumerate([3.0, 7.0, 40.0]):
        column = res.joint.isel(kappa=j).values / weights
        coll = collapsed_posterior(Y, N, PRIOR["A_omega"], PRIOR["B_omega"], kappa, grid)
        expected = coll.omega.values[1:-1]
        np.testing.assert_allclose(column / column.sum(), expected / expected.sum(), atol=1e-12)


def test_without_data_the_posterior_is_the_prior():
    res = omega_kappa_posterior([0, 0], [0, 0], **PRIOR)
    np.testing.assert_allclose(res.joint.values, res.prior.values, atol=1e-15)


def test_pi_mixture_moments_density_and_quantiles():
    # Una grilla chica: la prueba compara la mezcla consigo misma (no con la integral).
    post = omega_kappa_posterior(
        Y, N, **PRIOR, omega_grid=default_omega_grid(60), kappa_grid=2 + np.geomspace(0.1, 400, 80)
    )
    fine = np.linspace(0, 1, 4001)
    table = post.summary()
    for s in (1, 3):
        dens = post.pi_density(s, fine)
        assert dens.dims == (f"pi_{s}",)
        assert np.trapezoid(dens.values, fine) == pytest.approx(1.0, abs=1e-8)
        mean = np.trapezoid(dens.values * fine, fine)
        var = np.trapezoid(dens.values * (fine - mean) ** 2, fine)
        assert float(post.pi_mean().sel(subject=s)) == pytest.approx(mean, abs=1e-8)
        assert float(post.pi_sd().sel(subject=s)) == pytest.approx(np.sqrt(var), abs=1e-8)
        marg = post.pi_marginal(s)
        assert float(marg.sum()) == pytest.approx(1.0)
        # La función de distribución, integrando la densidad, en los extremos del intervalo.
        cdf = integrate.cumulative_trapezoid(dens.values, fine, initial=0)
        row = table.loc[f"pi_{s}"]
        assert np.interp(row["lower"], fine, cdf) == pytest.approx(0.025, abs=1e-6)
        assert np.interp(row["upper"], fine, cdf) == pytest.approx(0.975, abs=1e-6)


def test_densities_of_omega_and_kappa(post):
    d_omega = post.density("omega")
    assert np.trapezoid(d_omega.values, d_omega["omega"].values) == pytest.approx(1.0, abs=1e-3)
    d_kappa = post.density("kappa")
    d_log = post.density("kappa", log=True)
    np.testing.assert_allclose(d_log.values, d_kappa.values * d_kappa["kappa"].values)
    x = np.log(d_log["kappa"].values)
    assert np.trapezoid(d_log.values, x) == pytest.approx(1.0, abs=1e-3)
    prior = post.density("kappa", which="prior")
    np.testing.assert_allclose(
        prior.values / prior.values.max(),
        stats.gamma.pdf(post.kappa_grid - 2, 2, scale=10)
        / stats.gamma.pdf(post.kappa_grid - 2, 2, scale=10).max(),
        rtol=1e-10,
    )


def test_prior_mass_inside_the_grid_is_reported():
    res = omega_kappa_posterior(Y, N, kappa_shape=1, kappa_rate=0.01, kappa_grid=[2.5, 102.0])
    expected = stats.expon.cdf(100, scale=100) - stats.expon.cdf(0.5, scale=100)
    assert res.kappa_prior_mass == pytest.approx(expected)


def test_default_grids():
    omega = default_omega_grid()
    assert omega.size == 200 and 0 < omega[0] < omega[-1] < 1
    np.testing.assert_allclose(np.diff(omega), 0.005)
    kappa = default_kappa_grid()
    assert kappa[0] == pytest.approx(2.01) and kappa[-1] == pytest.approx(10002)
    np.testing.assert_allclose(np.diff(np.log(kappa - 2)), np.log(1e6) / 240)


def test_trapezoid_weights_sum_to_the_range():
    g = np.array([0.0, 1.0, 3.0, 7.0])
    np.testing.assert_allclose(trapezoid_weights(g), [0.5, 1.5, 3.0, 2.0])
    assert trapezoid_weights(g).sum() == pytest.approx(7.0)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"kappa_grid": [2.0, 5.0]}, ValueError, "kappa_grid"),
        ({"kappa_grid": [5.0, 3.0]}, ValueError, "estrictamente creciente"),
        ({"omega_grid": [0.0, 0.5]}, ValueError, "omega_grid"),
        ({"omega_grid": "0.5"}, TypeError, "omega_grid"),
        ({"kappa_shape": -1.0}, ValueError, "kappa_shape"),
        ({"kappa_rate": 0.0}, ValueError, "kappa_rate"),
        ({"A_omega": "1"}, TypeError, "A_omega"),
    ],
)
def test_invalid_arguments_are_named(kwargs, error, match):
    with pytest.raises(error, match=match):
        omega_kappa_posterior(Y, N, **kwargs)


def test_invalid_counts_and_density_arguments(post):
    with pytest.raises(TypeError, match="'y'"):
        omega_kappa_posterior([1.5], [3])
    with pytest.raises(ValueError, match="'dim'"):
        post.density("pi")
    with pytest.raises(ValueError, match="'log'"):
        post.density("omega", log=True)
    with pytest.raises(ValueError, match="'s'"):
        post.pi_density(4, 0.5)
    with pytest.raises(ValueError, match="'pi'"):
        post.pi_density(1, 1.5)


def test_sample_follows_the_grid_masses():
    post = omega_kappa_posterior(Y, N, **PRIOR, kappa_grid=2 + np.geomspace(0.1, 400, 120))
    omega, kappa = post.sample(40_000, random_seed=1)
    assert set(np.unique(kappa)) <= set(post.kappa_grid)
    omega_mean = float((post.omega * post.omega["omega"]).sum())
    kappa_mean = float((post.kappa * post.kappa["kappa"]).sum())
    assert omega.mean() == pytest.approx(omega_mean, abs=4 * omega.std() / 200)
    assert kappa.mean() == pytest.approx(kappa_mean, abs=4 * kappa.std() / 200)


def test_predict_new_matches_the_beta_binomial_mixture():
    post = omega_kappa_posterior(Y, N, **PRIOR, kappa_grid=2 + np.geomspace(0.1, 400, 120))
    counts = post.predict_new([10, 10], 40_000, random_seed=2)
    assert counts.shape == (40_000, 2)
    assert counts.min() >= 0 and counts.max() <= 10
    # Media: 10 E[a/kappa]; los dos sujetos nuevos son intercambiables.
    w = post.joint.values
    a = post.omega_grid[:, None] * (post.kappa_grid[None, :] - 2) + 1
    expected = 10 * np.sum(w * a / post.kappa_grid[None, :])
    assert counts.mean(axis=0) == pytest.approx([expected] * 2, abs=0.05)
    with pytest.raises(ValueError, match="n_draws"):
        post.predict_new([10], 0)
    with pytest.raises(TypeError, match="'N'"):
        post.predict_new([1.5], 10)
