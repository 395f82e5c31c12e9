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
    cached = _sample(compiling.compile_model(model), cores=compiling.CACHED_CORES)
    reference = _sample(nutpie.compile_pymc_model(model))
    for name in ("mu", "sigma", "theta"):
        np.testing.assert_array_equal(cached.posterior[name], reference.posterior[name])
    assert list(cached.posterior["theta"].coords["group"].values) == ["a", "b", "c"]
    assert "sigma_log__" in cached.posterior  # como nutpie: fit las quita después


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


def test_sample_kwargs_for_each_compiler():
    assert compiling.sample_kwargs_for("cached") == {"cores": compiling.CACHED_CORES}
    assert compiling.sample_kwargs_for("nutpie") == {}


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
