"""Pruebas de jerarquicos.grid.summaries."""

import numpy as np
import pandas as pd
import pytest
import xarray as xr
from scipy import stats

from jerarquicos.grid.summaries import grid_interval, grid_mean, grid_sd, summarize

A, B = 3.0, 5.0
MEAN = A / (A + B)
SD = np.sqrt(A * B / ((A + B) ** 2 * (A + B + 1)))


def beta_on_grid(n):
    x = np.linspace(0, 1, n)
    return x, stats.beta.pdf(x, A, B)


def test_moments_match_beta_closed_form():
    x, dens = beta_on_grid(1001)
    assert grid_mean(x, dens) == pytest.approx(MEAN, abs=1e-9)
    assert grid_sd(x, dens) == pytest.approx(SD, abs=1e-9)


@pytest.mark.parametrize(("n", "tol"), [(101, 1e-3), (1001, 1e-5)])
def test_interval_matches_beta_quantiles(n, tol):
    """El error del cuantil es O(h^2) (método de los puntos medios)."""
    x, dens = beta_on_grid(n)
    lower, upper = grid_interval(x, dens)
    assert lower == pytest.approx(stats.beta.ppf(0.025, A, B), abs=tol)
    assert upper == pytest.approx(stats.beta.ppf(0.975, A, B), abs=tol)
    lower, upper = grid_interval(x, dens, prob=0.5)
    assert lower == pytest.approx(stats.beta.ppf(0.25, A, B), abs=tol)
    assert upper == pytest.approx(stats.beta.ppf(0.75, A, B), abs=tol)


def test_interval_hand_computed():
    # Masas 1/4 en 0, 1, 2, 3: F en los puntos medios = 1/8, 3/8, 5/8, 7/8.
    # El cuantil 1/4 está a mitad de camino entre 0 y 1; el 3/4, entre 2 y 3.
    assert grid_interval([0, 1, 2, 3], [1, 1, 1, 1], prob=0.5) == (0.5, 2.5)
    # Fuera del rango de F se devuelve el primer o último punto con masa.
    assert grid_interval([0, 1, 2, 3], [1, 1, 1, 1], prob=0.9) == (0.0, 3.0)


def test_symmetric_interval():
    x = np.linspace(0, 1, 101)
    dens = stats.beta.pdf(x, 2, 2)
    lower, upper = grid_interval(x, dens, prob=0.8)
    assert lower + upper == pytest.approx(1.0, abs=1e-12)


def test_zero_masses_are_skipped():
    assert grid_interval([0, 1, 2], [0, 1, 0]) == (1.0, 1.0)
    assert grid_mean([0, 1, 2], [0, 1, 0]) == 1.0
    assert grid_sd([0, 1, 2], [0, 1, 0]) == 0.0
    # Un punto sin masa entre dos con masa no cambia el intervalo.
    assert grid_interval([0, 1, 2], [1, 0, 1], prob=0.5) == grid_interval([0, 2], [1, 1], prob=0.5)


def test_dataarray_input_and_normalisation():
    x, dens = beta_on_grid(201)
    da = xr.DataArray(dens / dens.sum(), dims=("pi_1",), coords={"pi_1": x})
    assert grid_mean(da) == pytest.approx(grid_mean(x, 7 * dens), rel=1e-14)
    assert grid_sd(da) == pytest.approx(grid_sd(x, dens), rel=1e-14)
    row = summarize(da, prob=0.9)
    assert isinstance(row, pd.Series)
    assert list(row.index) == ["mean", "sd", "lower", "upper"]
    assert row.name == "pi_1"
    assert (row["lower"], row["upper"]) == pytest.approx(
        grid_interval(x, dens, prob=0.9), rel=1e-14
    )
    assert summarize(x, dens, name="theta").name == "theta"


@pytest.mark.parametrize(
    ("values", "masses", "exc", "pattern"),
    [
        ([0, 1], [0.5, -0.5], ValueError, r"'masses'.*masses\[1\]=-0\.5"),
        ([0, 1], [0.5, np.nan], ValueError, "'masses'"),
        ([0, 1], [0, 0], ValueError, "suma positiva"),
        ([0, 1, 2], [0.5, 0.5], ValueError, r"len\(dist\)=3.*len\(masses\)=2"),
        ([0, 2, 1], [1, 1, 1], ValueError, "estrictamente crecientes"),
        ([0, np.inf], [1, 1], ValueError, "finitos"),
        ([0, 1], ["a", "b"], TypeError, "'masses'"),
    ],
)
def test_invalid_distributions(values, masses, exc, pattern):
    with pytest.raises(exc, match=pattern):
        grid_mean(values, masses)


def test_invalid_dataarray_and_prob():
    with pytest.raises(TypeError, match="'dist'.*'masses'"):
        grid_mean([0.1, 0.2])
    two_d = xr.DataArray(np.ones((2, 2)), dims=("a", "b"))
    with pytest.raises(ValueError, match="'dist'.*1-D"):
        grid_sd(two_d)
    with pytest.raises(ValueError, match="'prob'"):
        grid_interval([0, 1], [1, 1], prob=1.0)
    with pytest.raises(ValueError, match="'prob'"):
        summarize([0, 1], [1, 1], prob=0)


def test_summarize_name_must_be_text():
    masses = xr.DataArray([0.2, 0.8], dims=("omega",), coords={"omega": [0.1, 0.9]})
    assert summarize(masses, name="ω").name == "ω"
    with pytest.raises(TypeError, match="'name'.*name=3"):
        summarize(masses, name=3)


def test_decreasing_grid_message_names_dist():
    with pytest.raises(ValueError, match=r"'dist'.*dist\[0\]=1\.0 seguido de dist\[1\]=0\.0"):
        grid_mean([1.0, 0.0], [0.5, 0.5])
