"""Ajustar un mismo modelo con varios juegos de datos compilándolo una vez, y medir su costo.

La compilación de nutpie (varios segundos) es casi todo lo que cuesta ajustar
un modelo chico. :func:`fit_variants` la hace una sola vez y muestrea el
modelo con cada juego de valores de sus ``pm.Data`` (como
:func:`jerarquicos.models.fitting.fit_sweep`, pero cambiando varios datos a la
vez); :func:`efficiency_table` resume, para cada ajuste, divergencias, tamaño
efectivo de muestra y costo (en pasos de integración y en segundos).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..validation import (
    check_idata,
    check_integer,
    check_mapping,
    check_prob,
    check_random_seed,
)
from .compiling import check_compiler, compile_with
from .convergence import diagnostics_table
from .fitting import _drop_values, _transformed_value_names

__all__ = ["efficiency_table", "fit_variants"]


def _check_count(value, argument: str, minimum: int) -> int:
    return check_integer(value, argument, minimum=minimum)


def _per_variant(value, variants, argument: str, default) -> dict:
    """Un valor por variante: el mismo para todas o uno por variante (dict)."""
    if isinstance(value, dict):
        unknown = [name for name in value if name not in variants]
        if unknown:
            raise ValueError(f"El argumento {argument} nombra variantes que no existen: {unknown}.")
        return {name: value.get(name, default) for name in variants}
    return dict.fromkeys(variants, value)


def fit_variants(
    model,
    variants,
    *,
    draws: int | dict = 1000,
    tune: int = 1000,
    chains: int = 2,
    random_seed: int,
    target_accept: float | dict | None = None,
    compiler: str = "cached",
):
    """Compila ``model`` con nutpie una vez y lo muestrea con cada juego de datos de ``variants``.

    Es :func:`jerarquicos.models.fitting.fit_sweep` para varios ``pm.Data`` a la
    vez: cada variante es un dict ``{nombre del pm.Data: valor}``; los datos que
    una variante no nombra conservan el valor con que se construyó el modelo.

    Parameters
    ----------
    model : pymc.Model
        Modelo sin ajustar (por ejemplo, de
        :func:`jerarquicos.models.geometry.intercepts_model`).
    variants : dict of str to dict
        Nombre de la variante → datos que cambian.
    draws : int or dict, default 1000
        Extracciones por cadena, para todas las variantes o por variante (un dict
        con las que cambian; las demás usan 1000).
    tune, chains, random_seed
        Como en :func:`jerarquicos.models.fitting.fit_sweep`.
    target_accept : float or dict, optional
        Tasa de aceptación objetivo de NUTS, para todas las variantes o por
        variante (las que el dict no nombra usan la de nutpie).
    compiler : {"cached", "nutpie"}, default "cached"
        Cómo se compila (ver :mod:`jerarquicos.models.compiling`): con los dos,
        el mismo modelo compilado de nutpie, así que ``sampling_time_s`` (lo que
        compara :func:`efficiency_table`) mide a nutpie tal como lo usa cualquiera.

    Returns
    -------
    dict of str to arviz.InferenceData
        Un ajuste por variante, con ``posterior.attrs["sampling_time_s"]`` (sólo
        el muestreo, sin la compilación) y ``posterior.attrs["compile_time_s"]``.

    Raises
    ------
    TypeError
        Si ``model`` no es un ``pymc.Model`` o ``variants`` no es un dict de dicts.
    ValueError
        Si una variante nombra un dato que el modelo no tiene.
    """
    import nutpie
    import pymc as pm

    if not isinstance(model, pm.Model):
        raise TypeError(
            f"El argumento model es de tipo {type(model).__name__}: se admite un pymc.Model."
        )
    if not isinstance(variants, dict) or not all(isinstance(v, dict) for v in variants.values()):
        raise TypeError(
            "El argumento variants debe ser un dict {nombre: {pm.Data: valor}}; se recibió "
            f"{type(variants).__name__}."
        )
    if not variants:
        raise ValueError("El argumento variants está vacío: se admite al menos una variante.")
    known = {v.name for v in model.data_vars}
    for name, update in variants.items():
        unknown = sorted(set(update) - known)
        if unknown:
            raise ValueError(
                f"El argumento 'variants' tiene la variante {name!r}, que cambia {unknown}: no "
                f"son pm.Data del modelo; se admiten {sorted(known)}."
            )
    draws = _per_variant(draws, variants, "draws", 1000)
    for value in draws.values():
        _check_count(value, "draws", 1)
    tune = _check_count(tune, "tune", 0)
    chains = _check_count(chains, "chains", 1)
    random_seed = check_random_seed(random_seed, allow_none=False, allow_generator=False)
    accept = _per_variant(target_accept, variants, "target_accept", None)
    for value in accept.values():
        if value is not None:
            check_prob(value, "target_accept")
    compiler = check_compiler(compiler)
    start = time.perf_counter()
    compiled = compile_with(model, compiler)
    compile_time = time.perf_counter() - start
    hidden = _transformed_value_names(model)
    dtypes = {v.name: v.dtype for v in model.data_vars}
    fits = {}
    for name, update in variants.items():
        values = {key: np.asarray(value, dtype=dtypes[key]) for key, value in update.items()}
        current = compiled.with_data(**values) if values else compiled
        extra = {} if accept[name] is None else {"target_accept": float(accept[name])}
        start = time.perf_counter()
        idata = nutpie.sample(
            current,
            draws=int(draws[name]),
            tune=tune,
            chains=chains,
            seed=int(random_seed),
            progress_bar=False,
            **extra,
        )
        elapsed = time.perf_counter() - start
        _drop_values(idata, hidden)
        idata.posterior.attrs["sampling_time_s"] = elapsed
        idata.posterior.attrs["compile_time_s"] = compile_time
        idata.posterior.attrs["jerarquicos_sampler"] = "nutpie"
        fits[name] = idata
    return fits


def efficiency_table(fits, var_names) -> pd.DataFrame:
    """Divergencias, tamaño efectivo de muestra y costo de cada ajuste.

    Parameters
    ----------
    fits : dict of str to arviz.InferenceData
        Ajustes (por ejemplo, de :func:`fit_variants`), con ``sampling_time_s``
        en ``posterior.attrs`` y ``n_steps`` y ``diverging`` en ``sample_stats``.
    var_names : sequence of str
        Variables sobre las que se toma el mínimo del ESS.

    Returns
    -------
    pandas.DataFrame
        Una fila por ajuste: ``divergences``, ``ess_bulk_min``, ``ess_tail_min``,
        ``r_hat_max``, ``leapfrog_steps`` (pasos de integración en las
        extracciones conservadas), ``ess_per_1000_steps``, ``seconds`` (muestreo)
        y ``ess_per_second``. El ESS y r̂ son los de
        :func:`~jerarquicos.models.convergence.diagnostics_table` (los de ArviZ).
    """
    check_mapping(fits, "fits", what="{nombre: arviz.InferenceData}")
    if isinstance(var_names, str | bytes) or not isinstance(var_names, Sequence):
        raise TypeError(
            "El argumento 'var_names' debe ser una secuencia de nombres de variables; se "
            f"recibió var_names={var_names!r}."
        )
    if not var_names:
        raise ValueError("El argumento 'var_names' debe nombrar al menos una variable.")
    for name, idata in fits.items():
        check_idata(idata, f"fits[{name!r}]", groups=("posterior", "sample_stats"))
        missing = [v for v in var_names if v not in idata.posterior]
        if missing:
            raise ValueError(
                f"El argumento 'var_names' nombra variables que fits[{name!r}] no tiene: "
                f"{missing}; tiene {sorted(idata.posterior.data_vars)}."
            )
        absent = [v for v in ("n_steps", "diverging") if v not in idata.sample_stats]
        if absent:
            raise ValueError(
                f"El argumento 'fits' tiene un ajuste sin {absent} en sample_stats "
                f"(fits[{name!r}]): se admiten los ajustes de fit_variants()."
            )
    rows = {}
    for name, idata in fits.items():
        diagnostics = diagnostics_table(idata.posterior, list(var_names))
        bulk = float(diagnostics["ess_bulk"].min())
        tail = float(diagnostics["ess_tail"].min())
        steps = int(idata.sample_stats["n_steps"].sum())
        seconds = float(idata.posterior.attrs.get("sampling_time_s", np.nan))
        rows[name] = {
            "divergences": int(idata.sample_stats["diverging"].sum()),
            "ess_bulk_min": bulk,
            "ess_tail_min": tail,
            "r_hat_max": float(diagnostics["r_hat"].max()),
            "leapfrog_steps": steps,
            "ess_per_1000_steps": 1000.0 * bulk / steps,
            "seconds": seconds,
            "ess_per_second": bulk / seconds,
        }
    table = pd.DataFrame(rows).T
    table.index.name = "ajuste"
    return table.astype({"divergences": int, "leapfrog_steps": int})
