"""Ajuste por MCMC y verificación de convergencia.

Los constructores de :mod:`jerarquicos.models` devuelven modelos SIN ajustar
(un ``bambi.Model`` o un ``pymc.Model``); :func:`fit` los ajusta con el mismo
código para ambos y :func:`check_convergence` detiene el capítulo con un error
en castellano si el muestreo no es fiable.

El muestreador por omisión es nutpie (``inference_method="nutpie"`` en Bambi
0.17, ``nuts_sampler="nutpie"`` en PyMC): en esta máquina fue de 2 a 4 veces
más rápido que el NUTS de PyMC. ``sampler="pymc"`` usa el NUTS de PyMC.
"""

from __future__ import annotations

import contextlib
import os
import time
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._warnings import ignore_pandas4_in_bambi

__all__ = [
    "SAMPLERS",
    "ConvergenceError",
    "fit",
    "fit_sweep",
    "check_convergence",
    "ignore_pandas4_in_bambi",
]

#: Muestreadores admitidos por :func:`fit`.
SAMPLERS = ("nutpie", "pymc")


class ConvergenceError(RuntimeError):
    """El muestreo no superó los criterios de convergencia de :func:`check_convergence`."""


def _check_int(value: Any, argument: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(
            f"El argumento {argument}={value!r} no es válido: se admite un entero mayor o "
            f"igual que {minimum}."
        )
    return int(value)


@contextlib.contextmanager
def _quiet_numba_hints():
    """Ignora ``NumbaPerformanceWarning`` al compilar (sólo esa categoría).

    Con la caché de numba vacía, nutpie compila y numba sugiere optimizaciones
    de su propio código generado, con la ruta del entorno: no le dicen nada al
    lector del capítulo (y el libro no publica rutas de la máquina).
    """
    with warnings.catch_warnings():
        try:
            from numba.core.errors import NumbaPerformanceWarning
        except ImportError:  # pragma: no cover - numba viene con nutpie
            pass
        else:
            warnings.simplefilter("ignore", NumbaPerformanceWarning)
        yield


def _transformed_value_names(pm_model) -> set[str]:
    """Nombres de las variables transformadas (p. ej. ``sigma_log__``) de un modelo PyMC."""
    names = set()
    for rv in pm_model.free_RVs:
        if pm_model.rvs_to_transforms.get(rv) is not None:
            names.add(pm_model.rvs_to_values[rv].name)
    return names


def fit(
    model,
    *,
    draws: int = 1000,
    tune: int = 1000,
    chains: int = 2,
    random_seed: int,
    sampler: str = "nutpie",
    progressbar: bool = False,
    **sample_kwargs: Any,
):
    """Ajusta por MCMC un modelo de Bambi o de PyMC.

    Parameters
    ----------
    model : bambi.Model or pymc.Model
        Modelo sin ajustar, tal como lo devuelven los constructores de
        :mod:`jerarquicos.models`.
    draws : int, default 1000
        Extracciones conservadas por cadena.
    tune : int, default 1000
        Iteraciones de adaptación (descartadas) por cadena.
    chains : int, default 2
        Número de cadenas (la máquina del curso tiene 2 núcleos).
    random_seed : int
        Semilla; obligatoria para que los capítulos sean reproducibles.
    sampler : {"nutpie", "pymc"}, default "nutpie"
        Muestreador NUTS: nutpie (compila el modelo con numba; más rápido) o el
        de PyMC.
    progressbar : bool, default False
        Mostrar la barra de progreso.
    **sample_kwargs
        Otros argumentos para ``bambi.Model.fit`` o ``pymc.sample`` (p. ej.
        ``target_accept``). Con ``sampler="pymc"`` y sin ``cores``, se usa una
        cadena por CPU (PyMC, por omisión, muestrearía en serie con 2 CPU).

    Returns
    -------
    arviz.InferenceData
        Resultado del muestreo. Se eliminan del grupo ``posterior`` las
        variables transformadas internas (``*_log__``, ...) que nutpie
        conserva, y se guarda el tiempo total (compilación + muestreo) en
        ``idata.posterior.attrs["wall_time_s"]``.

    Raises
    ------
    ValueError
        Si algún argumento no es válido.
    TypeError
        Si ``model`` no es un ``bambi.Model`` ni un ``pymc.Model``.

    Notes
    -----
    Con pandas 3, Bambi/formulae emiten ``pandas.errors.Pandas4Warning``
    (avisos de cambios futuros de pandas que no podemos corregir). Se ignoran
    sólo esos avisos y sólo cuando provienen de los módulos ``bambi`` o
    ``formulae``; cualquier otro aviso se muestra.
    """
    import bambi as bmb
    import pymc as pm

    draws = _check_int(draws, "draws", 1)
    tune = _check_int(tune, "tune", 0)
    chains = _check_int(chains, "chains", 1)
    if isinstance(random_seed, bool) or not isinstance(random_seed, (int, np.integer)):
        raise ValueError(
            f"El argumento random_seed={random_seed!r} no es válido: se admite un entero "
            "(la semilla es obligatoria para que los resultados sean reproducibles)."
        )
    if sampler not in SAMPLERS:
        raise ValueError(
            f"El argumento sampler={sampler!r} no es válido: se admite "
            f"{' o '.join(repr(s) for s in SAMPLERS)}."
        )

    if sampler == "pymc" and "cores" not in sample_kwargs:
        # PyMC supone que la mitad de las CPU son hilos de hardware y con 2 CPU muestrea
        # las cadenas en serie; aquí se usa una cadena por CPU.
        sample_kwargs["cores"] = max(1, min(chains, os.cpu_count() or 1))

    start = time.perf_counter()
    with ignore_pandas4_in_bambi(), _quiet_numba_hints():
        if isinstance(model, bmb.Model):
            idata = model.fit(
                draws=draws,
                tune=tune,
                chains=chains,
                random_seed=int(random_seed),
                inference_method=sampler,
                progressbar=progressbar,
                **sample_kwargs,
            )
            pm_model = model.backend.model
        elif isinstance(model, pm.Model):
            with model:
                idata = pm.sample(
                    draws=draws,
                    tune=tune,
                    chains=chains,
                    random_seed=int(random_seed),
                    nuts_sampler=sampler,
                    progressbar=progressbar,
                    **sample_kwargs,
                )
            pm_model = model
        else:
            raise TypeError(
                f"El argumento model es de tipo {type(model).__name__}: se admite un "
                "bambi.Model o un pymc.Model sin ajustar."
            )
    elapsed = time.perf_counter() - start

    hidden = _transformed_value_names(pm_model) & set(idata.posterior.data_vars)
    if hidden:
        idata.posterior = idata.posterior.drop_vars(sorted(hidden))
    idata.posterior.attrs["wall_time_s"] = elapsed
    idata.posterior.attrs["jerarquicos_sampler"] = sampler
    return idata


def fit_sweep(
    model,
    data_name: str,
    values,
    *,
    draws: int = 1000,
    tune: int = 1000,
    chains: int = 2,
    random_seed: int,
    target_accept: float | None = None,
):
    """Ajusta un modelo de PyMC una vez por valor de uno de sus ``pm.Data``, compilando una vez.

    Sirve cuando sólo cambia un dato o una escala de la previa (por ejemplo, la
    desviación típica de una previa fija): nutpie compila el modelo una sola vez
    y cada ajuste reemplaza el valor con ``with_data`` (la compilación es casi
    todo el tiempo de un ajuste pequeño).

    Parameters
    ----------
    model : pymc.Model
        Modelo sin ajustar con un ``pm.Data`` llamado ``data_name``.
    data_name : str
        Nombre del ``pm.Data`` que cambia.
    values : sequence
        Valores de ese dato, uno por ajuste (con la forma del original).
    draws, tune, chains, random_seed
        Como en :func:`fit`; todos los ajustes usan la misma semilla.
    target_accept : float, optional
        Tasa de aceptación objetivo de NUTS (por omisión la de nutpie).

    Returns
    -------
    list of arviz.InferenceData
        Un ajuste por valor, en el mismo orden, con ``posterior.attrs`` como en
        :func:`fit` (``wall_time_s`` incluye la compilación sólo en el primero).

    Raises
    ------
    TypeError
        Si ``model`` no es un ``pymc.Model``.
    ValueError
        Si ``data_name`` no es un ``pm.Data`` del modelo, ``values`` está vacío o
        algún otro argumento no es válido.
    """
    import nutpie
    import pymc as pm

    if not isinstance(model, pm.Model):
        raise TypeError(
            f"El argumento model es de tipo {type(model).__name__}: fit_sweep admite un "
            "pymc.Model con un pm.Data (para un bambi.Model use fit en cada ajuste)."
        )
    data_vars = {v.name for v in model.data_vars}
    if not isinstance(data_name, str) or data_name not in data_vars:
        raise ValueError(
            f"El argumento data_name={data_name!r} no es un pm.Data del modelo: se admite uno "
            f"de {sorted(data_vars)}."
        )
    values = list(values) if not isinstance(values, str | bytes) else []
    if not values:
        raise ValueError("El argumento values está vacío: se admite al menos un valor.")
    draws = _check_int(draws, "draws", 1)
    tune = _check_int(tune, "tune", 0)
    chains = _check_int(chains, "chains", 1)
    if isinstance(random_seed, bool) or not isinstance(random_seed, (int, np.integer)):
        raise ValueError(
            f"El argumento random_seed={random_seed!r} no es válido: se admite un entero "
            "(la semilla es obligatoria para que los resultados sean reproducibles)."
        )
    extra = {} if target_accept is None else {"target_accept": float(target_accept)}
    start = time.perf_counter()
    with _quiet_numba_hints():
        compiled = nutpie.compile_pymc_model(model)
    hidden = _transformed_value_names(model)
    fits = []
    for value in values:
        dtype = model[data_name].dtype
        with _quiet_numba_hints():
            updated = compiled.with_data(**{data_name: np.asarray(value, dtype=dtype)})
            idata = nutpie.sample(
                updated,
                draws=draws,
                tune=tune,
                chains=chains,
                seed=int(random_seed),
                progress_bar=False,
                **extra,
            )
        drop = sorted(hidden & set(idata.posterior.data_vars))
        if drop:
            idata.posterior = idata.posterior.drop_vars(drop)
        idata.posterior.attrs["wall_time_s"] = time.perf_counter() - start
        idata.posterior.attrs["jerarquicos_sampler"] = "nutpie"
        idata.posterior.attrs[f"jerarquicos_{data_name}"] = np.asarray(value).tolist()
        fits.append(idata)
        start = time.perf_counter()
    return fits


def _diagnostics(idata, var_names: Sequence[str] | None) -> pd.DataFrame:
    import arviz as az

    posterior = idata.posterior
    if var_names is None:
        var_names = list(posterior.data_vars)
    else:
        var_names = list(var_names)
        unknown = [v for v in var_names if v not in posterior.data_vars]
        if unknown:
            raise ValueError(
                f"El argumento var_names contiene variables que no están en el posterior: "
                f"{unknown}. Se admiten: {sorted(posterior.data_vars)}."
            )
    with warnings.catch_warnings():
        # Componentes constantes (p. ej. la diagonal de una matriz de correlación): ArviZ
        # divide 0/0 y avisa; su r̂ queda NaN y check_convergence los descarta.
        warnings.filterwarnings(
            "ignore",
            message="invalid value encountered",
            category=RuntimeWarning,
            module=r"arviz\.stats\.diagnostics",
        )
        table = az.summary(idata, var_names=var_names, kind="all", round_to="none")
    return table[["mean", "sd", "ess_bulk", "ess_tail", "r_hat"]]


def check_convergence(
    idata,
    *,
    rhat_max: float = 1.01,
    min_ess: float = 400.0,
    var_names: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Verifica r̂, ESS y divergencias; lanza un error si algo falla.

    Parameters
    ----------
    idata : arviz.InferenceData
        Resultado de :func:`fit` (grupos ``posterior`` y ``sample_stats``).
    rhat_max : float, default 1.01
        Se exige r̂ < ``rhat_max`` para cada componente (Vehtari et al. 2021).
    min_ess : float, default 400
        ESS mínimo, tanto «bulk» como «tail» (Vehtari et al. 2021 recomiendan
        al menos 400).
    var_names : sequence of str, optional
        Variables a revisar; por omisión todas las del grupo ``posterior``.

    Returns
    -------
    pandas.DataFrame
        Tabla de diagnósticos (``mean``, ``sd``, ``ess_bulk``, ``ess_tail``,
        ``r_hat``) de las variables revisadas, si todo está bien.

    Raises
    ------
    ConvergenceError
        Si hay transiciones divergentes, o algún parámetro tiene r̂ >=
        ``rhat_max`` o ESS < ``min_ess``. El mensaje enumera los parámetros
        problemáticos.
    ValueError
        Si algún argumento no es válido.

    Notes
    -----
    Se ignoran los componentes constantes en todas las extracciones (por
    ejemplo la diagonal de una matriz de correlación, siempre 1), cuyo r̂ no
    está definido.
    """
    try:
        rhat_max = float(rhat_max)
    except (TypeError, ValueError):
        rhat_max = float("nan")
    if not rhat_max > 1.0:
        raise ValueError(
            f"El argumento rhat_max={rhat_max!r} no es válido: se admite un número mayor que 1 "
            "(lo habitual es 1.01)."
        )
    if not hasattr(idata, "posterior"):
        raise ValueError(
            "El argumento idata no tiene grupo 'posterior': se admite el InferenceData que "
            "devuelve fit()."
        )
    if (
        isinstance(min_ess, bool)
        or not isinstance(min_ess, (int, float, np.number))
        or not np.isfinite(min_ess)
        or min_ess <= 0
    ):
        raise ValueError(
            f"El argumento min_ess={min_ess!r} no es válido: se admite un número finito y "
            "positivo (lo habitual es 400)."
        )

    table = _diagnostics(idata, var_names)
    constant = table["sd"] == 0
    checked = table[~constant]

    problems = []
    bad_rhat = checked[~(checked["r_hat"] < rhat_max)]
    if len(bad_rhat):
        items = ", ".join(f"{name} ({value:.3f})" for name, value in bad_rhat["r_hat"].items())
        problems.append(f"r̂ >= {rhat_max} en {len(bad_rhat)} parámetro(s): {items}")
    for kind in ("ess_bulk", "ess_tail"):
        low = checked[~(checked[kind] >= min_ess)]
        if len(low):
            items = ", ".join(f"{name} ({value:.0f})" for name, value in low[kind].items())
            problems.append(f"{kind} < {min_ess:g} en {len(low)} parámetro(s): {items}")

    if hasattr(idata, "sample_stats") and "diverging" in idata.sample_stats:
        diverging = idata.sample_stats["diverging"].to_numpy()
        n_div = int(np.sum(diverging))
        if n_div:
            problems.append(
                f"{n_div} transición(es) divergente(s) de {diverging.size} extracciones"
            )

    if problems:
        raise ConvergenceError(
            "El muestreo no superó la verificación de convergencia:\n- "
            + "\n- ".join(problems)
            + "\nPruebe más iteraciones (draws, tune), un target_accept mayor o una "
            "reparametrización (por ejemplo, predictores centrados)."
        )
    return table
