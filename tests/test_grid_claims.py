"""Afirmaciones de los capítulos sobre la aproximación por grilla.

Cada prueba llama a las mismas funciones que un capítulo (``grid_posterior`` con
grillas de 101 puntos y los métodos ``marginal``/``summary``) y comprueba lo que
el texto afirma, con los datos de la clase: A_omega = B_omega = 2, N_1 = 20,
y_1 = 5, N_2 = 8, y_2 = 4.
"""

import numpy as np
import pytest
from grid_reference import LECTURE

from jerarquicos.grid import grid_posterior
from jerarquicos.summaries import grid_mean, grid_sd

Y1, N1, Y2, N2 = 5, 20, 4, 8


@pytest.fixture(scope="module", params=[5, 100], ids=["kappa5", "kappa100"])
def lecture(request):
    return grid_posterior(LECTURE["y"], LECTURE["N"], 2, 2, kappa=request.param)


@pytest.fixture(scope="module")
def by_kappa():
    return {
        k: grid_posterior(LECTURE["y"], LECTURE["N"], 2, 2, kappa=k).summary() for k in (5, 100)
    }


def mode(marginal):
    name = marginal.dims[0]
    return float(marginal[name].values[int(np.argmax(marginal.values))])


def test_likelihood_does_not_depend_on_omega(lecture):
    lik = lecture.likelihood
    first = lik.isel(omega=0)
    assert bool((lik == first).all())
    assert float(first.max()) > 0


def test_larger_sample_gives_narrower_likelihood(lecture):
    sd1 = grid_sd(lecture.marginal("pi_1", which="likelihood"))
    sd2 = grid_sd(lecture.marginal("pi_2", which="likelihood"))
    assert sd1 < sd2
    # Y cada una está centrada en su proporción muestral.
    assert mode(lecture.marginal("pi_1", which="likelihood")) == pytest.approx(Y1 / N1)
    assert mode(lecture.marginal("pi_2", which="likelihood")) == pytest.approx(Y2 / N2)


def test_kappa5_posteriors_stay_near_sample_proportions(by_kappa):
    table = by_kappa[5]
    res = grid_posterior(LECTURE["y"], LECTURE["N"], 2, 2, kappa=5)
    assert table.loc["pi_1", "mean"] == pytest.approx(Y1 / N1, abs=0.05)
    assert table.loc["pi_2", "mean"] == pytest.approx(Y2 / N2, abs=0.05)
    assert mode(res.marginal("pi_1")) == pytest.approx(Y1 / N1, abs=0.05)
    assert mode(res.marginal("pi_2")) == pytest.approx(Y2 / N2, abs=0.05)
    assert table.loc["pi_1", "sd"] < table.loc["pi_2", "sd"]


def test_kappa100_moves_pi2_toward_omega(by_kappa):
    low, high = by_kappa[5], by_kappa[100]
    gap_low = abs(low.loc["pi_2", "mean"] - Y2 / N2)
    gap_high = abs(high.loc["pi_2", "mean"] - Y2 / N2)
    assert gap_high > gap_low + 0.05
    # E[pi_2 | y] queda entre la proporción muestral y E[omega | y].
    omega_mean = high.loc["omega", "mean"]
    assert omega_mean < high.loc["pi_2", "mean"] < Y2 / N2
    # El sujeto 1 (muestra más grande) pesa más en omega: E[omega | y] queda
    # más cerca de 5/20 que de 4/8.
    assert abs(omega_mean - Y1 / N1) < abs(omega_mean - Y2 / N2)


def test_shrinkage_toward_omega(lecture):
    table = lecture.summary()
    omega_mean = table.loc["omega", "mean"]
    for name, prop in (("pi_1", Y1 / N1), ("pi_2", Y2 / N2)):
        lo, hi = sorted((prop, omega_mean))
        assert lo < table.loc[name, "mean"] < hi, name


def test_stronger_prior_keeps_omega_near_half():
    weak = grid_posterior(3, 9, 2, 2, kappa=5)
    strong = grid_posterior(3, 9, 20, 20, kappa=10)
    w_weak, w_strong = weak.marginal("omega"), strong.marginal("omega")
    assert abs(grid_mean(w_strong) - 0.5) < abs(grid_mean(w_weak) - 0.5)
    assert grid_sd(w_strong) < grid_sd(w_weak)
    # Y pi_1 se aleja más de 3/9 con la previa fuerte (omega cerca de 0.5, kappa mayor).
    gap_weak = abs(grid_mean(weak.marginal("pi_1")) - 3 / 9)
    gap_strong = abs(grid_mean(strong.marginal("pi_1")) - 3 / 9)
    assert gap_strong > gap_weak
