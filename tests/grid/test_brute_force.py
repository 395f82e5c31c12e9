"""Pruebas del motor de fuerza bruta jerarquicos.grid.brute_force."""

import math

import numpy as np
import pandas as pd
import pytest
import xarray as xr
from grid_reference import LECTURE, lecture_moments
from scipy import integrate, special, stats

from jerarquicos.grid.brute_force import DEFAULT_MAX_CELLS, GridPosterior, grid_posterior


@pytest.fixture(scope="module")
def lecture():
    return grid_posterior(LECTURE["y"], LECTURE["N"], 2, 2, kappa=5)


def assert_clean(res: GridPosterior):
    for name in ("prior", "likelihood", "posterior"):
        values = getattr(res, name).values
        assert np.all(np.isfinite(values)), name
        assert np.all(values >= 0), name
    assert float(res.prior.sum()) == pytest.approx(1.0, abs=1e-12)
    assert float(res.posterior.sum()) == pytest.approx(1.0, abs=1e-12)


# ------------------------------------------------------------- estructura


def test_dims_coords_and_normalisation(lecture):
    grid = np.linspace(0, 1, 101)
    for arr in (lecture.prior, lecture.likelihood, lecture.posterior):
        assert isinstance(arr, xr.DataArray)
        assert arr.dims == ("pi_1", "pi_2", "omega")
        assert arr.shape == (101, 101, 101)
        for dim in arr.dims:
            np.testing.assert_array_equal(arr[dim].values, grid)
    assert_clean(lecture)
    assert lecture.pi_names == ("pi_1", "pi_2")
    assert lecture.names == ("pi_1", "pi_2", "omega")


def test_scalar_input_is_one_subject():
    res = grid_posterior(3, 9, 2, 2, 5)
    assert res.posterior.dims == ("pi_1", "omega")
    assert res.n_subjects == 1


def test_likelihood_is_raw_binomial_product(lecture):
    lik = lecture.likelihood
    for i, k, j in [(25, 50, 0), (30, 47, 77), (0, 10, 5), (100, 3, 100)]:
        p1, p2 = lik.pi_1.values[i], lik.pi_2.values[k]
        expected = stats.binom.pmf(5, 20, p1) * stats.binom.pmf(4, 8, p2)
        assert lik.values[i, k, j] == pytest.approx(expected, rel=1e-12, abs=1e-300)
    assert float(lik.sum()) != pytest.approx(1.0)  # no está normalizada


def test_prior_and_posterior_are_normalised_products(lecture):
    """Cociente entre dos celdas = cociente de densidades crudas (definición de la clase)."""

    def log_joint(p1, p2, w, with_lik):
        a, b = w * 3 + 1, (1 - w) * 3 + 1
        value = (
            stats.beta.logpdf(w, 2, 2) + stats.beta.logpdf(p1, a, b) + stats.beta.logpdf(p2, a, b)
        )
        if with_lik:
            value += stats.binom.logpmf(5, 20, p1) + stats.binom.logpmf(4, 8, p2)
        return value

    cells = [(20, 40, 35), (55, 60, 70)]
    for arr, with_lik in ((lecture.prior, False), (lecture.posterior, True)):
        (i1, k1, j1), (i2, k2, j2) = cells
        g = arr.pi_1.values
        ratio = arr.values[i1, k1, j1] / arr.values[i2, k2, j2]
        expected = math.exp(
            log_joint(g[i1], g[k1], g[j1], with_lik) - log_joint(g[i2], g[k2], g[j2], with_lik)
        )
        assert ratio == pytest.approx(expected, rel=1e-10)


# ----------------------------------------------- marginales y conjuntas


def test_marginals_match_xarray_sums(lecture):
    post = lecture.posterior
    xr.testing.assert_allclose(
        lecture.marginal("pi_1"), post.sum(["pi_2", "omega"]).rename("posterior")
    )
    omega = lecture.marginal("omega")
    assert omega.dims == ("omega",)
    np.testing.assert_allclose(omega.values, post.sum(["pi_1", "pi_2"]).values, atol=1e-15)
    assert float(omega.sum()) == pytest.approx(1.0, abs=1e-12)
    joint = lecture.joint("pi_2", which="prior")
    assert joint.dims == ("pi_2", "omega")
    np.testing.assert_allclose(
        joint.sum("omega").values, lecture.marginal("pi_2", "prior").values, atol=1e-15
    )


