"""Distribuciones predictivas para grupos existentes y grupos NUEVOS.

Para un modelo de interceptos variables ``y_ij ~ f(μ + u_j)``,
``u_j ~ N(0, σ²)``, con extracciones posteriores ``(μ^(s), σ^(s), u_j^(s))``
para s = 1..S:

* **Grupo existente j**: se usa el posterior de ese grupo,
  ``η^(s) = μ^(s) + u_j^(s)``, y luego el nivel de observación
  ``y^(s) ~ f(η^(s))``.
* **Grupo nuevo** (la predictiva de libro de texto): para cada extracción s se
  saca un efecto NUEVO de la distribución poblacional,
  ``u_new^(s) ~ N(0, σ^(s))``, independiente entre grupos nuevos y entre
  extracciones; luego ``η^(s) = μ^(s) + u_new^(s)`` y ``y^(s) ~ f(η^(s))``.
  Así la predictiva integra la incertidumbre sobre μ y σ y la variabilidad
  entre grupos.

Qué hace Bambi 0.17.2 (``model.predict(..., sample_new_groups=True)``),
comprobado en su código (``bambi/model_components.py``,
``_construct_u_with_new_groups``) y en una prueba de este paquete:

* NO extrae de N(0, σ): para cada índice de extracción ``d`` elige al azar
  (uniforme, con reemplazo) UNO de los grupos existentes y reutiliza su
  extracción posterior ``u_k^(d)`` (equivale a
  ``sample_new_levels="uncertainty"`` de brms). El resultado es una mezcla de
  los posteriores de los grupos observados, que no puede ir más allá de los
  grupos vistos y no usa σ.
* Ese mismo grupo elegido se usa para el índice ``d`` en TODAS las cadenas y
  para todos los términos del mismo factor.
* Todos los niveles nuevos de una llamada se codifican en una única columna
  ``__NEW_FACTOR_GROUP__``: todos los grupos nuevos reciben EXACTAMENTE las
  mismas extracciones del efecto de grupo (sólo difieren por el ruido de
  observación y por sus covariables), así que no son independientes.

Por eso este módulo implementa la predictiva de libro de texto directamente a
partir de las extracciones posteriores de un ajuste de Bambi.
"""

from __future__ import annotations

import numpy as np
import xarray as xr

__all__ = [
    "new_group_effects",
    "group_effect",
    "predict_radon_new_county",
    "predict_radon_county",
    "predict_tadpoles_new_tank",
    "predict_tadpoles_tank",
]


def _posterior(idata):
    posterior = getattr(idata, "posterior", None)
    if posterior is None:
        raise ValueError(
            "El argumento idata no tiene grupo 'posterior': se admite el InferenceData de un "
            "ajuste (jerarquicos.fitting.fit)."
        )
    return posterior


def _require_vars(posterior, names, model_hint: str) -> None:
    missing = [name for name in names if name not in posterior]
    if missing:
        raise ValueError(
            f"El argumento idata no contiene {missing} en el posterior: se admite el ajuste de "
            f"{model_hint}. Variables presentes: {sorted(posterior.data_vars)}."
        )


def _check_n(n_new_groups) -> int:
    if (
        isinstance(n_new_groups, bool)
        or not isinstance(n_new_groups, (int, np.integer))
        or (n_new_groups < 1)
    ):
        raise ValueError(
            f"El argumento n_new_groups={n_new_groups!r} no es válido: se admite un entero "
            "mayor o igual que 1."
        )
    return int(n_new_groups)


def new_group_effects(
    idata,
    *,
    group_sigma: str,
    n_new_groups: int = 1,
    random_seed=None,
) -> xr.DataArray:
    """Extrae efectos de grupos NUEVOS de la distribución poblacional.

    Para cada extracción posterior s y cada grupo nuevo g,
    ``u_g^(s) ~ N(0, σ^(s))``, independientes.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste con la desviación típica del efecto de grupo en el posterior.
    group_sigma : str
        Nombre de esa variable en Bambi, p. ej. ``"1|county_sigma"``.
    n_new_groups : int, default 1
        Cuántos grupos nuevos independientes simular.
    random_seed : int or numpy.random.Generator, optional
        Semilla o generador.

    Returns
    -------
    xarray.DataArray
        Dims ``(chain, draw, new_group)``.
    """
    posterior = _posterior(idata)
    _require_vars(posterior, [group_sigma], "un modelo con efectos de grupo")
    n = _check_n(n_new_groups)
    rng = np.random.default_rng(random_seed)
    sigma = posterior[group_sigma]
    if set(sigma.dims) != {"chain", "draw"}:
        raise ValueError(
            f"El argumento group_sigma={group_sigma!r} nombra una variable con dims "
            f"{sigma.dims}: se admite una desviación típica escalar por extracción "
            "(dims chain, draw)."
        )
    sigma = sigma.transpose("chain", "draw").to_numpy()
    draws = rng.standard_normal(sigma.shape + (n,)) * sigma[..., None]
    return xr.DataArray(
        draws,
        dims=("chain", "draw", "new_group"),
        coords={
            "chain": posterior["chain"].to_numpy(),
            "draw": posterior["draw"].to_numpy(),
            "new_group": np.arange(n),
        },
    )


