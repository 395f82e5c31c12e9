r"""Parametrización de la distribución beta por moda y concentración.

En el modelo jerárquico del curso, la previa de cada :math:`\pi_s` es

.. math::

    \pi_s \mid \omega \sim \operatorname{Beta}\bigl(\omega(\kappa-2)+1,\;
    (1-\omega)(\kappa-2)+1\bigr),

es decir, una beta con moda :math:`\omega` y concentración :math:`\kappa`
(:math:`a + b = \kappa`). Con :math:`\kappa = 2` se obtiene la uniforme
``Beta(1, 1)`` para cualquier :math:`\omega`.
"""

from __future__ import annotations

import numpy as np

from ..validation import check_real_array, format_value, raise_first_invalid

__all__ = ["beta_from_mode", "mode_from_beta"]


def _as_output(x: np.ndarray) -> float | np.ndarray:
    """Devuelve un ``float`` si el resultado es escalar y un arreglo si no."""
    return float(x) if np.ndim(x) == 0 else x


def beta_from_mode(omega, kappa):
    r"""Parámetros de forma de la beta con moda ``omega`` y concentración ``kappa``.

    Calcula :math:`a = \omega(\kappa-2)+1` y :math:`b = (1-\omega)(\kappa-2)+1`.

    Parameters
    ----------
    omega : float or array_like
        Moda, con :math:`0 \le \omega \le 1`.
    kappa : float or array_like
        Concentración, finita y con :math:`\kappa \ge 2`. Se combina con
        ``omega`` según las reglas de *broadcasting* de NumPy.

    Returns
    -------
    a, b : float or numpy.ndarray
        Parámetros de forma (ambos :math:`\ge 1`, con :math:`a + b = \kappa`).
        Son ``float`` si ambas entradas son escalares.

    Raises
    ------
    TypeError
        Si ``omega`` o ``kappa`` no son numéricos.
    ValueError
        Si algún ``omega`` está fuera de ``[0, 1]`` o algún ``kappa`` es menor
        que 2 o no es finito, o si las formas no son compatibles.

    Examples
    --------
    >>> beta_from_mode(0.5, 5)
    (2.5, 2.5)
    >>> beta_from_mode(0.25, 2)
    (1.0, 1.0)
    """
    w = check_real_array(omega, "omega")
    k = check_real_array(kappa, "kappa")
    bad_w = ~(np.isfinite(w) & (w >= 0) & (w <= 1))
    if np.any(bad_w):
        raise_first_invalid(w, bad_w, "omega", "un número finito entre 0 y 1 (ambos incluidos)")
    bad_k = ~(np.isfinite(k) & (k >= 2))
    if np.any(bad_k):
        raise_first_invalid(k, bad_k, "kappa", "un número finito mayor o igual que 2")
    try:
        w, k = np.broadcast_arrays(w, k)
    except ValueError as exc:
        raise ValueError(
            "Los argumentos 'omega' y 'kappa' deben tener formas compatibles; se "
            f"recibieron formas {np.shape(w)} y {np.shape(k)}."
        ) from exc
    a = w * (k - 2.0) + 1.0
    b = (1.0 - w) * (k - 2.0) + 1.0
    return _as_output(a), _as_output(b)


def mode_from_beta(a, b):
    r"""Moda y concentración de ``Beta(a, b)`` (inversa de :func:`beta_from_mode`).

    Calcula :math:`\omega = (a-1)/(a+b-2)` y :math:`\kappa = a + b`.

    Parameters
    ----------
    a, b : float or array_like
        Parámetros de forma, finitos, con :math:`a \ge 1`, :math:`b \ge 1` y
        :math:`a + b > 2` (con ``a = b = 1`` la uniforme no tiene moda única).

    Returns
    -------
    omega, kappa : float or numpy.ndarray
        Moda en ``[0, 1]`` y concentración ``> 2``.

    Raises
    ------
    TypeError
        Si ``a`` o ``b`` no son numéricos.
    ValueError
        Si algún parámetro es menor que 1, no es finito, o ``a + b = 2``.

    Examples
    --------
    >>> mode_from_beta(2.5, 2.5)
    (0.5, 5.0)
    """
    a_arr = check_real_array(a, "a")
    b_arr = check_real_array(b, "b")
    for arr, name in ((a_arr, "a"), (b_arr, "b")):
        bad = ~(np.isfinite(arr) & (arr >= 1))
        if np.any(bad):
            raise_first_invalid(arr, bad, name, "un número finito mayor o igual que 1")
    try:
        a_arr, b_arr = np.broadcast_arrays(a_arr, b_arr)
    except ValueError as exc:
        raise ValueError(
            "Los argumentos 'a' y 'b' deben tener formas compatibles; se recibieron "
            f"formas {np.shape(a_arr)} y {np.shape(b_arr)}."
        ) from exc
    kappa = a_arr + b_arr
    degenerate = kappa <= 2
    if np.any(degenerate):
        idx = tuple(int(i) for i in np.argwhere(degenerate)[0]) if kappa.ndim else ()
        raise ValueError(
            "Los argumentos 'a' y 'b' deben cumplir a + b > 2 (con a = b = 1 la "
            "distribución es uniforme y no tiene moda única); se recibió "
            f"a={format_value(a_arr[idx])} y b={format_value(b_arr[idx])}."
        )
    omega = (a_arr - 1.0) / (kappa - 2.0)
    return _as_output(omega), _as_output(kappa)
