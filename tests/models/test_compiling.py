"""compiling: el modelo que compila con la caché de numba muestrea lo mismo que nutpie."""

from __future__ import annotations

import numpy as np
import pytest

from jerarquicos.models import compiling


def _model(scale=1.0):
    import pymc as pm

    with pm.Model(coords={"group": ["a", "b", "c"]}) as model:
        data_scale = pm.Data("data_scale", scale)
        mu = pm.Normal("mu", 0.0, 1.0)
        sigma = pm.HalfNormal("sigma", 1.0)
        pm.Normal("theta", mu, sigma * data_scale, dims="group")
        pm.Normal("y", mu, 1.0, observed=np.array([0.3, 1.1, 0.7, 1.9]))
    return model


def _sample(compiled, **kwargs):
    import nutpie

    return nutpie.sample(
        compiled, draws=200, tune=200, chains=2, seed=11, progress_bar=False, **kwargs
    )


@pytest.mark.slow
def test_cached_compile_gives_the_same_draws_as_nutpie():
    """Misma función de logp, misma semilla: las mismas extracciones, número a número."""
    import nutpie

    model = _model()
    cached = _sample(compiling.compile_model(model))
    reference = _sample(nutpie.compile_pymc_model(model))
    for name in ("mu", "sigma", "theta"):
        np.testing.assert_array_equal(cached.posterior[name], reference.posterior[name])
    assert list(cached.posterior["theta"].coords["group"].values) == ["a", "b", "c"]
    assert "sigma_log__" in cached.posterior  # como nutpie: fit las quita después


def _beta_binomial_model():
    """Un logp con ``betaln`` de SciPy: PyTensor no lo guarda en caché."""
    import pymc as pm

    with pm.Model() as model:
        omega = pm.Beta("omega", 2.0, 2.0)
        kappa = pm.Gamma("kappa", 2.0, 0.1)
        pm.BetaBinomial(
            "y", omega * kappa, (1 - omega) * kappa, n=[20, 25, 12], observed=[5, 10, 3]
        )
    return model


@pytest.mark.slow
def test_without_a_cacheable_logp_it_samples_through_python_with_the_same_draws():
    import nutpie
    from nutpie.compiled_pyfunc import PyFuncModel

    model = _beta_binomial_model()
    compiled = compiling.compile_model(model)
    assert isinstance(compiled, PyFuncModel)  # sin el envoltorio que no se guardaría
    cached = _sample(compiled)
    reference = _sample(nutpie.compile_pymc_model(model))
    for name in ("omega", "kappa", "kappa_log__"):
        np.testing.assert_array_equal(cached.posterior[name], reference.posterior[name])


@pytest.mark.slow
def test_cached_compile_with_data_changes_the_model():
    """``with_data`` llega a la función de logp: con escala 0.01 los θ quedan pegados a μ."""
    compiled = compiling.compile_model(_model())
    tight = _sample(compiled.with_data(data_scale=np.asarray(0.01)), cores=1).posterior
    loose = _sample(compiled, cores=1).posterior
    spread_tight = float((tight["theta"] - tight["mu"]).std())
    spread_loose = float((loose["theta"] - loose["mu"]).std())
    assert spread_tight < 0.05 < spread_loose


def test_compile_model_rejects_other_objects():
    with pytest.raises(TypeError, match="pymc.Model.*str"):
        compiling.compile_model("modelo")


@pytest.mark.parametrize(("value", "error"), [("numba", ValueError), (3, TypeError)])
def test_check_compiler_names_the_argument(value, error):
    with pytest.raises(error, match="compiler"):
        compiling.check_compiler(value)


CHILD = """
import numpy as np, pymc as pm
from jerarquicos.models.compiling import compile_model
with pm.Model() as model:
    mu = pm.Normal("mu", 0.0, 1.0)
    pm.Normal("y", mu, 1.0, observed=np.array([0.3, 1.1, 0.7, {offset}]))
compiled = compile_model(model)
print(compiled.compiled_logp_func.cache_hits, compiled.compiled_expand_func.cache_hits)
"""


@pytest.mark.slow
def test_the_c_wrappers_come_from_the_disk_cache_in_the_next_process():
    """Lo que nutpie recompila en cada proceso (7-10 s), aquí se lee de la caché de numba."""
    import subprocess
    import sys

    # Un dato distinto en cada corrida de las pruebas: la primera vez compila de verdad.
    code = CHILD.replace("{offset}", repr(float(np.random.default_rng().uniform(2, 3))))
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    hits = [run.stdout.split() for run in runs]
    # El dato nuevo cambia la clave del logp; la de las variables guardadas (sólo μ) no.
    assert hits[0][0] == "0", runs[0].stdout + runs[0].stderr
    assert hits[1] == ["1", "1"], runs[1].stdout + runs[1].stderr


def test_the_cache_key_changes_with_the_model_and_the_wrapper():
    logp, expand = compiling._LOGP_SRC, compiling._EXPAND_SRC
    base = compiling._cache_key("grafo-a", logp, {"n_dim": 3})
    assert base == compiling._cache_key("grafo-a", logp, {"n_dim": 3})
    assert base != compiling._cache_key("grafo-b", logp, {"n_dim": 3})
    assert base != compiling._cache_key("grafo-a", expand, {"n_dim": 3})
    assert base != compiling._cache_key("grafo-a", logp + "\n", {"n_dim": 3})
    assert base != compiling._cache_key("grafo-a", logp, {"n_dim": 4})


def test_context_swaps_and_restores_nutpie_compiler(monkeypatch):
    import nutpie

    seen = []
    monkeypatch.setattr(compiling, "compile_model", lambda model, var_names=None: seen.append(1))
    original = nutpie.compile_pymc_model
    with compiling.nutpie_compiles_with_cache():
        assert nutpie.compile_pymc_model is not original
        nutpie.compile_pymc_model("modelo", var_names=["x"])
    assert seen == [1]
    assert nutpie.compile_pymc_model is original
    with pytest.raises(RuntimeError), compiling.nutpie_compiles_with_cache():
        raise RuntimeError("falla adentro")
    assert nutpie.compile_pymc_model is original
