"""Accesores del posterior de los efectos de grupo y predictivas para grupos NUEVOS.

Piezas comunes a los modelos de interceptos variables
``y_ij ~ f(μ + u_j)``, ``u_j ~ N(0, σ²)``; cada modelo
(:mod:`~jerarquicos.models.radon`, :mod:`~jerarquicos.models.tadpoles`) las
usa con los nombres de SUS variables, que define en su propio módulo.

* **Grupo existente j** (:func:`group_effect`): las extracciones posteriores
  ``u_j^(s)``.
* **Grupo nuevo** (:func:`new_group_effects`, la predictiva de libro de
  texto): para cada extracción s se saca un efecto NUEVO de la distribución
  poblacional, ``u_new^(s) ~ N(0, (σ^(s))²)``, independiente entre grupos nuevos y
  entre extracciones. Así la predictiva integra la incertidumbre sobre μ y σ y
  la variabilidad entre grupos.
* :func:`group_summary`: media y desviación típica a posteriori de la media de cada
  grupo.

Qué hace Bambi 0.17.2 (``model.predict(..., sample_new_groups=True)``),
comprobado en su código (``bambi/model_components.py``,
``_construct_u_with_new_groups``) y en una prueba de este paquete:

* NO extrae de N(0, σ²): para cada índice de extracción ``d`` elige al azar
  (uniforme, con reemplazo) UNO de los grupos existentes y reutiliza su
  extracción posterior ``u_k^(d)`` (equivale a
  ``sample_new_levels="uncertainty"`` de brms). El resultado es una mezcla de
  los posteriores de los grupos observados, que no puede ir más allá de los
  grupos vistos y no usa σ.
* Ese mismo grupo elegido se usa para el índice ``d`` en TODAS las cadenas y
  para todos los términos del mismo factor.
* Todos los niveles nuevos de una llamada se codifican en una única columna
  ``__NEW_FACTOR_GROUP__``: todos los grupos nuevos reciben EXACTAMENTE las
  mismas extracciones del efecto de grupo, así que no son independientes.

Por eso aquí la predictiva de un grupo nuevo se arma directamente a partir de
las extracciones posteriores.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import xarray as xr

from ..validation import (
    check_idata,
    check_integer,
    check_memory,
    check_random_seed,
    check_text,
)

__all__ = ["group_effect", "group_summary", "new_group_effects", "posterior_group"]


def posterior_group(idata):
    """Grupo ``posterior`` de un ajuste, con un error en castellano si no lo hay.

    Parameters
    ----------
    idata : arviz.InferenceData
        Resultado de :func:`jerarquicos.models.fitting.fit`.

    Returns
    -------
    xarray.Dataset

    Raises
    ------
    TypeError
        Si ``idata`` no es un ``arviz.InferenceData``.
    ValueError
        Si no tiene el grupo ``posterior``.
    """
    return check_idata(idata, "idata").posterior


def require_vars(posterior, names, model_hint: str) -> None:
    """Exige que ``posterior`` tenga las variables ``names``.

    Parameters
    ----------
    posterior : xarray.Dataset
        Grupo ``posterior`` de un ajuste.
    names : sequence of str
        Variables necesarias.
    model_hint : str
        Qué ajuste se esperaba, para el mensaje de error.

    Raises
    ------
    ValueError
        Si falta alguna, con la lista de las que hay.
    """
    missing = [name for name in names if name not in posterior]
    if missing:
        raise ValueError(
            f"El argumento idata no contiene {missing} en el posterior: se admite el ajuste de "
            f"{model_hint}. Variables presentes: {sorted(posterior.data_vars)}."
        )


def _require_term(posterior, term: str, name: str) -> None:
    if term not in posterior:
        raise ValueError(
            f"El argumento '{name}' nombra una variable que no está en el posterior; se "
            f"recibió {name}={term!r} y se admite una de {sorted(posterior.data_vars)}."
        )


def _check_n(n_new_groups) -> int:
    return check_integer(n_new_groups, "n_new_groups", minimum=1)


def new_group_effects(
    idata,
    *,
    group_sigma: str,
    n_new_groups: int = 1,
    random_seed=None,
) -> xr.DataArray:
    """Extrae efectos de grupos NUEVOS de la distribución poblacional.

    Para cada extracción posterior s y cada grupo nuevo g,
    ``u_g^(s) ~ N(0, (σ^(s))²)``, independientes (la normal se escribe con
    su varianza, como en el libro).

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
    posterior = posterior_group(idata)
    group_sigma = check_text(group_sigma, "group_sigma")
    _require_term(posterior, group_sigma, "group_sigma")
    n = _check_n(n_new_groups)
    random_seed = check_random_seed(random_seed)
    n_draws = posterior.sizes.get("chain", 1) * posterior.sizes.get("draw", 1)
    check_memory(n_draws * n, "n_new_groups", what="las extracciones de los grupos nuevos")
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