def group_effect(idata, *, group_term: str, level) -> xr.DataArray:
    """Extracciones posteriores del efecto de un grupo EXISTENTE.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de Bambi.
    group_term : str
        Nombre del término de grupo, p. ej. ``"1|county"``.
    level : str or int
        Grupo existente (se compara como texto con las etiquetas del ajuste).

    Returns
    -------
    xarray.DataArray
        Dims ``(chain, draw)``.
    """
    posterior = _posterior(idata)
    _require_vars(posterior, [group_term], "un modelo con efectos de grupo")
    values = posterior[group_term]
    factor_dims = [d for d in values.dims if d.endswith("__factor_dim")]
    if len(factor_dims) != 1 or values.ndim != 3:
        raise ValueError(
            f"El argumento group_term={group_term!r} tiene dims {values.dims}: se admite un "
            "intercepto de grupo (dims chain, draw, <factor>__factor_dim)."
        )
    dim = factor_dims[0]
    labels = [str(v) for v in values[dim].to_numpy()]
    if str(level) not in labels:
        shown = ", ".join(labels[:10]) + (", ..." if len(labels) > 10 else "")
        raise ValueError(
            f"El argumento level={level!r} no es un grupo del ajuste: se admite uno de los "
            f"{len(labels)} grupos observados ({shown}). Para un grupo nuevo use las "
            "funciones predict_*_new_*."
        )
    return values.isel({dim: labels.index(str(level))}, drop=True).transpose("chain", "draw")


def _floor_term(posterior, floor):
    has_floor = "floor" in posterior
    if has_floor and floor not in (0, 1):
        raise ValueError(
            f"El argumento floor={floor!r} no es válido para un ajuste con piso: se admite "
            "0 (sótano) o 1 (planta baja)."
        )
    if not has_floor and floor is not None:
        raise ValueError(
            f"El argumento floor={floor!r} no es válido: el ajuste no tiene el coeficiente "
            "'floor' (use floor=None) o ajuste floor_model()."
        )
    return posterior["floor"] * floor if has_floor else 0.0


def _gaussian(mean: xr.DataArray, sigma: xr.DataArray, rng) -> xr.DataArray:
    mean, sigma = xr.broadcast(mean, sigma)
    noise = rng.standard_normal(mean.shape)
    return mean + sigma.transpose(*mean.dims) * noise


def predict_radon_new_county(
    idata,
    *,
    n_new_groups: int = 1,
    floor: int | None = None,
    random_seed=None,
) -> xr.Dataset:
    """Predictiva de ``log_radon`` para una casa de un condado NUEVO.

    ``α_new^(s) = μ^(s) + u_new^(s)`` con ``u_new^(s) ~ N(0, σ_county^(s))``,
    y ``y^(s) ~ N(α_new^(s) + β^(s)·floor, σ^(s))``.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de ``varying_intercepts_model`` o ``floor_model``.
    n_new_groups : int, default 1
        Número de condados nuevos independientes.
    floor : {0, 1} or None
        Piso de la casa; obligatorio (0 o 1) si el ajuste tiene ``floor`` y
        ``None`` si no lo tiene.
    random_seed : int or numpy.random.Generator, optional
        Semilla o generador.

    Returns
    -------
    xarray.Dataset
        ``mu`` (media del condado nuevo en escala log, incluido el piso) y
        ``log_radon`` (una observación nueva), ambas con dims
        ``(chain, draw, new_group)``.
    """
    posterior = _posterior(idata)
    _require_vars(
        posterior,
        ["Intercept", "1|county_sigma", "sigma"],
        "varying_intercepts_model() o floor_model()",
    )
    rng = np.random.default_rng(random_seed)
    floor_part = _floor_term(posterior, floor)
    u_new = new_group_effects(
        idata, group_sigma="1|county_sigma", n_new_groups=n_new_groups, random_seed=rng
    )
    mu = posterior["Intercept"] + floor_part + u_new
    mu = mu.transpose("chain", "draw", "new_group")
    y = _gaussian(mu, posterior["sigma"], rng)
    return xr.Dataset({"mu": mu, "log_radon": y})


