"""Validaciones y conversiones de datos comunes a los constructores de modelos."""

from __future__ import annotations

from collections.abc import Iterable

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
