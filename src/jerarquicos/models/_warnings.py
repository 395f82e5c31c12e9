"""Filtro estrecho de avisos de terceros que el curso no puede corregir."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator

#: Módulos a los que se atribuyen los avisos que se ignoran.
THIRD_PARTY_MODULES = r"(bambi|formulae)(\..*)?$"


@contextlib.contextmanager
def ignore_pandas4_in_bambi() -> Iterator[None]:
    """Ignora ``pandas.errors.Pandas4Warning`` emitidos desde Bambi o formulae.

    Con pandas 3, Bambi 0.17 llama p. ej. a ``select_dtypes("object")`` al
    construir un modelo con columnas de texto, y pandas avisa de un cambio
    futuro. Sólo se ignora esa categoría y sólo si el aviso se atribuye a un
    módulo ``bambi.*`` o ``formulae.*``; el resto de avisos se muestra.
    """
    with warnings.catch_warnings():
        try:
            from pandas.errors import Pandas4Warning
        except ImportError:  # pandas < 3: no hay nada que filtrar
            pass
        else:
            warnings.filterwarnings("ignore", category=Pandas4Warning, module=THIRD_PARTY_MODULES)
        yield
