r"""Verificación de convergencia: r̂ normalizado por rangos y ESS «bulk» y «tail».

:func:`check_convergence` detiene un capítulo con un error en castellano si el
muestreo no es fiable (Vehtari et al. 2021: r̂ < 1.01, ESS ≥ 400, sin
transiciones divergentes).

Los diagnósticos son los de ``arviz.summary`` (ArviZ 0.23: las mismas
fórmulas, en el mismo orden), calculados de otra manera: ArviZ recorre los
componentes de a uno (un rango, una FFT y dos bucles de Python por componente y
por diagnóstico, ≈ 6 ms); aquí cada paso se hace de una vez para todos los
componentes de una variable. Un modelo con un efecto por condado tiene cientos
de componentes y un capítulo lo revisa una docena de veces: en radón eran
≈ 7 s por ejecución. Las pruebas comparan los resultados con ``arviz.summary``
componente por componente.

Las capas son como las de arviz-stats: funciones de ``numpy`` sobre arreglos
``(..., chain, draw)`` (:func:`rank_diagnostics`) y, encima, una delgada de
``xarray`` que arma la tabla con los nombres de ArviZ (:func:`diagnostics_table`).

References
----------
Vehtari, A., Gelman, A., Simpson, D., Carpenter, B. y Bürkner, P.-C. (2021).
Rank-normalization, folding, and localization: an improved R̂ for assessing
convergence of MCMC. *Bayesian Analysis* 16(2), 667–718.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats
from scipy.fft import next_fast_len

from ..validation import check_finite_scalar, check_real_array, format_value

__all__ = [
    "ConvergenceError",
    "check_convergence",
    "diagnostics_table",
    "rank_diagnostics",
]

#: Columnas de :func:`diagnostics_table` (y de lo que devuelve :func:`check_convergence`).
COLUMNS = ("mean", "sd", "ess_bulk", "ess_tail", "r_hat")


class ConvergenceError(RuntimeError):
    """El muestreo no superó la verificación de convergencia."""


# --------------------------------------------------------------------------- arreglos


def _split_chains(ary: np.ndarray) -> np.ndarray:
    """Cada cadena en dos mitades: ``(..., chain, draw)`` → ``(..., 2 chain, draw // 2)``."""
    half = ary.shape[-1] // 2
    return np.concatenate([ary[..., :half], ary[..., -half:]], axis=-2)


def _z_scale(ary: np.ndarray) -> np.ndarray:
    """Rangos de todas las extracciones de cada componente, llevados a cuantiles normales."""
    flat = ary.reshape(*ary.shape[:-2], -1)
    rank = stats.rankdata(flat, method="average", axis=-1)
    c = 3 / 8  # Blom (1958)
    size = flat.shape[-1]
    return stats.norm.ppf((rank - c) / (size - 2 * c + 1)).reshape(ary.shape)


def _sequential_var(ary: np.ndarray, ddof: int) -> np.ndarray:
    """Varianza en el último eje con sumas en orden, como la versión de numba de ArviZ."""
    n = ary.shape[-1]
    total = np.cumsum(ary, axis=-1)[..., -1]
    squares = np.cumsum(ary * ary, axis=-1)[..., -1]
    var = squares / n - (total / n) ** 2
    return var * (n / (n - ddof))


def _autocov(ary: np.ndarray) -> np.ndarray:
    """Autocovarianza de cada cadena en todos los rezagos (por FFT, en el último eje)."""
    n = ary.shape[-1]
    m = next_fast_len(2 * n)
    centred = ary - ary.mean(-1, keepdims=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        spectrum = np.fft.rfft(centred, n=m, axis=-1)
        spectrum *= np.conjugate(spectrum)
        cov = np.fft.irfft(spectrum, n=m, axis=-1)[..., :n]
    cov /= n
    return cov


def _ess(ary: np.ndarray) -> np.ndarray:
    """Tamaño efectivo de cada componente de ``ary`` ``(k, chain, draw)`` (Geyer 1992).

    Las autocorrelaciones se suman hasta que un par (par, impar) deja de ser positivo
    y se fuerzan monótonas, como en ``arviz.stats.diagnostics._ess``.
    """
    ary = np.asarray(ary, dtype=float)
    k, n_chain, n_draw = ary.shape
    rows = np.arange(k)
    constant = (ary.max(axis=(1, 2)) - ary.min(axis=(1, 2))) < np.finfo(float).resolution
    acov = _autocov(ary)
    chain_mean = ary.mean(axis=2)
    mean_var = np.mean(acov[:, :, 0], axis=1) * n_draw / (n_draw - 1.0)
    var_plus = mean_var * (n_draw - 1.0) / n_draw
    if n_chain > 1:
        var_plus = var_plus + _sequential_var(chain_mean, ddof=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        rho = 1.0 - (mean_var[:, None] - np.mean(acov, axis=1)) / var_plus[:, None]

    rho_t = np.zeros((k, n_draw))
    rho_t[:, 0] = 1.0
    rho_t[:, 1] = rho[:, 1]
    even = np.ones(k)
    odd = rho[:, 1].copy()
    t_exit = np.ones(k, dtype=int)
    active = np.ones(k, dtype=bool)
    # Secuencia inicial positiva de Geyer: pares de rezagos (t + 1, t + 2).
    t = 1
    while t < n_draw - 3:
        active &= (even + odd) > 0.0
        if not active.any():
            break
        even = np.where(active, rho[:, t + 1], even)
        odd = np.where(active, rho[:, t + 2], odd)
        keep = active & ((even + odd) >= 0)
        rho_t[keep, t + 1] = even[keep]
        rho_t[keep, t + 2] = odd[keep]
        t_exit[active] = t + 2
        t += 2
    max_t = t_exit - 2
    improve = even > 0
    rho_t[rows[improve], max_t[improve] + 1] = even[improve]
    # Secuencia inicial monótona.
    t = 1
    while True:
        inside = t <= max_t - 2
        if not inside.any():
            break
        previous = rho_t[:, t - 1] + rho_t[:, t]
        lower = inside & ((rho_t[:, t + 1] + rho_t[:, t + 2]) > previous)
        rho_t[lower, t + 1] = previous[lower] / 2.0
        rho_t[lower, t + 2] = rho_t[lower, t + 1]
        t += 2

    size = n_chain * n_draw
    # Las sumas de cada fila en el mismo orden que ArviZ (mismos números, bit a bit).
    tau = np.array(
        [
            -1.0 + 2.0 * np.sum(row[: last + 1]) + np.sum(row[last + 1 : last + 2])
            for row, last in zip(rho_t, max_t, strict=True)
        ]
    )
    tau = np.maximum(tau, 1 / np.log10(size))
    ess = size / tau
    ess[np.isnan(rho_t).any(axis=1)] = np.nan
    ess[constant] = size
    return ess


def _rhat(ary: np.ndarray) -> np.ndarray:
    """r̂ de Gelman y Rubin de cada componente de ``ary`` ``(k, chain, draw)``."""
    n = ary.shape[-1]
    chain_mean = np.mean(ary, axis=2)
    chain_var = _sequential_var(ary, ddof=1)
    between = n * _sequential_var(chain_mean, ddof=1)
    within = np.mean(chain_var, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.sqrt((between / within + n - 1) / n)


def _quantiles(flat: np.ndarray, probs: Sequence[float]) -> np.ndarray:
    """Cuantiles de tipo 7 (los de R y de ArviZ) de cada fila de ``flat``: ``(len(probs), k)``."""
    x = np.sort(flat, axis=-1)
    n = x.shape[-1]
    p = np.asarray(probs, dtype=float)
    aleph = n * p + (1.0 - p)
    idx = np.floor(aleph.clip(1, n - 1)).astype(int)
    gamma = (aleph - idx).clip(0, 1)
    return (1.0 - gamma)[:, None] * x[:, idx - 1].T + gamma[:, None] * x[:, idx].T


def rank_diagnostics(ary) -> dict[str, np.ndarray]:
    """ESS «bulk» y «tail» y r̂ normalizado por rangos de cada componente.

    Parameters
    ----------
    ary : array_like
        Extracciones con forma ``(..., chain, draw)``.

    Returns
    -------
    dict
        ``ess_bulk``, ``ess_tail`` y ``r_hat``, cada uno con la forma ``ary.shape[:-2]``.
        Son los números de ``arviz.summary`` (ArviZ 0.23): iguales bit a bit con dos
        cadenas; con más, pueden diferir en el último bit de alguna suma.
        Un componente con valores no finitos o con menos de 4 extracciones por cadena da
        ``nan`` en los tres; con una sola cadena, r̂ es ``nan`` (como en ArviZ).

    Raises
    ------
    TypeError
        Si ``ary`` no contiene números reales.
    ValueError
        Si ``ary`` no tiene al menos dos dimensiones (cadena y extracción) no vacías.
    """
    ary = check_real_array(ary, "ary")
    if ary.ndim < 2 or 0 in ary.shape[-2:]:
        raise ValueError(
            "El argumento 'ary' debe tener forma (..., chain, draw), con al menos una cadena "
            f"y una extracción; se recibió un arreglo de forma {ary.shape}."
        )
    shape = ary.shape[:-2]
    n_chain, n_draw = ary.shape[-2:]
    flat = ary.reshape(-1, n_chain, n_draw)
    out = {name: np.full(flat.shape[0], np.nan) for name in ("ess_bulk", "ess_tail", "r_hat")}
    valid = np.isfinite(flat).all(axis=(1, 2))
    if n_draw >= 4 and valid.any():
        x = flat[valid]
        z_split = _z_scale(_split_chains(x))
        samples = x.reshape(x.shape[0], -1)
        q05, q95 = _quantiles(samples, (0.05, 0.95))
        tails = [_ess(_split_chains(x <= q[:, None, None])) for q in (q05, q95)]
        out["ess_tail"][valid] = np.minimum(*tails)
        out["ess_bulk"][valid] = _ess(z_split)
        if n_chain >= 2:
            folded = np.abs(x - np.median(samples, axis=1)[:, None, None])
            out["r_hat"][valid] = np.maximum(_rhat(z_split), _rhat(_z_scale(_split_chains(folded))))
    return {name: values.reshape(shape) for name, values in out.items()}


# --------------------------------------------------------------------------- xarray


def diagnostics_table(posterior, var_names: Sequence[str] | None = None) -> pd.DataFrame:
    """Media, desvío y diagnósticos de cada componente, con los nombres de ``arviz.summary``.

    Parameters
    ----------
    posterior : xarray.Dataset
        Grupo ``posterior`` (con dimensiones ``chain`` y ``draw``).
    var_names : str or sequence of str, optional
        Variables de ``posterior`` a resumir, en el orden de las filas; por omisión
        todas, en orden alfabético.

    Returns
    -------
    pandas.DataFrame
        Columnas ``mean``, ``sd`` (con ``ddof=1``), ``ess_bulk``, ``ess_tail`` y
        ``r_hat``; una fila por componente, con el rótulo de ArviZ (``"a[Aitkin]"``).

    Raises
    ------
    TypeError
        Si ``posterior`` no es un ``xarray.Dataset`` o ``var_names`` no es una lista de
        nombres.
    ValueError
        Si a ``posterior`` le faltan las dimensiones ``chain`` y ``draw`` o ``var_names``
        nombra variables que no tiene.
    """
    import xarray as xr
    from arviz.labels import BaseLabeller
    from arviz.sel_utils import xarray_var_iter

    if not isinstance(posterior, xr.Dataset):
        raise TypeError(
            "El argumento 'posterior' debe ser un xarray.Dataset (el grupo posterior de un "
            f"InferenceData); se recibió un objeto de tipo {type(posterior).__name__}."
        )
    missing = [dim for dim in ("chain", "draw") if dim not in posterior.dims]
    if missing:
        raise ValueError(
            "El argumento 'posterior' debe tener las dimensiones 'chain' y 'draw'; le faltan "
            f"{missing} (tiene {list(posterior.dims)})."
        )
    var_names = _check_var_names(var_names, posterior)
    dataset = posterior[var_names]
    columns = {
        "mean": dataset.mean(dim=("chain", "draw")),
        "sd": dataset.std(dim=("chain", "draw"), ddof=1),
    }
    for name in ("ess_bulk", "ess_tail", "r_hat"):
        columns[name] = xr.Dataset(coords=columns["mean"].coords)
    for var in dataset.data_vars:
        da = dataset[var].transpose(..., "chain", "draw")
        found = rank_diagnostics(da.to_numpy())
        coords = columns["mean"][var].coords
        for name, values in found.items():
            columns[name][var] = xr.DataArray(values, dims=da.dims[:-2], coords=coords)
    joined = xr.concat([columns[c] for c in COLUMNS], dim="metric")
    joined = joined.assign_coords(metric=list(COLUMNS))
    labeller = BaseLabeller()
    rows, index = [], []
    for var_name, sel, isel, values in xarray_var_iter(joined, skip_dims={"metric"}):
        rows.append(values)
        index.append(labeller.make_label_flat(var_name, sel, isel))
    values = np.array(rows, dtype=float).reshape(-1, len(COLUMNS))
    return pd.DataFrame(values, index=index, columns=list(COLUMNS))


# --------------------------------------------------------------------------- verificación


def _check_var_names(var_names, posterior) -> list[str]:
    known = sorted(posterior.data_vars)
    if var_names is None:
        return list(known)
    if isinstance(var_names, str):
        var_names = [var_names]
    elif not hasattr(var_names, "__iter__"):
        raise TypeError(
            "El argumento 'var_names' debe ser una lista de nombres de variables (o None); "
            f"se recibió var_names={format_value(var_names)} (de tipo "
            f"{type(var_names).__name__})."
        )
    var_names = list(var_names)
    if not var_names:
        raise ValueError(
            f"El argumento 'var_names' debe nombrar al menos una variable de {known} (o ser "
            "None para revisarlas todas); se recibió una lista vacía."
        )
    for i, name in enumerate(var_names):
        if not isinstance(name, str):
            raise TypeError(
                f"Cada elemento del argumento 'var_names' debe ser un nombre (texto); se "
                f"recibió var_names[{i}]={format_value(name)} (de tipo {type(name).__name__})."
            )
    unknown = [v for v in var_names if v not in posterior.data_vars]
    if unknown:
        raise ValueError(
            f"El argumento 'var_names' contiene variables que no están en el posterior: "
            f"{unknown}; se admiten: {known}."
        )
    return var_names


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
    var_names : str or sequence of str, optional
        Variables a revisar (un nombre o una lista no vacía); por omisión todas
        las del grupo ``posterior``.

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
    TypeError
        Si ``idata`` no es un ``arviz.InferenceData`` o algún argumento tiene un
        tipo que no sirve.
    ValueError
        Si algún argumento no es válido (``rhat_max`` debe ser finito y mayor
        que 1, ``min_ess`` finito y positivo).

    Notes
    -----
    Se ignoran los componentes constantes en todas las extracciones (por
    ejemplo la diagonal de una matriz de correlación, siempre 1), cuyo r̂ no
    está definido.
    """
    import arviz as az

    if not isinstance(idata, az.InferenceData):
        raise TypeError(
            "El argumento 'idata' debe ser un arviz.InferenceData (el que devuelve fit()); "
            f"se recibió un objeto de tipo {type(idata).__name__}."
        )
    if not hasattr(idata, "posterior"):
        raise ValueError(
            "El argumento 'idata' debe tener un grupo 'posterior' (el InferenceData que "
            f"devuelve fit()); tiene los grupos {list(idata.groups())}."
        )
    rhat_max = check_finite_scalar(rhat_max, "rhat_max")
    if not rhat_max > 1.0:
        raise ValueError(
            "El argumento 'rhat_max' debe ser un número finito mayor que 1 (lo habitual es "
            f"1.01); se recibió rhat_max={format_value(rhat_max)}."
        )
    min_ess = check_finite_scalar(min_ess, "min_ess")
    if not min_ess > 0:
        raise ValueError(
            "El argumento 'min_ess' debe ser un número finito y positivo (lo habitual es "
            f"400); se recibió min_ess={format_value(min_ess)}."
        )
    var_names = _check_var_names(var_names, idata.posterior)

    table = diagnostics_table(idata.posterior, var_names)
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
