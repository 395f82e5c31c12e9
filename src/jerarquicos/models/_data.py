"""Validaciones y conversiones de datos comunes a los constructores de modelos."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd


def require_frame(
    data, columns: Iterable[str], *, argument: str = "data", copy: bool = True
) -> pd.DataFrame:
    """Comprueba que ``data`` es un DataFrame con ``columns`` y devuelve (una copia de) él.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos recibidos por el constructor.
    columns : iterable of str
        Columnas obligatorias.
    argument : str, default "data"
        Nombre del argumento, para el mensaje de error.
    copy : bool, default True
        Devolver una copia (los constructores nunca modifican los datos del
        usuario) o el mismo objeto (para sólo leerlo).

    Returns
    -------
    pandas.DataFrame
        Copia de ``data`` (el constructor nunca modifica los datos del usuario).

    Raises
    ------
    TypeError
        Si ``data`` no es un ``pandas.DataFrame``.
    ValueError
        Si falta alguna columna.
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"El argumento {argument} es de tipo {type(data).__name__}: se admite un "
            "pandas.DataFrame."
        )
    columns = list(columns)
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ValueError(
            f"El argumento {argument} no tiene las columnas {missing}: se requieren "
            f"{columns}; tiene {list(data.columns)}."
        )
    return data.copy() if copy else data


def as_categorical(series: pd.Series) -> pd.Series:
    """Convierte una columna de grupos a ``pandas.Categorical``.

    Es imprescindible para términos comunes como ``0 + county``: si la columna
    tiene códigos enteros, Bambi la trata como numérica y ajusta UNA pendiente
    en lugar de un coeficiente por grupo. Sólo se conservan las categorías
    presentes en los datos.

    Parameters
    ----------
    series : pandas.Series
        Columna de identificadores de grupo (texto, enteros o categórica).

    Returns
    -------
    pandas.Series
        La misma columna con dtype ``category`` (categorías en el orden de la
        categórica original, o en orden ascendente si no lo era).
    """
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.cat.remove_unused_categories()
    return series.astype("category")


def require_rows(df: pd.DataFrame, argument: str = "data") -> pd.DataFrame:
    """Exige al menos una fila (una tabla vacía no tiene observaciones que ajustar)."""
    if len(df) == 0:
        raise ValueError(
            f"El argumento '{argument}' debe tener al menos una fila (una observación); se "
            "recibió una tabla vacía."
        )
    return df


def require_finite_column(df: pd.DataFrame, column: str, argument: str = "data") -> None:
    """Exige que ``df[column]`` sea numérica y finita, sin copiarla.

    Raises
    ------
    TypeError
        Si la columna no es numérica (o es booleana).
    ValueError
        Si tiene valores ausentes o no finitos.
    """
    series = df[column]
    kind = series.dtype.kind
    if kind not in "iuf":
        raise TypeError(
            f"La columna {argument}[{column!r}] debe ser numérica; se recibió una columna de "
            f"tipo {series.dtype} (p. ej. {argument}[{column!r}]="
            f"{series.iloc[0]!r})."
        )
    values = series.to_numpy(dtype=float, na_value=np.nan)
    bad = ~np.isfinite(values)
    if bad.any():
        i = int(np.argmax(bad))
        raise ValueError(
            f"La columna {argument}[{column!r}] debe tener sólo números finitos (sin valores "
            f"ausentes ni infinitos); se recibió "
            f"{argument}[{column!r}].iloc[{i}]={values[i]!r}."
        )


def bambi_model(formula: str, df: pd.DataFrame, priors: Mapping | None, **kwargs):
    """Construye un ``bambi.Model`` y rechaza previas de términos que el modelo no tiene.

    Raises
    ------
    TypeError
        Si ``priors`` no es un dict ni ``None``.
    ValueError
        Si ``df`` está vacía o ``priors`` nombra un término que no está en la fórmula.
    """
    import bambi as bmb

    from ._warnings import ignore_pandas4_in_bambi

    if priors is not None and not isinstance(priors, Mapping):
        raise TypeError(
            f"El argumento 'priors' es de tipo {type(priors).__name__}: se admite un dict "
            "{término: bambi.Prior} o None."
        )
    require_rows(df)
    with ignore_pandas4_in_bambi():
        model = bmb.Model(formula, df, priors=dict(priors or {}), **kwargs)
    allowed = set(model.components)
    for component in model.components.values():
        allowed |= set(getattr(component, "terms", {}))
    unknown = sorted(set(priors or {}) - allowed, key=str)
    if unknown:
        raise ValueError(
            f"El argumento 'priors' nombra términos que el modelo {formula!r} no tiene: "
            f"{unknown}; se admiten {sorted(allowed)}."
        )
    return model