@pytest.mark.parametrize("which", ["prior", "likelihood", "posterior"])
@pytest.mark.parametrize(("y", "n"), [(3, 9), ((5, 4), (20, 8)), ((1, 0, 4), (3, 2, 4))])
def test_factorised_marginals_equal_full_sums(which, y, n):
    """marginal() y joint() usan la factorización; deben coincidir con sumar el arreglo."""
    grid = np.linspace(0, 1, 21)
    res = grid_posterior(y, n, 2, 3, 6, pi_grid=grid, omega_grid=np.linspace(0, 1, 17))
    full = getattr(res, which)
    for name in res.names:
        direct = full.sum([d for d in full.dims if d != name]).values
        if which == "likelihood":
            direct = direct / direct.sum()
        np.testing.assert_allclose(res.marginal(name, which).values, direct, rtol=1e-12, atol=1e-17)
    for name in res.pi_names:
        direct = full.sum([d for d in res.pi_names if d != name]).transpose(name, "omega").values
        if which == "likelihood":
            direct = direct / direct.sum()
        np.testing.assert_allclose(res.joint(name, which).values, direct, rtol=1e-12, atol=1e-17)


def test_likelihood_marginals_are_normalised(lecture):
    lik1 = lecture.marginal("pi_1", which="likelihood")
    assert float(lik1.sum()) == pytest.approx(1.0)
    pmf = stats.binom.pmf(5, 20, lik1.pi_1.values)
    np.testing.assert_allclose(lik1.values, pmf / pmf.sum(), rtol=1e-10)
    joint = lecture.joint("pi_1", which="likelihood")
    assert float(joint.sum()) == pytest.approx(1.0)


def test_name_and_which_are_validated(lecture):
    with pytest.raises(ValueError, match=r"'name'.*'pi_1'.*name='pi_3'"):
        lecture.marginal("pi_3")
    with pytest.raises(ValueError, match="'name'"):
        lecture.joint("omega")
    with pytest.raises(ValueError, match=r"'which'.*which='posterio'"):
        lecture.marginal("omega", which="posterio")


# ------------------------------------------ caso conjugado (dado omega)


@pytest.mark.parametrize(("y", "n", "omega"), [(3, 9, 0.3), (0, 12, 0.6), (7, 7, 0.95)])
def test_conditional_posterior_is_conjugate_beta(y, n, omega):
    """Dado omega, pi | y ~ Beta(a + y, b + N - y): normalizada en la grilla."""
    res = grid_posterior(y, n, 2, 2, kappa=5)
    cond = res.conditional("pi_1", omega=omega, which="posterior")
    a, b = omega * 3 + 1, (1 - omega) * 3 + 1
    log_d = stats.beta.logpdf(cond.pi_1.values, a + y, b + n - y)
    expected = np.exp(log_d - special.logsumexp(log_d))
    np.testing.assert_allclose(cond.values, expected, atol=1e-13)
    assert float(cond.omega) == pytest.approx(omega)


def test_conditional_prior_at_lecture_omega(lecture):
    cond = lecture.conditional("pi_1")  # omega = 0.6, previa
    dens = stats.beta.pdf(cond.pi_1.values, 0.6 * 3 + 1, 0.4 * 3 + 1)
    np.testing.assert_allclose(cond.values, dens / dens.sum(), atol=1e-14)


def test_conditional_grid_step_rule():
    res = grid_posterior(3, 9, 2, 2, 5, omega_grid=np.linspace(0.2, 0.8, 61))
    near = res.conditional("pi_1", omega=0.196)  # a menos de medio paso (0.005) de 0.2
    assert float(near.omega) == pytest.approx(0.2)
    with pytest.raises(ValueError, match=r"'omega'.*medio paso.*omega=0\.1"):
        res.conditional("pi_1", omega=0.1)
    with pytest.raises(ValueError, match=r"'omega'.*entre 0 y 1"):
        res.conditional("pi_1", omega=1.5)


