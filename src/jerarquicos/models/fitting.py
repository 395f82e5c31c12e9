"""Ajuste por MCMC.

Los constructores de :mod:`jerarquicos.models` devuelven modelos SIN ajustar
(un ``bambi.Model`` o un ``pymc.Model``); :func:`fit` los ajusta con el mismo
código para ambos (y :func:`~jerarquicos.models.convergence.check_convergence`
detiene el capítulo con un error en castellano si el muestreo no es fiable).

El muestreador por omisión es nutpie (``inference_method="nutpie"`` en Bambi
0.17, ``nuts_sampler="nutpie"`` en PyMC): en esta máquina fue de 2 a 4 veces
más rápido que el NUTS de PyMC. ``sampler="pymc"`` usa el NUTS de PyMC.
"""

from __future__ import annotations

import contextlib
import os
import time
import warnings
from typing import Any

import numpy as np

from ..validation import (
    check_bool,
    check_choice,
    check_integer,
    check_memory,
    check_prob,
    check_random_seed,
    check_real_array,
    format_value,
)
from ._warnings import ignore_pandas4_in_bambi
from .compiling import (
    check_compiler,
    compile_with,
    nutpie_compiles_with_cache,
)

__all__ = [
    "MAX_CHAINS",
    "MAX_DRAWS",
    "MAX_POSTERIOR_VALUES",
    "SAMPLERS",
    "SAMPLE_KWARGS",
    "fit",
    "fit_sweep",
    "ignore_pandas4_in_bambi",
]

#: Muestreadores admitidos por :func:`fit`.
SAMPLERS = ("nutpie", "pymc")

#: Argumentos adicionales que :func:`fit` pasa al muestreador (cualquier otro se rechaza).
SAMPLE_KWARGS = ("target_accept", "cores")

#: Máximo de iteraciones por cadena (``draws`` y ``tune``) y de cadenas.
MAX_DRAWS = 1_000_000
MAX_CHAINS = 64

#: Máximo de valores que puede guardar el posterior (extracciones × cadenas × valores
#: por extracción): unos 800 MB en ``float64``.
MAX_POSTERIOR_VALUES = 100_000_000


def _check_iterations(draws, tune, chains) -> tuple[int, int, int]:
    return (
        check_integer(draws, "draws", minimum=1, maximum=MAX_DRAWS),
        check_integer(tune, "tune", minimum=0, maximum=MAX_DRAWS),
        check_integer(chains, "chains", minimum=1, maximum=MAX_CHAINS),
    )


def _check_seed(random_seed) -> int:
    return check_random_seed(random_seed, allow_none=False, allow_generator=False)


def _check_target_accept(value) -> float:
    return check_prob(value, "target_accept")


