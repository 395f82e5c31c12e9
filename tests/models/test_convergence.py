"""Pruebas de ``check_convergence`` y de los diagnósticos que calcula (sin muestrear).

Los diagnósticos se comparan con ``arviz.summary``, componente por componente, en
posteriores con cadenas independientes, autocorrelacionadas, pegadas, con una cadena,
con un número impar de extracciones y con componentes constantes.
"""

from __future__ import annotations

import warnings

import arviz as az
import numpy as np
import pytest

from jerarquicos.models.convergence import (
    COLUMNS,
    ConvergenceError,
    check_convergence,
    diagnostics_table,
    rank_diagnostics,
)


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
    ("kwargs", "error", "argument"),
    [
        ({"rhat_max": 1.0}, ValueError, "rhat_max"),
        ({"rhat_max": float("inf")}, ValueError, "rhat_max"),
        ({"rhat_max": "x"}, TypeError, "rhat_max"),
        ({"min_ess": -1}, ValueError, "min_ess"),
        ({"min_ess": float("nan")}, ValueError, "min_ess"),
    ],
)
def test_invalid_arguments_name_the_argument(kwargs, error, argument):
    with pytest.raises(error, match=argument):
        check_convergence(_idata(), **kwargs)


def test_infinite_rhat_max_does_not_switch_the_check_off():
    """Con rhat_max=inf cualquier r̂ pasaría: se rechaza en vez de aprobar una cadena rota."""
    with pytest.raises(ValueError, match="rhat_max=inf"):
        check_convergence(_idata(shift_chain=3.0), rhat_max=float("inf"))


def test_nan_min_ess_is_an_argument_error_not_a_convergence_error():
    with pytest.raises(ValueError, match="min_ess=nan"):
        check_convergence(_idata(), min_ess=float("nan"))


def test_single_var_name_is_one_variable_not_its_letters():
    table = check_convergence(_idata(shift_chain=3.0), var_names="b")
    assert all(name.startswith("b[") for name in table.index)


def _autoregressive(rng, shape, phi):
    """Cadenas AR(1) en el eje 1 (``phi`` cerca de 1: mucha autocorrelación)."""
    noise = rng.standard_normal(shape)
    x = np.zeros(shape)
    for t in range(1, shape[1]):
        x[:, t] = phi * x[:, t - 1] + noise[:, t]
    return x


def _arviz_table(posterior: dict) -> tuple:
    idata = az.from_dict(posterior=posterior)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # 0/0 de los componentes constantes
        ref = az.summary(idata, kind="all", round_to="none")[list(COLUMNS)]
    return idata, ref


POSTERIORS = {
    "independientes": lambda rng: {
        "a": rng.standard_normal((2, 1000, 40)),
        "b": rng.standard_normal((2, 1000)),
    },
    "autocorrelacionadas": lambda rng: {
        "a": _autoregressive(rng, (2, 1201, 6), 0.9),
        "b": _autoregressive(rng, (2, 1201), 0.999),
    },
    "pegadas y discretas": lambda rng: {
        "constante": np.ones((2, 400)),
        "diagonal": np.stack([np.ones((2, 400)), rng.standard_normal((2, 400))], axis=-1),
        "discreta": rng.integers(0, 3, size=(2, 400)).astype(float),
        "separadas": rng.standard_normal((2, 400)) + np.array([[0.0], [3.0]]),
    },
    "una cadena": lambda rng: {"a": rng.standard_normal((1, 300, 3))},
    "cuatro cadenas impares": lambda rng: {"a": _autoregressive(rng, (4, 777, 5), 0.5)},
}


@pytest.mark.parametrize("case", sorted(POSTERIORS))
def test_diagnostics_are_those_of_arviz_summary(case):
    """Mismos rótulos, mismas columnas y los mismos números que ``arviz.summary``."""
    posterior = POSTERIORS[case](np.random.default_rng(7))
    idata, ref = _arviz_table(posterior)
    table = diagnostics_table(idata.posterior, list(posterior))
    assert list(table.index) == list(ref.index)
    assert list(table.columns) == list(COLUMNS)
    np.testing.assert_array_equal(table.isna().to_numpy(), ref.isna().to_numpy())
    # Con dos cadenas, bit a bit; con cuatro, la media de 8 mitades se suma en otro orden.
    rtol = 0.0 if idata.posterior.sizes["chain"] <= 2 else 1e-13
    np.testing.assert_allclose(table.to_numpy(), ref.to_numpy(), rtol=rtol, atol=0.0)


def test_rank_diagnostics_keeps_the_leading_shape_and_flags_what_is_undefined():
    rng = np.random.default_rng(3)
    ary = rng.standard_normal((3, 2, 2, 100))
    ary[1, 0, 0, 5] = np.nan  # un valor no finito anula ese componente
    found = rank_diagnostics(ary)
    assert set(found) == {"ess_bulk", "ess_tail", "r_hat"}
    for values in found.values():
        assert values.shape == (3, 2)
        assert np.isnan(values[1, 0]) and np.isfinite(np.delete(values.ravel(), 2)).all()
    short = rank_diagnostics(rng.standard_normal((2, 3)))  # menos de 4 extracciones
    assert all(np.isnan(v) for v in short.values())


def test_rank_diagnostics_sees_a_chain_that_did_not_mix():
    rng = np.random.default_rng(4)
    mixed = rng.standard_normal((2, 1000))
    stuck = mixed + np.array([[0.0], [2.0]])
    assert rank_diagnostics(mixed)["r_hat"] < 1.01 < rank_diagnostics(stuck)["r_hat"]
    sticky = _autoregressive(rng, (2, 1000), 0.99)
    assert rank_diagnostics(sticky)["ess_bulk"] < 100 < rank_diagnostics(mixed)["ess_bulk"]


@pytest.mark.parametrize(
    "value, error, match",
    [
        ([1.0, 2.0], ValueError, r"ary.*\(2,\)"),
        (np.zeros((2, 0)), ValueError, r"ary.*\(2, 0\)"),
        ([["a", "b"], ["c", "d"]], TypeError, "ary"),
        (np.ones((2, 5), dtype=bool), TypeError, "ary"),
    ],
)
def test_rank_diagnostics_rejects_what_is_not_chains_of_numbers(value, error, match):
    with pytest.raises(error, match=match):
        rank_diagnostics(value)
