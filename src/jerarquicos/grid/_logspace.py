"""Piezas en escala logarítmica compartidas por ``grid`` y ``collapsed`` (uso interno)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special, stats

from ..validation import DEFAULT_MAX_ELEMENTS, check_real_scalar, format_value

DEFAULT_GRID_POINTS = 101


def check_max_cells(value: object) -> float:
    """Valida ``max_cells`` (finito y ``>= 1``) de los motores de grilla."""
    limit = check_real_scalar(value, "max_cells")
    if not (np.isfinite(limit) and limit >= 1):
        raise ValueError(
            "El argumento 'max_cells' debe ser un número finito mayor o igual que 1 "
            f"(por omisión {DEFAULT_MAX_ELEMENTS}); se recibió max_cells={format_value(value)}."
        )
    return limit


def default_grid() -> np.ndarray:
    """Grilla por defecto de la clase: ``np.linspace(0, 1, 101)``."""
    return np.linspace(0.0, 1.0, DEFAULT_GRID_POINTS)


def log_omega_prior(omega_grid: np.ndarray, A_omega: float, B_omega: float) -> np.ndarray:
    """Log-densidad de ``Beta(A_omega, B_omega)`` en la grilla de omega.

    Con ``A_omega < 1`` la densidad es infinita en ``omega = 0`` (y con
    ``B_omega < 1`` en ``omega = 1``): en ese caso se rechaza la grilla en lugar
    de producir ``inf``/``NaN``.
    """
    if A_omega < 1 and omega_grid[0] == 0.0:
        raise ValueError(
            "Con A_omega < 1 la densidad previa Beta(A_omega, B_omega) de omega es "
            f"infinita en omega=0 (se recibió A_omega={format_value(A_omega)}), pero "
            "'omega_grid' incluye el 0. Use una grilla que excluya ese extremo, por "
            "ejemplo np.linspace(0, 1, 101)[1:] o np.linspace(0.005, 0.995, 100)."
        )
    if B_omega < 1 and omega_grid[-1] == 1.0:
        raise ValueError(
            "Con B_omega < 1 la densidad previa Beta(A_omega, B_omega) de omega es "
            f"infinita en omega=1 (se recibió B_omega={format_value(B_omega)}), pero "
            "'omega_grid' incluye el 1. Use una grilla que excluya ese extremo, por "
            "ejemplo np.linspace(0, 1, 101)[:-1] o np.linspace(0.005, 0.995, 100)."
        )
    return stats.beta.logpdf(omega_grid, A_omega, B_omega)


def shape_params(omega_grid: np.ndarray, kappa: float) -> tuple[np.ndarray, np.ndarray]:
    """Parámetros ``a(omega), b(omega)`` (sin validar; ``a, b >= 1``)."""
    a = omega_grid * (kappa - 2.0) + 1.0
    b = (1.0 - omega_grid) * (kappa - 2.0) + 1.0
    return a, b


def log_pi_prior(pi_grid: np.ndarray, omega_grid: np.ndarray, kappa: float) -> np.ndarray:
    """Matriz ``(len(pi_grid), len(omega_grid))`` de ``log Beta(pi; a(omega), b(omega))``.

    Como ``a, b >= 1``, los valores son finitos o ``-inf`` (densidad cero en un
    extremo), nunca ``+inf`` ni ``NaN``.
    """
    a, b = shape_params(omega_grid, kappa)
    return stats.beta.logpdf(pi_grid[:, None], a[None, :], b[None, :])


def log_binom(y: np.ndarray, N: np.ndarray, pi_grid: np.ndarray) -> np.ndarray:
    """Matriz ``(S, len(pi_grid))`` de ``log Binomial(y_s; N_s, pi)``."""
    return stats.binom.logpmf(y[:, None], N[:, None], pi_grid[None, :])


@dataclass(frozen=True)
class FactorisedGrid:
    """Distribución en la grilla ``(pi_1, ..., pi_S, omega)`` guardada como producto.

    Representa ``m[i_1, ..., i_S, j] = weights[j] * prod_s factors[s][i_s, j]``.
    Con ``factors`` de forma ``(I, J)`` y ``weights`` de forma ``(J,)``, las
    marginales y las conjuntas ``(pi_s, omega)`` se obtienen en
    ``O(S * I * J)`` operaciones, sin recorrer las ``I**S * J`` celdas; dan los
    mismos números que sumar el arreglo completo (salvo redondeo).
    """

    weights: np.ndarray
    factors: tuple[np.ndarray, ...]

    def _col_sums(self) -> np.ndarray:
        return np.stack([f.sum(axis=0) for f in self.factors])  # (S, J)

    def full(self) -> np.ndarray:
        """Arreglo completo de forma ``(I,) * S + (J,)``."""
        out = self.factors[0] * self.weights[None, :]
        for f in self.factors[1:]:
            out = out[..., None, :] * f  # (I,)*k + (1, J) por (I, J) -> (I,)*(k+1) + (J,)
        return out

    def omega_marginal(self) -> np.ndarray:
        """Suma sobre todos los ``pi``: forma ``(J,)``."""
        return self.weights * np.prod(self._col_sums(), axis=0)

    def joint(self, s: int) -> np.ndarray:
        """Suma sobre los ``pi`` distintos de ``pi_s`` (``s`` desde 0): forma ``(I, J)``."""
        sums = self._col_sums()
        others = np.prod(np.delete(sums, s, axis=0), axis=0)
        return self.factors[s] * (self.weights * others)[None, :]


def factorise(log_omega: np.ndarray, log_factors: list[np.ndarray], what: str) -> FactorisedGrid:
    """Normaliza ``p(omega_j) * prod_s f_s(pi_{i_s}, omega_j)`` en escala log.

    ``log_omega`` tiene forma ``(J,)`` y cada ``log_factors[s]`` forma ``(I, J)``.
    Es el truco de ``logsumexp`` aplicado factor por factor: cada columna
    ``f_s(., omega_j)`` se divide por su máximo (en escala log) y esos máximos
    se suman a ``log p(omega_j)``; cada factor queda en ``[0, 1]`` con máximo 1,
    así que el arreglo completo se arma sólo con productos, sin ``exp`` sobre
    todas las celdas ni desbordamientos. La constante de normalización también
    se factoriza, ``sum_j p(omega_j) prod_s sum_i f_s(pi_i, omega_j)``, y se
    calcula con ``scipy.special.logsumexp`` sobre arreglos pequeños. ``what``
    describe la distribución para el mensaje de error.
    """
    log_c = np.array(log_omega, dtype=float)
    scaled = []
    log_col_sums = np.zeros(log_c.size)
    for log_f in log_factors:
        top = np.max(log_f, axis=0)  # (J,)
        finite = np.isfinite(top)
        log_c = log_c + np.where(finite, top, -np.inf)
        f = np.exp(log_f - np.where(finite, top, 0.0)[None, :])
        scaled.append(f)
        with np.errstate(divide="ignore"):
            log_col_sums += np.log(f.sum(axis=0))
    log_total = log_c + log_col_sums
    finite = np.isfinite(log_total)
    if not np.any(finite):
        raise ValueError(
            f"La {what} es cero en todos los puntos de la grilla, así que no se puede "
            "normalizar. Revise las grillas y los datos: por ejemplo, una grilla de pi "
            "con sólo los puntos 0 y 1 da verosimilitud cero si 0 < y < N, y la previa "
            "Beta(A_omega, B_omega) con A_omega, B_omega > 1 vale cero en 0 y en 1."
        )
    log_z = special.logsumexp(log_total[finite])
    return FactorisedGrid(weights=np.exp(log_c - log_z), factors=tuple(scaled))


def normalize_log_inplace(log_values: np.ndarray, what: str) -> np.ndarray:
    """Convierte log-pesos en masas que suman 1, sobre el mismo arreglo.

    Es el truco de ``logsumexp`` hecho en el sitio (sin arreglos temporales del
    tamaño de la grilla): se resta el máximo, se exponencia y se divide por la
    suma. ``what`` describe la distribución para el mensaje de error.
    """
    top = np.max(log_values)
    if not np.isfinite(top):
        raise ValueError(
            f"La {what} es cero (o no finita) en todos los puntos de la grilla, así "
            "que no se puede normalizar. Revise las grillas y los datos: por "
            "ejemplo, una grilla de pi con sólo los puntos 0 y 1 da verosimilitud "
            "cero si 0 < y < N."
        )
    log_values -= top
    np.exp(log_values, out=log_values)
    log_values /= log_values.sum()
    return log_values