def test_conditional_refuses_zero_slice(lecture):
    # La previa Beta(2, 2) de omega vale 0 en omega = 0.
    with pytest.raises(ValueError, match="cero"):
        lecture.conditional("pi_1", omega=0.0, which="prior")


# --------------------------------------- contra integración numérica


def test_hierarchical_moments_match_numerical_integration(lecture):
    """Grilla de 101 puntos: error observado ~1.6e-5 (O(h^2) en omega); se exige 1e-4."""
    reference = lecture_moments(5.0)
    table = lecture.summary()
    for name, (mean, sd) in reference.items():
        assert table.loc[name, "mean"] == pytest.approx(mean, abs=1e-4), name
        assert table.loc[name, "sd"] == pytest.approx(sd, abs=1e-4), name


def test_summary_table(lecture):
    table = lecture.summary(prob=0.9)
    assert isinstance(table, pd.DataFrame)
    assert list(table.index) == ["pi_1", "pi_2", "omega"]
    assert list(table.columns) == ["mean", "sd", "lower", "upper"]
    assert np.all(table["lower"] < table["mean"]) and np.all(table["mean"] < table["upper"])
    narrower = lecture.summary(prob=0.5)
    assert np.all(narrower["upper"] - narrower["lower"] < table["upper"] - table["lower"])
    prior = lecture.summary(which="prior")
    assert prior.loc["omega", "mean"] == pytest.approx(0.5, abs=1e-12)  # simetría


# --------------------------------------------- escala logarítmica


def test_large_n_does_not_underflow():
    res = grid_posterior(2500, 5000, 2, 2, 5)
    assert_clean(res)
    marg = res.marginal("pi_1")
    assert np.count_nonzero(marg.values > 1e-6) >= 3  # no degenerada
    assert float((marg * marg.pi_1).sum()) == pytest.approx(0.5, abs=1e-3)
    cond = res.conditional("pi_1", omega=0.3, which="posterior")
    log_d = stats.beta.logpdf(cond.pi_1.values, 0.3 * 3 + 1 + 2500, 0.7 * 3 + 1 + 2500)
    np.testing.assert_allclose(cond.values, np.exp(log_d - special.logsumexp(log_d)), atol=1e-12)


def test_two_large_subjects_stay_finite():
    res = grid_posterior([2500, 900], [5000, 3000], 2, 2, 50)
    assert_clean(res)
    table = res.summary()
    assert table.loc["pi_1", "mean"] == pytest.approx(0.5, abs=0.01)
    assert table.loc["pi_2", "mean"] == pytest.approx(0.3, abs=0.01)


# ------------------------------------------------------------- bordes


@pytest.mark.parametrize(("y", "n"), [(0, 0), (0, 6), (6, 6), ([0, 6], [6, 6])])
@pytest.mark.parametrize("kappa", [2, 5, 1000])
@pytest.mark.parametrize(("A", "B"), [(1, 1), (2, 2), (1, 3)])
def test_edge_values_never_produce_nan(y, n, kappa, A, B):
    grid = np.linspace(0, 1, 21)
    res = grid_posterior(y, n, A, B, kappa, pi_grid=grid, omega_grid=grid)
    assert_clean(res)
    assert np.all(np.isfinite(res.summary().values))


def test_kappa_two_prior_is_uniform_in_pi():
    res = grid_posterior(4, 10, 2, 2, kappa=2, pi_grid=np.linspace(0, 1, 11))
    cond = res.conditional("pi_1", omega=0.37, which="prior")
    np.testing.assert_allclose(cond.values, np.full(11, 1 / 11), atol=1e-15)
    # Con kappa = 2 los datos no informan sobre omega: posterior = previa.
    np.testing.assert_allclose(
        res.marginal("omega").values, res.marginal("omega", "prior").values, atol=1e-14
    )


