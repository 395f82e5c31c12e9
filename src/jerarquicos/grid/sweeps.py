r"""Marginales a posteriori para muchos valores de la concentración :math:`\kappa`.

Sirve para responder «¿qué ocurre si se cambia :math:`\kappa`?»: calcula, para
cada :math:`\kappa` de una lista, las marginales a posteriori de :math:`\omega` y
de cada :math:`\pi_s` con el motor colapsado
(:func:`jerarquicos.grid.collapsed.collapsed_posterior`). Con ``method="grid"`` (por
defecto) reproduce exactamente las marginales de la fuerza bruta
(:func:`jerarquicos.grid.brute_force.grid_posterior`) con las mismas grillas, pero sin
recorrer las :math:`n_\pi^S n_\omega` celdas, así que cuarenta valores de
:math:`\kappa` se calculan en una fracción de segundo.
"""

from __future__ import annotations

import numpy as np
import xarray as xr

from ..validation import check_choice, check_counts, check_kappa, check_memory, check_real_array
from ._logspace import DEFAULT_GRID_POINTS
from .brute_force import DEFAULT_MAX_CELLS, pi_names
from .collapsed import METHODS, collapsed_posterior

__all__ = ["marginals_by_kappa"]


def marginals_by_kappa(
    y, N, A_omega: float, B_omega: float, kappas, *, method: str = "grid"
) -> dict[str, xr.DataArray]:
    r"""Marginales a posteriori de :math:`\omega` y de cada :math:`\pi_s` según :math:`\kappa`.

    Parameters
    ----------
    y, N : int or sequence of int
        Éxitos y ensayos de cada sujeto (como en
        :func:`jerarquicos.grid.collapsed.collapsed_posterior`).
    A_omega, B_omega : float
        Parámetros de la previa ``Beta(A_omega, B_omega)`` de :math:`\omega`.
    kappas : array_like
        Valores de :math:`\kappa` (1-D, cada uno finito y ``>= 2``); el
        resultado, ``len(kappas) × (S + 1) × 101`` masas, debe tener como mucho
        :data:`~jerarquicos.grid.brute_force.DEFAULT_MAX_CELLS` elementos.
    method : {"grid", "exact"}, optional
        ``"grid"`` (por defecto) reproduce la grilla de 101 puntos de la fuerza
        bruta; ``"exact"`` integra cada :math:`\pi_s` de forma analítica y evalúa
        su densidad en la grilla de 101 puntos.

    Returns
    -------
    dict of str to xarray.DataArray
        Claves ``"omega"``, ``"pi_1"``, ..., ``"pi_S"``. Cada valor tiene
        dimensiones ``("kappa", nombre)`` (por ejemplo ``("kappa", "pi_2")``),
        la coordenada ``kappa`` con los valores pedidos y, en cada fila, masas
        que suman 1. (No es un ``xarray.Dataset`` porque la variable ``omega``
        chocaría con la coordenada del mismo nombre.)

    Raises
    ------
    TypeError, ValueError
        Si algún argumento no es válido.

    Examples
    --------
    >>> out = marginals_by_kappa([5, 4], [20, 8], 2, 2, [5, 100])
    >>> out["pi_2"].dims
    ('kappa', 'pi_2')
    """
    values = check_real_array(kappas, "kappas")
    if values.ndim != 1 or values.size < 1:
        raise ValueError(
            "El argumento 'kappas' debe ser una secuencia 1-D con al menos un valor; "
            f"se recibió un arreglo de forma {values.shape}."
        )
    method = check_choice(method, "method", METHODS)
    n_subjects = check_counts(y, N)[0].size
    check_memory(
        values.size * (n_subjects + 1) * DEFAULT_GRID_POINTS,
        "kappas",
        what=(
            f"el resultado ({values.size} valores de kappa × {n_subjects + 1} marginales × "
            f"{DEFAULT_GRID_POINTS} puntos)"
        ),
        limit=DEFAULT_MAX_CELLS,
    )
    bad = ~(np.isfinite(values) & (values >= 2))
    if np.any(bad):
        i = int(np.argmax(bad))
        check_kappa(float(values[i]), f"kappas[{i}]")
    rows = [
        collapsed_posterior(y, N, A_omega, B_omega, kappa=float(k), method=method) for k in values
    ]
    names = pi_names(rows[0].n_subjects)
    parts = {"omega": [r.omega for r in rows]}
    for s, name in enumerate(names, start=1):
        parts[name] = [r.pi_marginal(s) for r in rows]
    kappa = xr.DataArray(np.asarray(values, dtype=float), dims=("kappa",))
    out = {}
    for name, arrays in parts.items():
        da = xr.concat([a.drop_attrs() for a in arrays], dim=kappa)
        da = da.assign_coords(kappa=kappa.values)
        da.name = name
        da.attrs["description"] = f"marginal a posteriori de {name} según kappa (filas que suman 1)"
        out[name] = da
    return out