def predict_radon_county(
    idata,
    county,
    *,
    floor: int | None = None,
    random_seed=None,
) -> xr.Dataset:
    """Predictiva de ``log_radon`` para una casa nueva de un condado EXISTENTE.

    ``α_j^(s) = μ^(s) + u_j^(s)`` (posterior del condado j) e
    ``y^(s) ~ N(α_j^(s) + β^(s)·floor, σ^(s))``.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de ``varying_intercepts_model`` o ``floor_model``.
    county : str
        Nombre del condado (p. ej. ``"HENNEPIN"``).
    floor : {0, 1} or None
        Piso; ver :func:`predict_radon_new_county`.
    random_seed : int or numpy.random.Generator, optional
        Semilla o generador.

    Returns
    -------
    xarray.Dataset
        ``mu`` y ``log_radon`` con dims ``(chain, draw)``.
    """
    posterior = _posterior(idata)
    _require_vars(
        posterior, ["Intercept", "1|county", "sigma"], "varying_intercepts_model() o floor_model()"
    )
    rng = np.random.default_rng(random_seed)
    floor_part = _floor_term(posterior, floor)
    mu = (
        posterior["Intercept"]
        + floor_part
        + group_effect(idata, group_term="1|county", level=county)
    )
    mu = mu.transpose("chain", "draw")
    y = _gaussian(mu, posterior["sigma"], rng)
    return xr.Dataset({"mu": mu, "log_radon": y})


def _check_density(density) -> int:
    if isinstance(density, bool) or not isinstance(density, (int, np.integer)) or density < 1:
        raise ValueError(
            f"El argumento density={density!r} no es válido: se admite un entero positivo "
            "(renacuajos iniciales del tanque, p. ej. 10, 25 o 35)."
        )
    return int(density)


def _binomial(logit_p: xr.DataArray, density: int, rng) -> xr.Dataset:
    p = 1.0 / (1.0 + np.exp(-logit_p))
    surv = xr.DataArray(rng.binomial(density, p.to_numpy()), dims=p.dims, coords=p.coords)
    return xr.Dataset({"logit_p": logit_p, "p": p, "surv": surv})


def predict_tadpoles_new_tank(
    idata,
    *,
    density: int,
    n_new_groups: int = 1,
    random_seed=None,
) -> xr.Dataset:
    """Predictiva de sobrevivientes en un tanque NUEVO.

    ``logit p_new^(s) = μ^(s) + u_new^(s)``, ``u_new^(s) ~ N(0, σ^(s))``, y
    ``S^(s) ~ Binomial(density, p_new^(s))``.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de :func:`jerarquicos.models.tadpoles.varying_intercepts_model`.
    density : int
        Renacuajos iniciales del tanque nuevo.
    n_new_groups : int, default 1
        Número de tanques nuevos independientes.
    random_seed : int or numpy.random.Generator, optional
        Semilla o generador.

    Returns
    -------
    xarray.Dataset
        ``logit_p``, ``p`` y ``surv``, con dims ``(chain, draw, new_group)``.
    """
    posterior = _posterior(idata)
    _require_vars(posterior, ["Intercept", "1|tank_sigma"], "tadpoles.varying_intercepts_model()")
    density = _check_density(density)
    rng = np.random.default_rng(random_seed)
    u_new = new_group_effects(
        idata, group_sigma="1|tank_sigma", n_new_groups=n_new_groups, random_seed=rng
    )
    logit_p = (posterior["Intercept"] + u_new).transpose("chain", "draw", "new_group")
    return _binomial(logit_p, density, rng)


def predict_tadpoles_tank(
    idata,
    tank,
    *,
    density: int,
    random_seed=None,
) -> xr.Dataset:
    """Predictiva de sobrevivientes al repetir un tanque EXISTENTE.

    ``logit p_i^(s) = μ^(s) + u_i^(s)`` (posterior del tanque i) y
    ``S^(s) ~ Binomial(density, p_i^(s))``.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de :func:`jerarquicos.models.tadpoles.varying_intercepts_model`.
    tank : int or str
        Tanque existente (1..48).
    density : int
        Renacuajos iniciales de la repetición (normalmente los del tanque).
    random_seed : int or numpy.random.Generator, optional
        Semilla o generador.

    Returns
    -------
    xarray.Dataset
        ``logit_p``, ``p`` y ``surv``, con dims ``(chain, draw)``.
    """
    posterior = _posterior(idata)
    _require_vars(posterior, ["Intercept", "1|tank"], "tadpoles.varying_intercepts_model()")
    density = _check_density(density)
    rng = np.random.default_rng(random_seed)
    logit_p = posterior["Intercept"] + group_effect(idata, group_term="1|tank", level=tank)
    return _binomial(logit_p.transpose("chain", "draw"), density, rng)