def _check_sample_kwargs(sample_kwargs: dict[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(sample_kwargs) - set(SAMPLE_KWARGS))
    if unknown:
        allowed = " y ".join(repr(k) for k in SAMPLE_KWARGS)
        raise ValueError(
            f"El argumento {unknown[0]!r} no es un argumento de fit(); se recibió "
            f"{unknown[0]}={format_value(sample_kwargs[unknown[0]])}. Además de draws, tune, "
            f"chains, random_seed, sampler y progressbar se admiten sólo {allowed}."
        )
    checked = dict(sample_kwargs)
    if "target_accept" in checked:
        checked["target_accept"] = _check_target_accept(checked["target_accept"])
    if "cores" in checked:
        checked["cores"] = check_integer(checked["cores"], "cores", minimum=1)
    return checked


def _values_per_draw(pm_model) -> int:
    """Valores que guarda cada extracción: los de las variables libres del modelo.

    Se leen de las ``dims`` (con las longitudes de ``coords``) o de la forma
    estática; sólo si alguna no se conoce se evalúan las formas (unos 0.1 s).
    """
    total = 0
    for rv in pm_model.free_RVs:
        dims = pm_model.named_vars_to_dims.get(rv.name)
        if dims and all(d in pm_model.coords and pm_model.coords[d] is not None for d in dims):
            total += int(np.prod([len(pm_model.coords[d]) for d in dims]))
        elif all(isinstance(n, int) for n in rv.type.shape):
            total += int(np.prod(rv.type.shape))
        else:
            shapes = pm_model.eval_rv_shapes()
            names = {v.name for v in pm_model.free_RVs}
            return max(1, sum(int(np.prod(s)) for name, s in shapes.items() if name in names))
    return max(1, total)


def _check_posterior_size(pm_model, draws: int, chains: int, n_fits: int = 1) -> None:
    per_draw = _values_per_draw(pm_model)
    check_memory(
        draws * chains * per_draw * n_fits,
        "draws",
        what=(
            f"el posterior ({n_fits} ajuste(s) × {chains} cadena(s) × {draws} extracciones × "
            f"{per_draw} valores)"
        ),
        limit=MAX_POSTERIOR_VALUES,
    )


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


def _drop_values(idata, names: set[str]) -> None:
    """Quita del posterior de ``idata`` las variables de ``names`` que estén (en su lugar)."""
    drop = sorted(names & set(idata.posterior.data_vars))
    if drop:
        idata.posterior = idata.posterior.drop_vars(drop)


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
    random_seed: int | None = None,
    sampler: str = "nutpie",
    compiler: str = "cached",
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
        Extracciones conservadas por cadena (entre 1 y :data:`MAX_DRAWS`).
    tune : int, default 1000
        Iteraciones de adaptación (descartadas) por cadena (entre 0 y
        :data:`MAX_DRAWS`).
    chains : int, default 2
        Número de cadenas, entre 1 y :data:`MAX_CHAINS` (la máquina del curso
        tiene 2 núcleos).
    random_seed : int
        Semilla, un entero entre 0 y 2**32 - 1; obligatoria (aunque la firma
        diga ``None``, para que su falta se informe en castellano) para que los
        capítulos sean reproducibles.
    sampler : {"nutpie", "pymc"}, default "nutpie"
        Muestreador NUTS: nutpie (compila el modelo con numba; más rápido) o el
        de PyMC.
    compiler : {"cached", "nutpie"}, default "cached"
        Cómo se compila el modelo para nutpie (con ``sampler="pymc"`` no se
        usa): ``"cached"`` guarda todo en la caché de numba (2-3 s en vez de
        7-10 s desde la segunda vez, con las mismas extracciones);
        ``"nutpie"``, ``nutpie.compile_pymc_model``. Ver
        :mod:`jerarquicos.models.compiling`.
    progressbar : bool, default False
        Mostrar la barra de progreso.
    **sample_kwargs
        Sólo los de :data:`SAMPLE_KWARGS`, que se pasan a ``bambi.Model.fit`` o
        ``pymc.sample``: ``target_accept`` (número estrictamente entre 0 y 1)
        y ``cores`` (entero positivo). Cualquier otro se rechaza en vez de
        ignorarse en silencio. Con ``sampler="pymc"`` y sin ``cores``, se usa
        una cadena por CPU (PyMC, por omisión, muestrearía en serie con 2 CPU);
        con nutpie, ``cores`` son las cadenas que corren a la vez (por omisión,
        una por CPU).

    Returns
    -------
    arviz.InferenceData
        Resultado del muestreo. Se eliminan del grupo ``posterior`` las
        variables transformadas internas (``*_log__``, ...) que nutpie
        conserva, y se guarda el tiempo total (compilación + muestreo) en
        ``idata.posterior.attrs["wall_time_s"]``.

    Raises
    ------
    TypeError
        Si ``model`` no es un ``bambi.Model`` ni un ``pymc.Model``, o si algún
        argumento tiene un tipo que no sirve (una semilla ``2.5`` o ausente, un
        ``draws`` no entero, ``progressbar="no"``, ...).
    ValueError
        Si algún valor está fuera de lo admitido (``target_accept=1.5``, una
        semilla negativa o mayor que 2**32 - 1, un argumento desconocido, o un
        posterior que no cabría en memoria, ver :data:`MAX_POSTERIOR_VALUES`).

    Notes
    -----
    Con pandas 3, Bambi/formulae emiten ``pandas.errors.Pandas4Warning``
    (avisos de cambios futuros de pandas que no podemos corregir). Se ignoran
    sólo esos avisos y sólo cuando provienen de los módulos ``bambi`` o
    ``formulae``; cualquier otro aviso se muestra.
    """
    import bambi as bmb
    import pymc as pm

    if not isinstance(model, bmb.Model | pm.Model):
        raise TypeError(
            "El argumento 'model' debe ser un bambi.Model o un pymc.Model sin ajustar; se "
            f"recibió model={format_value(model)} (de tipo {type(model).__name__})."
        )
    draws, tune, chains = _check_iterations(draws, tune, chains)
    random_seed = _check_seed(random_seed)
    sampler = check_choice(sampler, "sampler", SAMPLERS)
    compiler = check_compiler(compiler)
    progressbar = check_bool(progressbar, "progressbar")
    sample_kwargs = _check_sample_kwargs(sample_kwargs)
    if isinstance(model, bmb.Model):
        with ignore_pandas4_in_bambi():
            if not model.built:
                model.build()
        _check_posterior_size(model.backend.model, draws, chains)
    else:
        _check_posterior_size(model, draws, chains)

    if sampler == "pymc" and "cores" not in sample_kwargs:
        # PyMC supone que la mitad de las CPU son hilos de hardware y con 2 CPU muestrea
        # las cadenas en serie; aquí se usa una cadena por CPU.
        sample_kwargs["cores"] = max(1, min(chains, os.cpu_count() or 1))

    compiling = contextlib.nullcontext()
    if sampler == "nutpie" and compiler == "cached":
        # Compila con los envoltorios de C en la caché de numba (ver compiling.py).
        compiling = nutpie_compiles_with_cache()
    if sampler == "nutpie" and "cores" in sample_kwargs:
        # PyMC no le pasa ``cores`` a nutpie: va en nuts_sampler_kwargs.
        sample_kwargs["nuts_sampler_kwargs"] = {"cores": sample_kwargs.pop("cores")}

    start = time.perf_counter()
    with ignore_pandas4_in_bambi(), _quiet_numba_hints(), compiling:
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
    elapsed = time.perf_counter() - start

    _drop_values(idata, _transformed_value_names(pm_model))
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
    random_seed: int | None = None,
    target_accept: float | None = None,
    compiler: str = "cached",
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
        Valores de ese dato, uno por ajuste: números finitos con la forma del
        original.
    draws, tune, chains, random_seed
        Como en :func:`fit` (la semilla es obligatoria); todos los ajustes usan
        la misma semilla.
    target_accept : float, optional
        Tasa de aceptación objetivo de NUTS, estrictamente entre 0 y 1 (por
        omisión la de nutpie).
    compiler : {"cached", "nutpie"}, default "cached"
        Como en :func:`fit`.

    Returns
    -------
    list of arviz.InferenceData
        Un ajuste por valor, en el mismo orden, con ``posterior.attrs`` como en
        :func:`fit` (``wall_time_s`` incluye la compilación sólo en el primero).

    Raises
    ------
    TypeError
        Si ``model`` no es un ``pymc.Model``, ``data_name`` no es una cadena,
        ``values`` no es una secuencia de números o algún otro argumento tiene
        un tipo que no sirve.
    ValueError
        Si ``data_name`` no es un ``pm.Data`` del modelo, ``values`` está vacío,
        algún valor no tiene la forma del dato o no es finito, o algún otro
        argumento no es válido.
    """
    import nutpie
    import pymc as pm

    if not isinstance(model, pm.Model):
        raise TypeError(
            "El argumento 'model' debe ser un pymc.Model con un pm.Data (para un bambi.Model "
            f"use fit en cada ajuste); se recibió un objeto de tipo {type(model).__name__}."
        )
    data_vars = sorted(v.name for v in model.data_vars)
    if not isinstance(data_name, str):
        raise TypeError(
            f"El argumento 'data_name' debe ser el nombre (texto) de un pm.Data del modelo, "
            f"uno de {data_vars}; se recibió data_name={format_value(data_name)} (de tipo "
            f"{type(data_name).__name__})."
        )
    if data_name not in data_vars:
        raise ValueError(
            f"El argumento 'data_name' debe ser uno de los pm.Data del modelo, {data_vars}; "
            f"se recibió data_name={data_name!r}."
        )
    values = _check_sweep_values(values, model[data_name])
    draws, tune, chains = _check_iterations(draws, tune, chains)
    random_seed = _check_seed(random_seed)
    extra = {} if target_accept is None else {"target_accept": _check_target_accept(target_accept)}
    compiler = check_compiler(compiler)
    _check_posterior_size(model, draws, chains, n_fits=len(values))
    start = time.perf_counter()
    with _quiet_numba_hints():
        compiled = compile_with(model, compiler)
    hidden = _transformed_value_names(model)
    fits = []
    for value in values:
        with _quiet_numba_hints():
            updated = compiled.with_data(**{data_name: value})
            idata = nutpie.sample(
                updated,
                draws=draws,
                tune=tune,
                chains=chains,
                seed=int(random_seed),
                progress_bar=False,
                **extra,
            )
        _drop_values(idata, hidden)
        idata.posterior.attrs["wall_time_s"] = time.perf_counter() - start
        idata.posterior.attrs["jerarquicos_sampler"] = "nutpie"
        idata.posterior.attrs[f"jerarquicos_{data_name}"] = np.asarray(value).tolist()
        fits.append(idata)
        start = time.perf_counter()
    return fits


def _check_sweep_values(values, data) -> list[np.ndarray]:
    """Cada valor de ``fit_sweep``: números finitos con la forma y el tipo del ``pm.Data``."""
    if isinstance(values, str | bytes) or not hasattr(values, "__iter__"):
        raise TypeError(
            "El argumento 'values' debe ser una secuencia de valores del dato (uno por "
            f"ajuste); se recibió values={format_value(values)} (de tipo "
            f"{type(values).__name__})."
        )
    values = list(values)
    if not values:
        raise ValueError(
            "El argumento 'values' debe tener al menos un valor (uno por ajuste); se "
            "recibió una secuencia vacía."
        )
    shape = tuple(np.shape(data.get_value()))
    checked = []
    for i, value in enumerate(values):
        arr = check_real_array(value, f"values[{i}]")
        if arr.shape != shape:
            raise ValueError(
                f"Cada valor del argumento 'values' debe tener la forma {shape} del pm.Data "
                f"{data.name!r}; se recibió values[{i}] de forma {arr.shape}."
            )
        if not np.all(np.isfinite(arr)):
            raise ValueError(
                f"Cada valor del argumento 'values' debe ser finito; se recibió "
                f"values[{i}]={format_value(value)}."
            )
        checked.append(arr.astype(data.dtype))
    return checked