def group_effect(idata, *, group_term: str, level, level_name: str = "level") -> xr.DataArray:
    """Extracciones posteriores del efecto de un grupo EXISTENTE.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de Bambi.
    group_term : str
        Nombre del término de grupo, p. ej. ``"1|county"``.
    level : str or int
        Grupo existente (se compara como texto con las etiquetas del ajuste).
    level_name : str, default "level"
        Cómo se llama ``level`` en la función que llama (``"county"``,
        ``"tank"``), para el mensaje de error.

    Returns
    -------
    xarray.DataArray
        Dims ``(chain, draw)``.
    """
    posterior = posterior_group(idata)
    group_term = check_text(group_term, "group_term")
    _require_term(posterior, group_term, "group_term")
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
            f"El argumento {level_name}={level!r} no es un grupo del ajuste: se admite uno de los "
            f"{len(labels)} grupos observados ({shown}). Para un grupo nuevo use las "
            "funciones predict_*_new_*."
        )
    return values.isel({dim: labels.index(str(level))}, drop=True).transpose("chain", "draw")


def group_summary(idata, term: str, *, intercept: str = "Intercept") -> pd.DataFrame:
    """Media y desviación típica a posteriori de la media de cada grupo.

    Sirve para los dos tipos de término de Bambi:

    * un término **común** categórico (``0 + county``), con dims
      ``(chain, draw, county_dim)``: la media del grupo j es el coeficiente
      ``county[j]``;
    * un término **de grupo** (``1|county``), con dims
      ``(chain, draw, county__factor_dim)``: la media del grupo j es
      ``Intercept + 1|county[j]`` (Bambi escribe α_j = μ_α + u_j).

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de Bambi (por ejemplo, de :func:`jerarquicos.models.fitting.fit`).
    term : str
        Nombre de la variable en el posterior: ``"county"``, ``"1|county"``,
        ``"1|tank"``, ...
    intercept : str, default "Intercept"
        Variable que se suma a un término de grupo.

    Returns
    -------
    pandas.DataFrame
        Índice: etiqueta de cada grupo (texto); columnas ``mean`` y ``sd``.

    Raises
    ------
    ValueError
        Si ``idata`` no tiene posterior, si falta ``term`` (o ``intercept``
        para un término de grupo) o si ``term`` no tiene una dimensión de grupo.
    """
    posterior = posterior_group(idata)
    term = check_text(term, "term")
    if term not in posterior:
        raise ValueError(
            f"El argumento term={term!r} no está en el posterior: se admite una de "
            f"{sorted(posterior.data_vars)}."
        )
    values = posterior[term]
    group_dims = [d for d in values.dims if d not in ("chain", "draw")]
    if len(group_dims) != 1:
        raise ValueError(
            f"El argumento term={term!r} tiene dims {values.dims}: se admite una variable con "
            "una sola dimensión de grupo además de chain y draw."
        )
    (dim,) = group_dims
    if dim.endswith("__factor_dim"):
        if intercept not in posterior:
            raise ValueError(
                f"El posterior no tiene la variable intercept={intercept!r}, que se suma al "
                f"término de grupo {term!r}."
            )
        values = posterior[intercept] + values
    table = pd.DataFrame(
        {
            "mean": values.mean(("chain", "draw")).to_numpy(),
            "sd": values.std(("chain", "draw"), ddof=1).to_numpy(),
        },
        index=pd.Index([str(v) for v in values[dim].to_numpy()], name="grupo"),
    )
    return table
