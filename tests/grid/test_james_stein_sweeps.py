"""``jerarquicos.grid.james_stein`` y ``jerarquicos.grid.sweeps``: resultados y validación."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from jerarquicos.grid.collapsed import collapsed_posterior  # noqa: E402
from jerarquicos.grid.james_stein import james_stein, squared_errors  # noqa: E402
from jerarquicos.grid.sweeps import marginals_by_kappa  # noqa: E402

# --- james_stein -------------------------------------------------------------------------


def test_james_stein_toward_zero_matches_formula():
    x = np.array([1.0, -1.0, 2.0, 0.0])
    expected = (1 - 2 / np.sum(x**2)) * x
    np.testing.assert_allclose(james_stein(x, center="zero"), expected)
    np.testing.assert_allclose(james_stein(x, center=0.0), expected)


def test_james_stein_toward_mean_and_fixed_point():
    x = np.array([3.0, 1.0, 0.5, 2.5, 4.0])
    dev = x - x.mean()
    expected = x.mean() + (1 - 2 / np.sum(dev**2)) * dev
    np.testing.assert_allclose(james_stein(x), expected)
    c = 1.5
    expected_c = c + (1 - 3 / np.sum((x - c) ** 2)) * (x - c)
    np.testing.assert_allclose(james_stein(x, center=c), expected_c)


def test_james_stein_sigma_scales_the_shrinkage():
    x = np.array([1.0, -1.0, 2.0, 0.0])
    factor = 1 - 2 * 0.5**2 / np.sum(x**2)
    np.testing.assert_allclose(james_stein(x, 0.5, center="zero"), factor * x)


def test_positive_part_clips_the_factor():
    x = np.array([0.1, -0.1, 0.2, 0.0])  # ‖x‖² chico: el factor sería negativo
    np.testing.assert_allclose(james_stein(x, center="zero"), 0.0)
    raw = james_stein(x, center="zero", positive_part=False)
    assert np.all(np.sign(raw[x != 0]) == -np.sign(x[x != 0]))


def test_rows_are_shrunk_separately_and_degenerate_rows_give_the_center():
    x = np.array([[1.0, -1.0, 2.0, 0.0], [5.0, 5.0, 5.0, 5.0]])
    out = james_stein(x)
    np.testing.assert_allclose(out[0], james_stein(x[0]))
    np.testing.assert_allclose(out[1], 5.0)
    assert out.shape == x.shape


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"x": [1.0, 2.0, 3.0]}, ValueError, "al menos 4 medias"),
        ({"x": [1.0, 2.0], "center": "zero"}, ValueError, "al menos 3 medias"),
        ({"x": 1.0}, ValueError, "escalar"),
        ({"x": [1.0, np.nan, 2.0, 3.0]}, ValueError, r"x\[1\]=nan"),
        ({"x": ["a", "b", "c", "d"]}, TypeError, "'x'"),
        ({"x": [1.0, 2.0, 3.0, 4.0], "sigma": 0}, ValueError, "'sigma'"),
        ({"x": [1.0, 2.0, 3.0, 4.0], "center": "mediana"}, ValueError, "'center'"),
        ({"x": [1.0, 2.0, 3.0, 4.0], "center": True}, TypeError, "'center'"),
        ({"x": [1.0, 2.0, 3.0, 4.0], "center": np.inf}, ValueError, "'center'"),
        ({"x": [1.0, 2.0, 3.0, 4.0], "positive_part": 1}, TypeError, "'positive_part'"),
    ],
)
def test_james_stein_validates_its_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        james_stein(**kwargs)


# --- squared_errors ----------------------------------------------------------------------


def test_squared_errors_is_reproducible_and_shaped():
    theta = np.linspace(-1, 1, 6)
    a = squared_errors(theta, 100, np.random.default_rng(3))
    b = squared_errors(theta, 100, np.random.default_rng(3))
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert a[0].shape == a[1].shape == (100,)


def test_squared_errors_mle_risk_is_k_sigma_squared():
    mle, js = squared_errors(np.zeros(8), 20_000, np.random.default_rng(0), sigma=2.0)
    assert mle.mean() == pytest.approx(8 * 4.0, rel=0.03)
    assert js.mean() < mle.mean()


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        (([0.0] * 5, 0, None), ValueError, "'n_sims'"),
        (([0.0] * 5, 2.5, None), TypeError, "'n_sims'"),
        (([0.0] * 5, 10, 42), TypeError, "'rng'"),
        (([[0.0] * 5], 10, None), ValueError, "'theta'"),
    ],
)
def test_squared_errors_validates_its_input(args, error, match):
    theta, n_sims, rng = args
    rng = np.random.default_rng(1) if rng is None else rng
    with pytest.raises(error, match=match):
        squared_errors(theta, n_sims, rng)


# --- marginals_by_kappa ------------------------------------------------------------------


def test_marginals_by_kappa_match_the_collapsed_engine():
    kappas = [3.0, 50.0]
    out = marginals_by_kappa([5, 4], [20, 8], 2, 2, kappas, method="exact")
    for k in kappas:
        ref = collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=k)
        np.testing.assert_allclose(out["omega"].sel(kappa=k).values, ref.omega.values)
        np.testing.assert_allclose(out["pi_2"].sel(kappa=k).values, ref.pi_marginal(2).values)
    assert set(out) == {"omega", "pi_1", "pi_2"}
    assert out["pi_1"].dims == ("kappa", "pi_1")


@pytest.mark.parametrize(
    ("kappas", "kwargs", "error", "match"),
    [
        ([1.5, 5], {}, ValueError, r"kappas\[0\]"),
        ([], {}, ValueError, "'kappas'"),
        ([[5, 6]], {}, ValueError, "'kappas'"),
        ([5], {"method": "montecarlo"}, ValueError, "'method'"),
    ],
)
def test_marginals_by_kappa_validates_its_input(kappas, kwargs, error, match):
    with pytest.raises(error, match=match):
        marginals_by_kappa([5, 4], [20, 8], 2, 2, kappas, **kwargs)


# --- plots.plot_grid_distribution superpuestas ----------------------------------------------


def test_sweep_refuses_absurd_numbers_of_kappas_up_front():
    import time

    start = time.perf_counter()
    with pytest.raises(ValueError, match=r"'kappas'.*elementos.*MB"):
        marginals_by_kappa([5, 4], [20, 8], 2, 2, np.full(10**6, 5.0))
    assert time.perf_counter() - start < 5  # no calcula nada antes de rechazarlo
    with pytest.raises(ValueError, match=r"kappas\[1\]"):
        marginals_by_kappa([5, 4], [20, 8], 2, 2, [5.0, 1.0])
