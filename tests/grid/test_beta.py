"""Pruebas de jerarquicos.grid.beta."""

import numpy as np
import pytest
from scipy import optimize, stats

from jerarquicos.grid.beta import beta_from_mode, mode_from_beta


def test_lecture_values():
    assert beta_from_mode(0.5, 5) == (2.5, 2.5)
    a, b = beta_from_mode(0.6, 5)
    assert a == pytest.approx(0.6 * 3 + 1) and b == pytest.approx(0.4 * 3 + 1)


def test_scalars_return_floats():
    a, b = beta_from_mode(0.25, 10)
    assert type(a) is float and type(b) is float


@pytest.mark.parametrize(("omega", "kappa"), [(0.2, 5), (0.5, 20), (0.9, 100), (0.01, 3)])
def test_mode_is_omega(omega, kappa):
    """La moda numérica de Beta(a, b) es omega y la suma a + b es kappa."""
    a, b = beta_from_mode(omega, kappa)
    assert a + b == pytest.approx(kappa)
    res = optimize.minimize_scalar(
        lambda x: -stats.beta.logpdf(x, a, b),
        bounds=(1e-9, 1 - 1e-9),
        method="bounded",
        options={"xatol": 1e-10},
    )
    assert res.x == pytest.approx(omega, abs=1e-6)


@pytest.mark.parametrize("omega", [0.0, 0.3, 1.0])
def test_kappa_two_is_uniform(omega):
    assert beta_from_mode(omega, 2) == (1.0, 1.0)


def test_vectorised_and_broadcast():
    omega = np.array([0.0, 0.25, 1.0])
    a, b = beta_from_mode(omega, 6)
    np.testing.assert_allclose(a, [1.0, 2.0, 5.0])
    np.testing.assert_allclose(b, [5.0, 4.0, 1.0])
    a, b = beta_from_mode(omega[:, None], np.array([2.0, 10.0]))
    assert a.shape == (3, 2)
    np.testing.assert_allclose(a + b, np.broadcast_to([2.0, 10.0], (3, 2)))


def test_incompatible_shapes():
    with pytest.raises(ValueError, match="'omega' y 'kappa'.*formas"):
        beta_from_mode(np.array([0.1, 0.2]), np.array([3.0, 4.0, 5.0]))


def test_round_trip():
    omega = np.linspace(0, 1, 11)
    kappa = np.array([2.5, 5.0, 100.0])[:, None]
    w, k = mode_from_beta(*beta_from_mode(omega, kappa))
    np.testing.assert_allclose(w, np.broadcast_to(omega, w.shape), atol=1e-14)
    np.testing.assert_allclose(k, np.broadcast_to(kappa, k.shape))
    assert mode_from_beta(2.5, 2.5) == (0.5, 5.0)


@pytest.mark.parametrize(
    ("omega", "kappa", "exc", "pattern"),
    [
        (1.2, 5, ValueError, r"'omega'.*entre 0 y 1.*omega=1\.2"),
        (-0.1, 5, ValueError, r"omega=-0\.1"),
        (np.nan, 5, ValueError, "'omega'"),
        ([0.1, 2.0], 5, ValueError, r"omega\[1\]=2\.0"),
        (0.5, 1.5, ValueError, r"'kappa'.*mayor o igual que 2.*kappa=1\.5"),
        (0.5, np.inf, ValueError, "'kappa'"),
        (True, 5, TypeError, "'omega'"),
        (0.5, "5", TypeError, "'kappa'"),
    ],
)
def test_beta_from_mode_errors(omega, kappa, exc, pattern):
    with pytest.raises(exc, match=pattern):
        beta_from_mode(omega, kappa)


@pytest.mark.parametrize(
    ("a", "b", "pattern"),
    [
        (0.5, 2, r"'a'.*mayor o igual que 1.*a=0\.5"),
        (2, 0.9, r"'b'.*b=0\.9"),
        (1, 1, r"a \+ b > 2"),
        (np.inf, 2, "'a'"),
    ],
)
def test_mode_from_beta_errors(a, b, pattern):
    with pytest.raises(ValueError, match=pattern):
        mode_from_beta(a, b)
