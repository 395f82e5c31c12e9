"""Corredores de la Cherry Blossom Ten Mile: pendientes variables por corredor.

Datos: ``load_dataset("cherry_blossom_sample")`` (Johnson, Ott y Dogucu 2022,
cap. 17). Dos versiones del mismo modelo de tiempos ``net`` según la edad:

* :func:`varying_slopes_model` — Bambi,
  ``net ~ 1 + age_c + (1 + age_c | runner)``. Bambi 0.17 NO modela la
  correlación entre intercepto y pendiente de un mismo corredor: sus dos
  efectos de grupo tienen previas independientes.
* :func:`correlated_varying_slopes_model` — PyMC, el modelo de la clase con
  ``[α_j, β_j] ~ MvNormal([μ_α, μ_β], Σ)`` y previa LKJ sobre la correlación.

La edad se mide desde una edad de referencia (``age_c = age - age_center``,
por omisión la media). En el modelo de PyMC esa referencia es un ``pm.Data``
(``"age_center"``): con :func:`jerarquicos.models.fitting.fit_sweep` se ajusta
con la edad centrada y con la edad cruda (``age_center = 0``) compilando una
sola vez. Con la edad cruda el intercepto es el tiempo a los 0 años, casi
perfectamente correlacionado con la pendiente, y el muestreo no converge.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..validation import check_positive_finite, check_prob, check_real_scalar, format_value
from ._data import as_categorical, bambi_model, require_frame
from .groups import posterior_group

__all__ = [
    "correlated_varying_slopes_model",
    "correlation_summary",
    "intercept_slope_correlation",
    "no_pooling_lines",
    "population_line",
    "posterior_lines",
    "prepare_runners",
    "varying_slopes_model",
]

#: Nombres de las variables de los dos modelos (Bambi los deriva de la fórmula;
#: el modelo de PyMC los fija aquí).
INTERCEPT = "Intercept"
AGE = "age_c"
RUNNER = "runner"
RUNNER_INTERCEPT = "1|runner"
RUNNER_SLOPE = "age_c|runner"
MU = "mu"
EFFECT = "effect"
RUNNER_EFFECTS = "runner_effects"
SIGMA_RUNNER = "sigma_runner"
RHO = "rho"
#: ``pm.Data`` del modelo de PyMC con la edad de referencia (lo cambia ``fit_sweep``).
AGE_CENTER = "age_center"

VARYING_SLOPES = "net ~ 1 + age_c + (1 + age_c | runner)"


def _check_numeric_column(df: pd.DataFrame, column: str, argument: str = "data") -> np.ndarray:
    """Columna numérica y finita de ``df`` como ``float64`` (TypeError / ValueError)."""
    series = df[column]
    if not (pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)):
        raise TypeError(
            f"La columna {argument}[{column!r}] es de tipo {series.dtype}: se admiten sólo "
            "números reales."
        )
    values = series.to_numpy(dtype="float64")
    bad = ~np.isfinite(values)
    if bad.any():
        where = int(np.flatnonzero(bad)[0])
        raise ValueError(
            f"La columna {argument}[{column!r}] tiene valores no finitos (la fila "
            f"{series.index[where]!r} vale {format_value(values[where])}): se admiten sólo "
            "números finitos."
        )
    return values


def _check_age_center(age_center) -> float | None:
    """``None`` o un número real finito (TypeError si no es número; ValueError si no es finito)."""
    if age_center is None:
        return None
    value = check_real_scalar(age_center, "age_center")
    if not math.isfinite(value):
        raise ValueError(
            f"El argumento 'age_center' debe ser un número finito o None (la media de la "
            f"edad); se recibió age_center={format_value(value)}."
        )
    return value


def prepare_runners(data: pd.DataFrame, *, age_center: float | None = None) -> pd.DataFrame:
    """Limpia los datos de corredores para los modelos.

    Elimina las filas sin ``net`` (67 de las 252 de ``cherry_blossom_sample``,
    quedan 185 de los 36 corredores), convierte ``runner`` a categórica y añade
    la edad centrada ``age_c = age - age_center``.

    Parameters
    ----------
    data : pandas.DataFrame
        Con columnas ``runner``, ``age`` y ``net`` (``age`` y ``net``
        numéricas; ``net`` puede faltar, ``age`` y ``runner`` no).
    age_center : float, optional
        Edad de referencia. Por omisión la media de ``age`` en las filas que
        se conservan (≈ 55.0 años en ``cherry_blossom_sample``).

    Returns
    -------
    pandas.DataFrame
        Copia limpia, con índice 0..n-1. ``df.attrs["n_dropped"]`` guarda el
        número de filas eliminadas y ``df.attrs["age_center"]`` la edad de
        referencia usada.

    Raises
    ------
    TypeError
        Si ``data`` no es un DataFrame, ``age`` o ``net`` no son numéricas o
        ``age_center`` no es un número real.
    ValueError
        Si faltan columnas, ``age`` o ``net`` tienen valores infinitos,
        ``age_center`` no es finito o no queda ninguna fila.
    """
    df = require_frame(data, ["runner", "age", "net"])
    center = _check_age_center(age_center)
    for column in ("age", "net"):
        series = df[column]
        if not (pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)):
            raise TypeError(
                f"La columna data[{column!r}] es de tipo {series.dtype}: se admiten sólo "
                "números reales."
            )
    keep = df["net"].notna()
    n_dropped = int((~keep).sum())
    df = df.loc[keep].reset_index(drop=True)
    if len(df) == 0:
        raise ValueError(
            "El argumento data no tiene ninguna fila con 'net' observado: se requiere al menos una."
        )
    if df["age"].isna().any() or df["runner"].isna().any():
        raise ValueError(
            "Las columnas data['age'] y data['runner'] tienen valores ausentes en filas con "
            "'net': se admiten sólo valores completos."
        )
    df["age"] = _check_numeric_column(df, "age")
    df["net"] = _check_numeric_column(df, "net")
    if center is None:
        center = float(df["age"].mean())
    df["age_c"] = df["age"] - center
    df["runner"] = as_categorical(df["runner"])
    df.attrs["n_dropped"] = n_dropped
    df.attrs["age_center"] = center
    return df


def varying_slopes_model(
    data: pd.DataFrame,
    *,
    age_center: float | None = None,
    priors: Mapping | None = None,
):
    """Modelo de Bambi con intercepto y pendiente de edad variables por corredor.

    ``net_ij ~ N(μ_α + a_j + (μ_β + b_j)·age_c_ij, σ²)`` con
    ``a_j ~ N(0, σ_α²)`` y ``b_j ~ N(0, σ_β²)`` INDEPENDIENTES (Bambi 0.17 no
    tiene efectos de grupo correlacionados; para eso vea
    :func:`correlated_varying_slopes_model`).

    Parameters
    ----------
    data : pandas.DataFrame
        Datos crudos o ya preparados; siempre se pasan por
        :func:`prepare_runners` (se eliminan las filas sin ``net`` y se centra
        la edad).
    age_center : float, optional
        Edad de referencia para centrar (por omisión, la media).
    priors : dict, optional
        Previas de Bambi (``"Intercept"``, ``"age_c"``, ``"1|runner"``,
        ``"age_c|runner"``, ``"sigma"``); por omisión las automáticas de Bambi.

    Returns
    -------
    bambi.Model
        Modelo sin ajustar; ``model.data.attrs`` conserva ``n_dropped`` y
        ``age_center``.

    Raises
    ------
    TypeError, ValueError
        Ver :func:`prepare_runners`; ``TypeError`` si ``priors`` no es un dict.

    Notes
    -----
    Bambi usa la parametrización no centrada para los dos efectos de grupo;
    las ordenadas, bien determinadas por los datos, mezclan lento así: con 2
    cadenas, ``draws=2000`` y ``tune=1000`` el ESS del intercepto común quedó
    entre 347 y 405 según la semilla; con ``draws=3000`` y ``tune=500``, entre
    578 y 651 (cuatro semillas), sin divergencias. Casi todo el tiempo del
    ajuste es la compilación de nutpie.
    """
    if priors is not None and not isinstance(priors, Mapping):
        raise TypeError(
            f"El argumento 'priors' es de tipo {type(priors).__name__}: se admite un dict "
            "{término: bambi.Prior} o None."
        )
    return bambi_model(VARYING_SLOPES, prepare_runners(data, age_center=age_center), priors)


def _normal_prior(value, argument: str) -> tuple[float, float]:
    """Par (media, desviación típica) de una previa normal."""
    if isinstance(value, str | bytes) or not isinstance(value, Sequence | np.ndarray):
        raise TypeError(
            f"El argumento '{argument}' es de tipo {type(value).__name__}: se admite un par "
            "(media, desviación típica) de números."
        )
    if len(value) != 2:
        raise ValueError(
            f"El argumento '{argument}' tiene {len(value)} elemento(s): se admite un par "
            f"(media, desviación típica); se recibió {argument}={format_value(value)}."
        )
    mean = check_real_scalar(value[0], f"{argument}[0]")
    sd = check_real_scalar(value[1], f"{argument}[1]")
    if not (math.isfinite(mean) and math.isfinite(sd) and sd > 0):
        raise ValueError(
            f"El argumento '{argument}' debe ser un par (media, desviación típica) finito con "
            f"desviación típica positiva; se recibió {argument}={format_value(value)}."
        )
    return mean, sd


def _positive_pair(value, argument: str) -> tuple[float, float]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence | np.ndarray):
        raise TypeError(
            f"El argumento '{argument}' es de tipo {type(value).__name__}: se admite un par "
            "de números positivos (σ_α, σ_β) o None."
        )
    if len(value) != 2:
        raise ValueError(
            f"El argumento '{argument}' tiene {len(value)} elemento(s): se admite un par de "
            f"números positivos (σ_α, σ_β); se recibió {argument}={format_value(value)}."
        )
    return tuple(check_positive_finite(v, f"{argument}[{i}]") for i, v in enumerate(value))


def correlated_varying_slopes_model(
    data: pd.DataFrame,
    *,
    age_center: float | None = None,
    intercept_prior: tuple[float, float] = (100.0, 10.0),
    slope_prior: tuple[float, float] = (2.5, 1.0),
    group_sd_scales: tuple[float, float] | None = None,
    sigma_scale: float | None = None,
    lkj_eta: float = 1.0,
    centered: bool = False,
):
    """Modelo de la clase con efectos de corredor correlacionados, en PyMC.

    .. math::

        net_{ij} &\\sim N(α_j + β_j \\, x_{ij}, σ^2), \\quad x_{ij} = age_{ij} - c \\\\
        [α_j, β_j]^T &\\sim \\mathrm{MvNormal}([μ_α, μ_β]^T, Σ), \\quad
        Σ = \\mathrm{diag}(σ_α, σ_β) \\, R \\, \\mathrm{diag}(σ_α, σ_β) \\\\
        R &\\sim \\mathrm{LKJ}(η), \\quad σ_α, σ_β \\sim \\mathrm{Exponencial}, \\quad
        σ \\sim \\mathrm{Exponencial}

    La normal bivariada se escribe como su factorización
    ``α_j ~ N(μ_α, σ_α)`` y ``β_j | α_j ~ N(μ_β + ρ σ_β (α_j - μ_α) / σ_α,
    σ_β² (1 - ρ²))``, que es la misma distribución conjunta. Por omisión las
    ordenadas van centradas (los datos de cada corredor las determinan bien) y
    las pendientes, mal determinadas, no centradas:
    ``β_j = μ_β + ρ σ_β (α_j - μ_α) / σ_α + σ_β \\sqrt{1 - ρ²} z_j`` con
    ``z_j ~ N(0, 1)``. Con dos efectos por grupo, la LKJ(η) equivale a
    ``(ρ + 1) / 2 ~ Beta(η, η)``, y así se escribe (es la misma densidad que
    ``pm.LKJCorr(n=2, eta)``, y mucho más barata de compilar).

    La edad de referencia ``c`` es el ``pm.Data`` ``"age_center"``: se puede
    cambiar sin recompilar (p. ej. con ``fit_sweep(model, "age_center",
    [c, 0.0], ...)``). Para que la previa de la recta común no dependa de
    ``c``, ``intercept_prior`` se aplica al tiempo medio a la edad media de
    los datos, ``μ_α + μ_β (\\bar{age} - c)`` (como hace rstanarm con los
    predictores centrados): con la referencia por omisión, ``c`` es esa
    media y la previa es la de μ_α.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos crudos o preparados (se pasan por :func:`prepare_runners`).
    age_center : float, optional
        Edad de referencia inicial ``c`` (por omisión, la media de la edad).
    intercept_prior : (float, float), default (100.0, 10.0)
        Media y desviación típica de la previa normal del tiempo medio, en
        minutos, a la edad media. Como en Bayes Rules! (cap. 17).
    slope_prior : (float, float), default (2.5, 1.0)
        Media y desviación típica de la previa normal de μ_β (minutos por año).
        Como en Bayes Rules! (cap. 17).
    group_sd_scales : (float, float), optional
        Medias de las previas exponenciales de σ_α y σ_β. Por omisión
        ``(sd(net), sd(net) / sd(age))``, escaladas a los datos.
    sigma_scale : float, optional
        Media de la previa exponencial de σ; por omisión ``sd(net)`` (como el
        ``autoscale`` de rstanarm).
    lkj_eta : float, default 1.0
        Parámetro η de la LKJ: 1 es uniforme sobre las correlaciones;
        η > 1 concentra la previa cerca de ρ = 0.
    centered : bool, default False
        Si es ``True``, también las pendientes van centradas
        (``β_j ~ N(μ_β + ..., σ_β² (1 - ρ²))``), lo que equivale a
        ``[α_j, β_j] ~ MvNormal`` centrada. Se deja para comparar: con
        pendientes mal identificadas la centrada sufre el embudo de σ_β.

    Returns
    -------
    pymc.Model
        Modelo sin ajustar. Variables: ``mu`` (μ_α, μ_β; dims ``effect`` =
        ``["Intercept", "age_c"]``), ``sigma_runner`` (σ_α, σ_β), ``rho``
        (correlación entre α_j y β_j), ``runner_effects`` (α_j, β_j; dims
        ``runner``, ``effect``), ``sigma`` y la verosimilitud ``net``. Los
        datos quedan en los ``pm.Data`` ``age``, ``age_center`` y ``runner_idx``.

    Raises
    ------
    TypeError
        Si algún argumento no es del tipo admitido (p. ej. ``lkj_eta=True`` o
        ``centered="no"``).
    ValueError
        Si algún valor no es válido (desviaciones típicas o η no positivos,
        números no finitos).

    Notes
    -----
    Con la factorización de arriba (ordenadas centradas), 2 cadenas,
    ``draws=2000`` y ``tune=500``, el ESS mínimo (el de σ_β) quedó entre 491
    y 1037 en ocho semillas, sin divergencias. La versión no centrada en las
    dos coordenadas, con ``pm.LKJCholeskyCov``, necesitaba ``draws=4000`` y
    aun así el ESS de μ_α quedaba cerca de 400 (379 con una semilla). Con
    ``age_center = 0`` y las mismas opciones, ninguna semilla pasó el control
    (r̂ entre 1.06 y 2.3, cientos de divergencias).
    """
    import pymc as pm
    import pytensor.tensor as pt

    df = prepare_runners(data, age_center=age_center)
    mu_alpha = _normal_prior(intercept_prior, "intercept_prior")
    mu_beta = _normal_prior(slope_prior, "slope_prior")
    net_sd = float(df["net"].std())
    age_sd = float(df["age"].std())
    if not (math.isfinite(net_sd) and net_sd > 0 and math.isfinite(age_sd) and age_sd > 0):
        raise ValueError(
            "El argumento data necesita al menos dos tiempos y dos edades distintos para "
            f"escalar las previas; se recibió sd(net)={net_sd:g} y sd(age)={age_sd:g}."
        )
    if group_sd_scales is None:
        scales = (net_sd, net_sd / age_sd)
    else:
        scales = _positive_pair(group_sd_scales, "group_sd_scales")
    if sigma_scale is None:
        sigma_scale = net_sd
    else:
        sigma_scale = check_positive_finite(sigma_scale, "sigma_scale")
    eta = check_positive_finite(lkj_eta, "lkj_eta")
    if not isinstance(centered, bool | np.bool_):
        raise TypeError(
            f"El argumento 'centered' debe ser True o False; se recibió "
            f"centered={format_value(centered)} (de tipo {type(centered).__name__})."
        )

    mean_age = float(df["age"].mean())
    runner_codes = df["runner"].cat.codes.to_numpy()
    coords = {
        RUNNER: [str(level) for level in df["runner"].cat.categories],
        EFFECT: [INTERCEPT, AGE],
        "obs": np.arange(len(df)),
    }
    with pm.Model(coords=coords) as model:
        age = pm.Data("age", df["age"].to_numpy(), dims="obs")
        center = pm.Data(AGE_CENTER, np.float64(df.attrs["age_center"]))
        runner_idx = pm.Data("runner_idx", runner_codes, dims="obs")
        # tiempo medio a la edad media (la previa de Bayes Rules!) y pendiente común
        typical = pm.Normal("typical_net", mu=mu_alpha[0], sigma=mu_alpha[1])
        slope = pm.Normal("mu_slope", mu=mu_beta[0], sigma=mu_beta[1])
        intercept = typical - slope * (mean_age - center)
        pm.Deterministic(MU, pt.stack([intercept, slope]), dims=EFFECT)
        sds = pm.Exponential(SIGMA_RUNNER, lam=1.0 / np.asarray(scales), dims=EFFECT)
        # LKJ(η) para una matriz 2 × 2: (ρ + 1) / 2 ~ Beta(η, η)
        rho = pm.Deterministic(RHO, 2.0 * pm.Beta("rho_unit", alpha=eta, beta=eta) - 1.0)
        alpha = pm.Normal("alpha", mu=intercept, sigma=sds[0], dims=RUNNER)
        slope_mean = slope + rho * sds[1] * (alpha - intercept) / sds[0]
        slope_sd = sds[1] * pt.sqrt(1.0 - rho**2)
        if centered:
            beta = pm.Normal("beta", mu=slope_mean, sigma=slope_sd, dims=RUNNER)
        else:
            z = pm.Normal("z", 0.0, 1.0, dims=RUNNER)
            beta = slope_mean + slope_sd * z
        pm.Deterministic(RUNNER_EFFECTS, pt.stack([alpha, beta], axis=1), dims=(RUNNER, EFFECT))
        sigma = pm.Exponential("sigma", lam=1.0 / sigma_scale)
        mean = alpha[runner_idx] + beta[runner_idx] * (age - center)
        pm.Normal("net", mu=mean, sigma=sigma, observed=df["net"].to_numpy(), dims="obs")
    return model


def correlation_summary(idata, *, prob: float = 0.95) -> pd.Series:
    """Resume la correlación ρ entre intercepto y pendiente de los corredores.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de :func:`correlated_varying_slopes_model` (variable ``rho``).
    prob : float, default 0.95
        Probabilidad del intervalo creíble de colas iguales (deja fuera
        ``(1 - prob) / 2`` de las extracciones de cada lado).

    Returns
    -------
    pandas.Series
        ``mean``, ``sd``, ``low``, ``high`` (extremos del intervalo) y
        ``p_positive`` (probabilidad a posteriori de ρ > 0).

    Raises
    ------
    TypeError
        Si ``prob`` no es un número.
    ValueError
        Si ``prob`` no está entre 0 y 1 o ``idata`` no tiene ``rho``.
    """
    prob = check_prob(prob, "prob")
    posterior = posterior_group(idata)
    if RHO not in posterior:
        raise ValueError(
            "El argumento idata no tiene la variable 'rho' en el posterior: se admite el "
            "ajuste de correlated_varying_slopes_model()."
        )
    values = posterior[RHO].to_numpy().reshape(-1)
    tail = (1.0 - prob) / 2.0
    low, high = np.quantile(values, [tail, 1.0 - tail])
    return pd.Series(
        {
            "mean": float(values.mean()),
            "sd": float(values.std(ddof=1)),
            "low": float(low),
            "high": float(high),
            "p_positive": float((values > 0).mean()),
        },
        name=RHO,
    )


# --------------------------------------------------------------------------- rectas por corredor


def no_pooling_lines(data: pd.DataFrame) -> pd.DataFrame:
    """Recta de mínimos cuadrados de cada corredor, ``net ~ age_c``, por separado.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos preparados por :func:`jerarquicos.models.runners.prepare_runners`
        (columnas ``runner``, ``age_c`` y ``net``, numéricas y finitas).

    Returns
    -------
    pandas.DataFrame
        Índice ``runner`` (texto), columnas ``intercept`` (minutos a
        ``age_c = 0``), ``slope`` (minutos por año) y ``n_races``.

    Raises
    ------
    TypeError
        Si ``data`` no es un DataFrame o sus columnas no son numéricas.
    ValueError
        Si faltan columnas, hay valores ausentes o no finitos, o algún
        corredor tiene menos de dos edades distintas (su recta no está definida).
    """
    df = require_frame(data, ["runner", "age_c", "net"], copy=False)
    if df[["age_c", "net"]].isna().any().any() or df["runner"].isna().any():
        raise ValueError(
            "El argumento data tiene valores ausentes en 'runner', 'age_c' o 'net': se admiten "
            "sólo filas completas (use prepare_runners())."
        )
    x_all = _check_numeric_column(df, "age_c")
    y_all = _check_numeric_column(df, "net")
    rows = {}
    keys = df["runner"].astype(str).to_numpy()
    for runner in sorted(set(keys), key=_runner_order):
        mask = keys == runner
        x, y = x_all[mask], y_all[mask]
        if np.unique(x).size < 2:
            raise ValueError(
                f"En el argumento 'data', el corredor {runner!r} tiene {np.unique(x).size} "
                "edad(es) distinta(s): se necesitan al menos dos para ajustar su recta."
            )
        xc = x - x.mean()
        slope = float(xc @ (y - y.mean()) / (xc @ xc))
        rows[runner] = {
            "intercept": float(y.mean() - slope * x.mean()),
            "slope": slope,
            "n_races": int(x.size),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "runner"
    return table


def _runner_order(label: str):
    """Orden numérico para identificadores enteros ("2" antes que "10"), si no alfabético."""
    return (0, int(label), "") if label.lstrip("-").isdigit() else (1, 0, label)


def _runner_draws(idata):
    """Extracciones de la ordenada y la pendiente de cada corredor, y su dimensión."""
    posterior = posterior_group(idata)
    if RUNNER_EFFECTS in posterior:
        effects = posterior[RUNNER_EFFECTS]
        intercept = effects.sel({EFFECT: INTERCEPT}, drop=True)
        slope = effects.sel({EFFECT: AGE}, drop=True)
        return intercept, slope, RUNNER
    if {INTERCEPT, AGE, RUNNER_INTERCEPT, RUNNER_SLOPE} <= set(posterior.data_vars):
        intercept = posterior[INTERCEPT] + posterior[RUNNER_INTERCEPT]
        slope = posterior[AGE] + posterior[RUNNER_SLOPE]
        return intercept, slope, f"{RUNNER}__factor_dim"
    raise ValueError(
        "El argumento idata no es un ajuste de los corredores: se admite el de "
        "varying_slopes_model() (Bambi) o el de correlated_varying_slopes_model() "
        f"(PyMC). Variables presentes: {sorted(posterior.data_vars)}."
    )


def posterior_lines(idata) -> pd.DataFrame:
    """Medias y desviaciones típicas a posteriori de la recta de cada corredor.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de ``varying_slopes_model`` (Bambi: variables ``Intercept``,
        ``age_c``, ``1|runner`` y ``age_c|runner``) o de
        ``correlated_varying_slopes_model`` (PyMC: ``runner_effects``).

    Returns
    -------
    pandas.DataFrame
        Índice ``runner`` (texto), columnas ``intercept``, ``slope``,
        ``intercept_sd`` y ``slope_sd``.

    Raises
    ------
    ValueError
        Si ``idata`` no tiene posterior o no es un ajuste de los corredores.
    """
    intercept, slope, dim = _runner_draws(idata)
    sample = ("chain", "draw")
    return pd.DataFrame(
        {
            "intercept": intercept.mean(sample).to_numpy(),
            "slope": slope.mean(sample).to_numpy(),
            "intercept_sd": intercept.std(sample).to_numpy(),
            "slope_sd": slope.std(sample).to_numpy(),
        },
        index=pd.Index([str(v) for v in intercept[dim].to_numpy()], name="runner"),
    )


def intercept_slope_correlation(idata) -> pd.Series:
    """Correlación a posteriori entre la ordenada y la pendiente de cada corredor.

    Es la correlación, a lo largo de las extracciones, entre α_j y β_j de un
    mismo corredor: mide cuánto se parece la distribución a posteriori de su
    recta a un valle angosto e inclinado. No es ρ (que describe a la
    población de corredores).

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de Bambi o de PyMC (ver :func:`posterior_lines`).

    Returns
    -------
    pandas.Series
        Índice ``runner`` (texto), valores entre -1 y 1 (``NaN`` si las
        extracciones de un corredor son constantes).

    Raises
    ------
    ValueError
        Si ``idata`` no es un ajuste de los corredores.
    """
    intercept, slope, dim = _runner_draws(idata)
    a = intercept.stack(sample=("chain", "draw")).transpose(dim, "sample").to_numpy()
    b = slope.stack(sample=("chain", "draw")).transpose(dim, "sample").to_numpy()
    a = a - a.mean(axis=1, keepdims=True)
    b = b - b.mean(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):  # extracciones constantes: NaN
        corr = (a * b).sum(axis=1) / np.sqrt((a**2).sum(axis=1) * (b**2).sum(axis=1))
    return pd.Series(
        corr,
        index=pd.Index([str(v) for v in intercept[dim].to_numpy()], name="runner"),
        name="correlación a posteriori",
    )


def population_line(idata) -> tuple[float, float]:
    """Medias a posteriori de (μ_α, μ_β), la recta de la población.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de Bambi (``Intercept``, ``age_c``) o de PyMC (``mu``).

    Returns
    -------
    (float, float)
        Ordenada (minutos a la edad de referencia) y pendiente (minutos por año).

    Raises
    ------
    ValueError
        Si ``idata`` no tiene posterior o le falta la recta poblacional.
    """
    posterior = posterior_group(idata)
    if MU in posterior and EFFECT in posterior[MU].dims:
        mu = posterior[MU]
        return (
            float(mu.sel({EFFECT: INTERCEPT}).mean()),
            float(mu.sel({EFFECT: AGE}).mean()),
        )
    if {INTERCEPT, AGE} <= set(posterior.data_vars):
        return float(posterior[INTERCEPT].mean()), float(posterior[AGE].mean())
    raise ValueError(
        "El argumento idata no tiene la recta poblacional: se admite un ajuste con 'mu' "
        f"(PyMC) o con 'Intercept' y 'age_c' (Bambi). Variables: {sorted(posterior.data_vars)}."
    )