def test_n_zero_posterior_equals_prior():
    res = grid_posterior(0, 0, 2, 3, kappa=7)
    np.testing.assert_allclose(res.posterior.values, res.prior.values, atol=1e-15)


@pytest.mark.parametrize(
    ("A", "B", "bad_grid", "pattern"),
    [
        (0.5, 2, np.linspace(0, 1, 11), r"A_omega < 1.*omega=0.*A_omega=0\.5.*'omega_grid'"),
        (2, 0.5, np.linspace(0, 1, 11), r"B_omega < 1.*omega=1"),
    ],
)
def test_infinite_prior_density_at_endpoint(A, B, bad_grid, pattern):
    with pytest.raises(ValueError, match=pattern):
        grid_posterior(3, 9, A, B, 5, omega_grid=bad_grid)
    interior = np.linspace(0.025, 0.975, 20)
    res = grid_posterior(3, 9, A, B, 5, omega_grid=interior)
    assert_clean(res)
    # La grilla sin el extremo reproduce la densidad beta previa de omega salvo
    # la suma de Riemann de pi (que no depende del extremo).
    assert np.all(res.marginal("omega", "prior").values > 0)


def test_all_zero_grids_are_refused():
    with pytest.raises(ValueError, match="posterior es cero"):
        grid_posterior(2, 5, 1, 1, 5, pi_grid=[0.0, 1.0])
    with pytest.raises(ValueError, match="previa es cero"):
        grid_posterior(2, 5, 2, 2, 5, omega_grid=[0.0, 1.0])


# ------------------------------------------------------- límite de tamaño


def test_size_guard_refuses_large_grids():
    assert 101**4 > DEFAULT_MAX_CELLS
    with pytest.raises(ValueError, match=r"104\.060\.401 celdas.*collapsed_posterior"):
        grid_posterior([1, 2, 3], [5, 5, 5], 2, 2, 5)
    with pytest.raises(ValueError, match=r"max_cells=1\.000.*collapsed_posterior"):
        grid_posterior([1, 2, 3], [5, 5, 5], 2, 2, 5, max_cells=1000)
    small = grid_posterior(
        [1, 2, 3],
        [5, 5, 5],
        2,
        2,
        5,
        pi_grid=np.linspace(0, 1, 6),
        omega_grid=np.linspace(0, 1, 6),
        max_cells=6**4,
    )
    assert small.posterior.shape == (6, 6, 6, 6)


def test_three_subjects_match_numerical_integration():
    """S = 3 en una grilla de 41 puntos: la marginal de omega cuadra con quad."""
    grid = np.linspace(0, 1, 41)
    y, n = (2, 5, 1), (6, 9, 4)
    res = grid_posterior(y, n, 2, 2, 4, pi_grid=grid, omega_grid=grid)

    def dens(w):
        a, b = w * 2 + 1, (1 - w) * 2 + 1
        return stats.beta.pdf(w, 2, 2) * np.prod(
            [stats.betabinom.pmf(ys, ns, a, b) for ys, ns in zip(y, n, strict=True)]
        )

    z = integrate.quad(dens, 0, 1)[0]
    mean = integrate.quad(lambda w: w * dens(w), 0, 1)[0] / z
    assert res.summary().loc["omega", "mean"] == pytest.approx(mean, abs=1e-3)


def test_full_arrays_are_cached_and_likelihood_is_read_only(lecture):
    assert lecture.posterior is lecture.posterior
    assert lecture.prior is lecture.prior
    assert not lecture.likelihood.values.flags.writeable


def test_pi_names_validates_the_number_of_subjects():
    from jerarquicos.grid.brute_force import pi_names

    assert pi_names(np.int64(3)) == ("pi_1", "pi_2", "pi_3")
    with pytest.raises(ValueError, match="n_subjects=0"):
        pi_names(0)  # antes devolvía () en silencio
    with pytest.raises(TypeError, match="n_subjects=2.0"):
        pi_names(2.0)
    with pytest.raises(ValueError, match="n_subjects.*GB"):
        pi_names(10**9)
