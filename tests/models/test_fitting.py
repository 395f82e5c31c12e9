"""Pruebas rápidas de ``fit`` (validación) y ``check_convergence`` (sin muestrear)."""

from __future__ import annotations

import arviz as az
import numpy as np
import pytest

from jerarquicos.models.fitting import ConvergenceError, check_convergence, fit


def _idata(*, chains=2, draws=500, shift_chain=0.0, divergences=0, sticky=False, seed=0):
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((chains, draws))
    a[1] += shift_chain  # una cadena desplazada: r̂ alto
    b = rng.standard_normal((chains, draws, 3))
    if sticky:  # autocorrelación muy alta: ESS bajo
        b[..., 0] = np.cumsum(rng.standard_normal((chains, draws)), axis=1) * 0.01
    corr = np.ones((chains, draws, 2, 2))  # constante: r̂ indefinido, se ignora
    corr[..., 0, 1] = corr[..., 1, 0] = np.tanh(rng.standard_normal((chains, draws)) * 0.1)
    diverging = np.zeros((chains, draws), dtype=bool)
    diverging.flat[:divergences] = True
    return az.from_dict(
        posterior={"a": a, "b": b, "corr": corr},
        sample_stats={"diverging": diverging},
    )


def test_good_sample_passes_and_returns_table():
    table = check_convergence(_idata())
    assert {"r_hat", "ess_bulk", "ess_tail"} <= set(table.columns)
    assert "a" in table.index


def test_high_rhat_lists_parameter():
    with pytest.raises(ConvergenceError) as err:
        check_convergence(_idata(shift_chain=3.0))
    message = str(err.value)
    assert "r̂" in message and "a (" in message
    assert "b[" not in message.split("r̂")[1].split("\n")[0]


def test_divergences_fail():
    with pytest.raises(ConvergenceError, match="3 transición"):
        check_convergence(_idata(divergences=3))


def test_low_ess_lists_parameter():
    with pytest.raises(ConvergenceError) as err:
        check_convergence(_idata(sticky=True), min_ess=400)
    assert "b[0]" in str(err.value) and "ess_bulk" in str(err.value)


def test_var_names_restricts_check():
    check_convergence(_idata(shift_chain=3.0), var_names=["b"])


def test_unknown_var_name_is_reported():
    with pytest.raises(ValueError, match="var_names"):
        check_convergence(_idata(), var_names=["nada"])


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"rhat_max": 1.0}, "rhat_max"),
        ({"rhat_max": "x"}, "rhat_max"),
        ({"min_ess": -1}, "min_ess"),
    ],
)
def test_invalid_arguments_name_the_argument(kwargs, argument):
    with pytest.raises(ValueError, match=argument):
        check_convergence(_idata(), **kwargs)


def test_fit_validates_arguments():
    import pymc as pm

    with pm.Model() as model:
        pm.Normal("x")
    with pytest.raises(ValueError, match="sampler='stan'"):
        fit(model, random_seed=1, sampler="stan")
    with pytest.raises(ValueError, match="draws=0"):
        fit(model, draws=0, random_seed=1)
    with pytest.raises(ValueError, match="random_seed=None"):
        fit(model, random_seed=None)
    with pytest.raises(TypeError, match="bambi.Model o un pymc.Model"):
        fit("no es un modelo", random_seed=1)
