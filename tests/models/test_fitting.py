"""Pruebas rápidas de ``fit`` y ``fit_sweep`` (validación, sin muestrear de verdad)."""

from __future__ import annotations

import numpy as np
import pytest

from jerarquicos.models.fitting import fit, fit_sweep


def test_fit_validates_arguments():
    import pymc as pm

    with pm.Model() as model:
        pm.Normal("x")
    with pytest.raises(ValueError, match="sampler='stan'"):
        fit(model, random_seed=1, sampler="stan")
    with pytest.raises(ValueError, match="draws=0"):
        fit(model, draws=0, random_seed=1)
    with pytest.raises(TypeError, match="random_seed=None.*obligatoria"):
        fit(model, random_seed=None)
    with pytest.raises(TypeError, match="random_seed.*obligatoria"):
        fit(model)
    with pytest.raises(TypeError, match="bambi.Model o un pymc.Model"):
        fit("no es un modelo", random_seed=1)


# --------------------------------------------------------------------------- muestreador simulado


@pytest.fixture
def sample_calls(monkeypatch):
    """Reemplaza pymc.sample por el muestreador simulado de PyMC y anota sus argumentos."""
    import pymc as pm
    from pymc.testing import mock_sample

    calls = []

    def recording_sample(*args, **kwargs):
        import nutpie

        # El compilador que PyMC usaría durante la llamada (fit puede cambiarlo).
        calls.append({**kwargs, "compile_pymc_model": nutpie.compile_pymc_model})
        return mock_sample(*args, **kwargs)

    monkeypatch.setattr(pm, "sample", recording_sample)
    return calls


def _pm_model():
    import pymc as pm

    with pm.Model() as model:
        scale = pm.HalfNormal("scale")
        pm.Normal("x", 0.0, scale, shape=3)
    return model


def test_fit_passes_allowed_sampler_arguments(sample_calls):
    idata = fit(_pm_model(), draws=20, chains=2, random_seed=7, target_accept=0.9, cores=1)
    (call,) = sample_calls
    # PyMC no le pasa ``cores`` a nutpie: fit lo manda en nuts_sampler_kwargs.
    assert call["target_accept"] == 0.9 and call["nuts_sampler_kwargs"] == {"cores": 1}
    assert "cores" not in call
    assert call["random_seed"] == 7 and call["draws"] == 20 and call["nuts_sampler"] == "nutpie"
    assert idata.posterior.sizes["chain"] == 2
    assert "scale_log__" not in idata.posterior
    assert idata.posterior.attrs["jerarquicos_sampler"] == "nutpie"


def test_fit_compiles_with_the_numba_cache_by_default(sample_calls):
    import nutpie

    original = nutpie.compile_pymc_model
    fit(_pm_model(), draws=10, random_seed=1)
    fit(_pm_model(), draws=10, random_seed=1, compiler="nutpie")
    fit(_pm_model(), draws=10, random_seed=1, sampler="pymc")
    cached, plain, pymc_nuts = sample_calls
    assert cached["compile_pymc_model"] is not original
    assert cached["compile_pymc_model"].__module__ == "jerarquicos.models.compiling"
    assert "nuts_sampler_kwargs" not in cached  # las cadenas a la vez, como nutpie
    assert plain["compile_pymc_model"] is original and "nuts_sampler_kwargs" not in plain
    assert pymc_nuts["nuts_sampler"] == "pymc" and "nuts_sampler_kwargs" not in pymc_nuts
    assert nutpie.compile_pymc_model is original  # fit lo devuelve a su lugar


def test_fit_accepts_numpy_integers_as_seed_and_counts(sample_calls):
    fit(_pm_model(), draws=np.int64(10), chains=np.int32(1), random_seed=np.uint32(2**32 - 1))
    assert sample_calls[0]["random_seed"] == 2**32 - 1
    assert type(sample_calls[0]["draws"]) is int


def test_fit_builds_bambi_model_and_passes_target_accept(sample_calls):
    import bambi as bmb
    import pandas as pd

    model = bmb.Model("y ~ 1", pd.DataFrame({"y": [0.1, -0.3, 0.5, 0.2]}))
    idata = fit(model, draws=10, chains=2, random_seed=3, target_accept=0.85)
    assert sample_calls[0]["target_accept"] == 0.85
    assert {"Intercept", "sigma"} <= set(idata.posterior.data_vars)


@pytest.mark.parametrize(
    ("kwargs", "error", "argument"),
    [
        ({"bogus_kwarg": 3}, ValueError, "'bogus_kwarg'"),
        ({"init": "adapt_diag"}, ValueError, "'init'"),
        ({"target_accept": 1.5}, ValueError, "target_accept=1.5"),
        ({"target_accept": True}, TypeError, "target_accept=True"),
        ({"random_seed": 2**64}, ValueError, "random_seed=18446744073709551616"),
        ({"random_seed": 2.5}, TypeError, "random_seed=2.5"),
        ({"progressbar": "no"}, TypeError, "progressbar='no'"),
        ({"draws": 10**9}, ValueError, "draws"),
    ],
)
def test_fit_rejects_before_sampling(sample_calls, kwargs, error, argument):
    kwargs = {"random_seed": 1, **kwargs}
    with pytest.raises(error, match=argument):
        fit(_pm_model(), **kwargs)
    assert sample_calls == []  # nada llegó a pymc.sample


def test_posterior_size_is_refused_with_the_memory_it_needs(sample_calls):
    import pymc as pm

    with pm.Model() as wide:
        pm.Normal("x", shape=1000)
    with pytest.raises(ValueError, match=r"200\.000\.000 elementos \(unos 1\.6 GB"):
        fit(wide, draws=100_000, chains=2, random_seed=1)
    fit(wide, draws=10, chains=2, random_seed=1)  # lo razonable pasa
    assert len(sample_calls) == 1


def _sweep_model():
    import pymc as pm

    with pm.Model() as model:
        scale = pm.Data("scale", 1.0)
        pm.Normal("x", 0.0, scale, shape=2)
    return model


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "argument"),
    [
        (("nope", [1.0]), {}, ValueError, "data_name='nope'"),
        ((3, [1.0]), {}, TypeError, "data_name=3"),
        (("scale", []), {}, ValueError, "'values'"),
        (("scale", 5.0), {}, TypeError, "values=5.0"),
        (("scale", [[1.0, 2.0]]), {}, ValueError, r"forma \(\)"),
        (("scale", [float("nan")]), {}, ValueError, "values\\[0\\]=nan"),
        (("scale", [1.0]), {"target_accept": 1.5}, ValueError, "target_accept"),
        (("scale", [1.0]), {"random_seed": None}, TypeError, "obligatoria"),
    ],
)
def test_fit_sweep_validates_before_compiling(args, kwargs, error, argument):
    kwargs = {"random_seed": 1, **kwargs}
    with pytest.raises(error, match=argument):
        fit_sweep(_sweep_model(), *args, **kwargs)
