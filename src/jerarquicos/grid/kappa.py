r"""La concentración desconocida: posterior exacta de :math:`(\omega, \kappa)` en una grilla 2-D.

El motor colapsado (:mod:`jerarquicos.grid.collapsed`) fija :math:`\kappa`. Aquí
:math:`\kappa` también es desconocida y tiene su propia distribución a priori,
como en Kruschke (2015, sec. 9.2):

.. math::

    \omega &\sim \operatorname{Beta}(A_\omega, B_\omega), \qquad
    \kappa - 2 \sim \operatorname{Gamma}(S_\kappa, R_\kappa),\\
    \pi_s \mid \omega, \kappa &\sim
    \operatorname{Beta}\bigl(\omega(\kappa-2)+1,\ (1-\omega)(\kappa-2)+1\bigr),\\
    y_s \mid \pi_s &\sim \operatorname{Binomial}(N_s, \pi_s),

con la gamma en la parametrización de forma :math:`S_\kappa` y tasa
:math:`R_\kappa` (media :math:`S_\kappa/R_\kappa`). Cada :math:`\pi_s` se
integra de forma analítica, así que la grilla sólo recorre dos dimensiones:

.. math::

    p(\omega, \kappa \mid y) \propto p(\omega)\,p(\kappa)
    \prod_{s=1}^{S} \operatorname{BetaBinomial}\bigl(y_s; N_s, a, b\bigr),
    \qquad a = \omega(\kappa-2)+1,\; b = (1-\omega)(\kappa-2)+1,

con :math:`\log \operatorname{BetaBinomial}(y; N, a, b) = \log\binom{N}{y}
+ \log B(a + y, b + N - y) - \log B(a, b)`. Todo se calcula en escala
logarítmica y se normaliza con ``logsumexp``.

Masas en la grilla
------------------
Las grillas no tienen por qué ser uniformes: la de :math:`\kappa`, por omisión,
es logarítmica (puntos equiespaciados en :math:`\log(\kappa-2)`), porque la
verosimilitud de :math:`\kappa` cambia en escalas multiplicativas. Cada punto
recibe la densidad por el peso de la regla del trapecio de su grilla (la mitad
de la distancia entre sus dos vecinos), de modo que las masas aproximan la
integral de la densidad en cada celda y las medias son sumas de Riemann de
las integrales verdaderas, sea cual sea el espaciado.

Las marginales de cada :math:`\pi_s` son mezclas exactas de betas,
:math:`\sum_{i,k} m_{ik}\,\operatorname{Beta}(a_{ik} + y_s, b_{ik} + N_s - y_s)`,
con media y desviación típica en forma cerrada; el único error es el de las dos grillas.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import xarray as xr
from scipy import special, stats
from scipy.optimize import elementwise

from ..validation import (
    check_choice,
    check_counts,
    check_integer,
    check_memory,
    check_positive_finite,
    check_prob,
    check_random_seed,
    check_real_array,
    check_subject,
    check_unit_interval,
    format_value,
    raise_first_invalid,
)
from .brute_force import pi_names
from .summaries import SUMMARY_COLUMNS, summarize

__all__ = [
    "DEFAULT_KAPPA_GRID",
    "DEFAULT_OMEGA_GRID",
    "OmegaKappaPosterior",
    "default_kappa_grid",
    "default_omega_grid",
    "omega_kappa_posterior",
    "trapezoid_weights",
]

#: Puntos de la grilla de :math:`\omega` por omisión (centros de celdas en (0, 1)).
DEFAULT_OMEGA_GRID = 200
#: Puntos de la grilla de :math:`\kappa` por omisión (logarítmica en :math:`\kappa - 2`).
DEFAULT_KAPPA_GRID = 241
# Al evaluar densidades y cuantiles de pi_s se omiten los puntos más livianos de la
# grilla mientras la masa omitida, en total, no pase de esto.
_OMITTED_MASS = 1e-10
# Elementos por bloque (componentes x puntos) al evaluar la densidad de una mezcla.
_CHUNK_ELEMENTS = 2_000_000


def default_omega_grid(points: int = DEFAULT_OMEGA_GRID) -> np.ndarray:
    """Grilla de :math:`\\omega` por omisión: centros de ``points`` celdas iguales de (0, 1).

    No incluye el 0 ni el 1, así que sirve también con :math:`A_\\omega < 1` o
    :math:`B_\\omega < 1`.

    Parameters
    ----------
    points : int, optional
        Cantidad de puntos (por omisión 200: paso 0.005).

    Returns
    -------
    numpy.ndarray
    """
    points = check_integer(points, "points", minimum=1)
    check_memory(points, "points", what="la grilla de omega")
    return (np.arange(points) + 0.5) / points


def default_kappa_grid(
    points: int = DEFAULT_KAPPA_GRID, lower: float = 1e-2, upper: float = 1e4
) -> np.ndarray:
    """Grilla de :math:`\\kappa` por omisión: :math:`\\kappa - 2` logarítmica en ``[lower, upper]``.

    Parameters
    ----------
    points : int, optional
        Cantidad de puntos (por omisión 241: 40 por década de :math:`\\kappa - 2`).
    lower, upper : float, optional
        Extremos de :math:`\\kappa - 2` (por omisión 0.01 y 10 000).

    Returns
    -------
    numpy.ndarray
        Valores de :math:`\\kappa` (no de :math:`\\kappa - 2`), todos mayores que 2.
    """
    points = check_integer(points, "points", minimum=2)
    check_memory(points, "points", what="la grilla de kappa")
    lower = check_positive_finite(lower, "lower")
    upper = check_positive_finite(upper, "upper")
    if upper <= lower:
        raise ValueError(
            "El argumento 'upper' debe ser mayor que 'lower'; se recibió "
            f"lower={format_value(lower)} y upper={format_value(upper)}."
        )
    return 2.0 + np.geomspace(lower, upper, points)


def trapezoid_weights(grid) -> np.ndarray:
    """Pesos de la regla del trapecio de una grilla creciente (no necesariamente uniforme).

    Parameters
    ----------
    grid : array_like
        Puntos estrictamente crecientes (al menos 2).

    Returns
    -------
    numpy.ndarray
        ``w[i] = (grid[i+1] - grid[i-1]) / 2`` en los puntos interiores y la mitad
        del paso en los extremos; suman ``grid[-1] - grid[0]``.

    Raises
    ------
    TypeError, ValueError
        Si la grilla no es numérica, 1-D, finita y estrictamente creciente.
    """
    g = _check_increasing(grid, "grid")
    w = np.empty_like(g)
    w[1:-1] = 0.5 * (g[2:] - g[:-2])
    w[0] = 0.5 * (g[1] - g[0])
    w[-1] = 0.5 * (g[-1] - g[-2])
    return w


def _check_increasing(grid, name: str) -> np.ndarray:
    if grid is None or isinstance(grid, str | bytes):
        raise TypeError(
            f"El argumento '{name}' debe ser una secuencia 1-D de números; se recibió "
            f"{name}={grid!r}."
        )
    arr = check_real_array(grid, name)
    if arr.ndim != 1 or arr.size < 2:
        raise ValueError(
            f"El argumento '{name}' debe ser una grilla 1-D con al menos 2 puntos; se "
            f"recibió un arreglo de forma {arr.shape}."
        )
    bad = ~np.isfinite(arr)
    if np.any(bad):
        raise_first_invalid(arr, bad, name, "un número finito")
    steps = np.diff(arr)
    if np.any(steps <= 0):
        i = int(np.argmax(steps <= 0))
        raise ValueError(
            f"El argumento '{name}' debe ser estrictamente creciente; se recibió "
            f"{name}[{i}]={format_value(arr[i])} seguido de "
            f"{name}[{i + 1}]={format_value(arr[i + 1])}."
        )
    return arr


def _check_draws(n_draws) -> int:
    return check_integer(n_draws, "n_draws", minimum=1)


def _check_omega_grid(grid) -> np.ndarray:
    arr = _check_increasing(grid, "omega_grid")
    bad = ~((arr > 0) & (arr < 1))
    if np.any(bad):
        raise_first_invalid(arr, bad, "omega_grid", "un número estrictamente entre 0 y 1")
    return arr


def _check_kappa_grid(grid) -> np.ndarray:
    arr = _check_increasing(grid, "kappa_grid")
    bad = ~(arr > 2)
    if np.any(bad):
        raise_first_invalid(
            arr, bad, "kappa_grid", "un número mayor que 2 (con kappa = 2 la beta es uniforme)"
        )
    return arr


def _shapes(omega: np.ndarray, kappa: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Parámetros ``a, b`` en la grilla 2-D, forma ``(n_omega, n_kappa)``."""
    km2 = (kappa - 2.0)[None, :]
    return omega[:, None] * km2 + 1.0, (1.0 - omega[:, None]) * km2 + 1.0


def _log_likelihood(y: np.ndarray, n: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:math:`\\sum_s \\log \\operatorname{BetaBinomial}(y_s; N_s, a, b)` en la grilla 2-D."""
    out = np.zeros_like(a)
    pairs, counts = np.unique(np.stack([y, n], axis=1), axis=0, return_counts=True)
    log_b_ab = special.betaln(a, b)
    for (ys, ns), c in zip(pairs, counts, strict=True):
        out += c * (special.betaln(a + ys, b + (ns - ys)) - log_b_ab)
    constant = np.sum(
        special.gammaln(n + 1.0) - special.gammaln(y + 1.0) - special.gammaln(n - y + 1.0)
    )
    return out + constant


@dataclass(frozen=True)
class OmegaKappaPosterior:
    """Resultado de :func:`omega_kappa_posterior`.

    Attributes
    ----------
    joint : xarray.DataArray
        Masas de la posterior conjunta, dimensiones ``("omega", "kappa")``; suman 1.
    prior : xarray.DataArray
        Masas de la previa conjunta en la misma grilla (normalizadas en la grilla).
    log_likelihood : xarray.DataArray
        :math:`\\sum_s \\log p(y_s \\mid \\omega, \\kappa)` en cada punto.
    y, N : numpy.ndarray
        Datos (``int64``, longitud ``S``).
    A_omega, B_omega : float
        Previa beta de :math:`\\omega`.
    kappa_shape, kappa_rate : float
        Forma y tasa de la previa gamma de :math:`\\kappa - 2`.
    kappa_prior_mass : float
        Masa de la previa gamma de :math:`\\kappa - 2` dentro del rango de la
        grilla (lo que no cubre la grilla queda fuera del cálculo).
    """

    joint: xr.DataArray
    prior: xr.DataArray
    log_likelihood: xr.DataArray
    y: np.ndarray
    N: np.ndarray
    A_omega: float
    B_omega: float
    kappa_shape: float
    kappa_rate: float
    kappa_prior_mass: float
    _a: np.ndarray = field(repr=False)
    _b: np.ndarray = field(repr=False)

    @property
    def n_subjects(self) -> int:
        """Número de sujetos ``S``."""
        return int(self.y.size)

    @property
    def omega_grid(self) -> np.ndarray:
        """Grilla de :math:`\\omega`."""
        return self.joint["omega"].values

    @property
    def kappa_grid(self) -> np.ndarray:
        """Grilla de :math:`\\kappa`."""
        return self.joint["kappa"].values

    @property
    def omega(self) -> xr.DataArray:
        """Marginal posterior de :math:`\\omega` (masas, dimensión ``"omega"``)."""
        return self.joint.sum("kappa").rename("posterior")

    @property
    def kappa(self) -> xr.DataArray:
        """Marginal posterior de :math:`\\kappa` (masas, dimensión ``"kappa"``)."""
        return self.joint.sum("omega").rename("posterior")

    def density(self, dim: str, *, log: bool = False, which: str = "posterior") -> xr.DataArray:
        """Densidad marginal de :math:`\\omega` o de :math:`\\kappa` (para graficar).

        Las masas de la grilla se dividen por los pesos del trapecio.

        Parameters
        ----------
        dim : {"omega", "kappa"}
            Marginal pedida.
        log : bool, optional
            Sólo para ``"kappa"``: si es ``True``, la densidad de :math:`\\log\\kappa`,
            :math:`p(\\kappa)\\,\\kappa`, la que corresponde a un eje logarítmico.
        which : {"posterior", "prior"}, optional
            Posterior (por omisión) o previa.

        Returns
        -------
        xarray.DataArray
            Densidad sobre la grilla de ``dim``.
        """
        check_choice(dim, "dim", ("omega", "kappa"))
        if dim not in ("omega", "kappa"):
            raise ValueError(
                f"El argumento 'dim' debe ser 'omega' o 'kappa'; se recibió dim={dim!r}."
            )
        if which not in ("posterior", "prior"):
            raise ValueError(
                f"El argumento 'which' debe ser 'posterior' o 'prior'; se recibió which={which!r}."
            )
        if not isinstance(log, bool):
            raise TypeError(f"El argumento 'log' debe ser True o False; se recibió log={log!r}.")
        if log and dim != "kappa":
            raise ValueError("El argumento 'log' sólo se admite con dim='kappa'.")
        source = self.joint if which == "posterior" else self.prior
        other = "kappa" if dim == "omega" else "omega"
        masses = source.sum(other)
        grid = masses[dim].values
        dens = masses.values / trapezoid_weights(grid)
        if log:
            dens = dens * grid
        return xr.DataArray(
            dens,
            dims=(dim,),
            coords={dim: grid},
            name="density",
            attrs={"description": f"densidad {which} de {'log ' if log else ''}{dim}"},
        )

    # ------------------------------------------------------------ extracciones

    def sample(self, n_draws: int, *, random_seed=None) -> tuple[np.ndarray, np.ndarray]:
        """Extracciones de :math:`(\\omega, \\kappa)` de la posterior en la grilla.

        Cada extracción es un punto de la grilla elegido con probabilidad igual
        a su masa (sin suavizar dentro de la celda).

        Parameters
        ----------
        n_draws : int
            Cantidad de extracciones.
        random_seed : int or numpy.random.Generator, optional

        Returns
        -------
        omega, kappa : numpy.ndarray
            Arreglos de longitud ``n_draws``.
        """
        n = _check_draws(n_draws)
        check_memory(n, "n_draws", what="las extracciones")
        rng = np.random.default_rng(check_random_seed(random_seed))
        flat = rng.choice(self.joint.size, size=n, p=self.joint.values.ravel())
        i, k = np.unravel_index(flat, self.joint.shape)
        return self.omega_grid[i], self.kappa_grid[k]

    def predict_new(self, N, n_draws: int, *, random_seed=None) -> np.ndarray:
        """Predictiva a posteriori de sujetos NUEVOS de la misma población.

        Para cada extracción de :math:`(\\omega, \\kappa)` (:meth:`sample`) y
        cada cantidad de ensayos :math:`N_i`, se saca un :math:`\\pi` nuevo de
        :math:`\\operatorname{Beta}(a, b)` y un conteo
        :math:`\\operatorname{Binomial}(N_i, \\pi)`.

        Parameters
        ----------
        N : sequence of int
            Ensayos de cada sujeto nuevo.
        n_draws : int
            Cantidad de extracciones.
        random_seed : int or numpy.random.Generator, optional

        Returns
        -------
        numpy.ndarray
            Conteos simulados, forma ``(n_draws, len(N))``.
        """
        if isinstance(N, str | bytes):
            raise TypeError(
                "El argumento 'N' debe contener números enteros no negativos; se recibió "
                f"la cadena N={N!r}."
            )
        _, trials = check_counts(np.zeros(np.size(N), dtype=np.int64), N)
        n = _check_draws(n_draws)
        check_memory(n * trials.size, "n_draws", what="los conteos simulados")
        rng = np.random.default_rng(check_random_seed(random_seed))
        omega, kappa = self.sample(n_draws, random_seed=rng)
        a = omega * (kappa - 2.0) + 1.0
        b = (1.0 - omega) * (kappa - 2.0) + 1.0
        pi = rng.beta(a[:, None], b[:, None], size=(a.size, trials.size))
        return rng.binomial(trials[None, :], pi)

    # ------------------------------------------------------------------ pi_s

    def _post_ab(self, s: int) -> tuple[np.ndarray, np.ndarray]:
        ys, ns = int(self.y[s - 1]), int(self.N[s - 1])
        return self._a + ys, self._b + (ns - ys)

    def _kept(self) -> tuple[np.ndarray, np.ndarray]:
        """Índices (aplanados) y pesos de los puntos más pesados de la grilla.

        Se descartan los más livianos mientras la masa descartada no pase de
        ``_OMITTED_MASS``; los pesos que quedan se vuelven a normalizar.
        """
        w = self.joint.values.ravel()
        order = np.argsort(w)
        dropped = np.searchsorted(np.cumsum(w[order]), _OMITTED_MASS, side="right")
        keep = order[dropped:]
        return keep, w[keep] / w[keep].sum()

    def _components(self, s: int):
        """Pesos y parámetros beta (aplanados) de la mezcla de :math:`\\pi_s`."""
        keep, w = self._kept()
        alpha, beta = self._post_ab(s)
        return w, alpha.ravel()[keep], beta.ravel()[keep]

    def pi_mean(self) -> xr.DataArray:
        """Media posterior de cada :math:`\\pi_s`.

        Es :math:`\\sum_{i,k} m_{ik} (a_{ik}+y_s)/(\\kappa_k+N_s)`, exacta sobre la grilla.

        Returns
        -------
        xarray.DataArray
            Dimensión ``"subject"`` con coordenadas ``1..S``.
        """
        mean, _ = self._pi_moments()
        return self._per_subject(mean, "pi_mean", "media posterior de pi_s")

    def pi_sd(self) -> xr.DataArray:
        """Desviación típica posterior de cada :math:`\\pi_s` (forma cerrada sobre la mezcla).

        Returns
        -------
        xarray.DataArray
            Dimensión ``"subject"`` con coordenadas ``1..S``.
        """
        _, sd = self._pi_moments()
        return self._per_subject(sd, "pi_sd", "desviación estándar posterior de pi_s")

    def _pi_moments(self) -> tuple[np.ndarray, np.ndarray]:
        w = self.joint.values
        means = np.empty(self.n_subjects)
        sds = np.empty(self.n_subjects)
        for s in range(1, self.n_subjects + 1):
            alpha, beta = self._post_ab(s)
            total = alpha + beta
            m1 = alpha / total
            m2 = m1 * (alpha + 1.0) / (total + 1.0)
            means[s - 1] = np.sum(w * m1)
            sds[s - 1] = np.sqrt(max(np.sum(w * m2) - means[s - 1] ** 2, 0.0))
        return means, sds

    def _per_subject(self, values: np.ndarray, name: str, description: str) -> xr.DataArray:
        return xr.DataArray(
            values,
            dims=("subject",),
            coords={"subject": np.arange(1, self.n_subjects + 1)},
            name=name,
            attrs={"description": description},
        )

    def pi_density(self, s: int, pi) -> xr.DataArray:
        """Densidad marginal posterior de :math:`\\pi_s` (la mezcla de betas).

        Parameters
        ----------
        s : int
            Sujeto, numerado desde 1.
        pi : array_like
            Puntos en ``[0, 1]`` (escalar o 1-D).

        Returns
        -------
        xarray.DataArray
            Densidades con dimensión ``"pi_s"`` (por ejemplo ``"pi_3"``).
        """
        s = check_subject(s, self.n_subjects)
        points = np.atleast_1d(check_unit_interval(pi, "pi"))
        if points.ndim != 1:
            raise ValueError(
                "El argumento 'pi' debe ser un escalar o un arreglo 1-D; se recibió uno "
                f"de forma {points.shape}."
            )
        w, alpha, beta = self._components(s)
        log_w = np.log(w)[:, None]
        log_norm = special.betaln(alpha, beta)[:, None]
        dens = np.empty(points.size)
        chunk = max(1, _CHUNK_ELEMENTS // w.size)
        for start in range(0, points.size, chunk):
            x = points[start : start + chunk]
            with np.errstate(divide="ignore"):
                log_x, log_1mx = np.log(x), np.log1p(-x)
            # alpha, beta > 1: en los extremos la densidad de cada componente es 0.
            log_comp = (alpha - 1.0)[:, None] * log_x[None, :]
            log_comp += (beta - 1.0)[:, None] * log_1mx[None, :]
            log_comp -= log_norm
            log_comp += log_w
            dens[start : start + chunk] = np.exp(special.logsumexp(log_comp, axis=0))
        return xr.DataArray(
            dens,
            dims=(f"pi_{s}",),
            coords={f"pi_{s}": points},
            name="density",
            attrs={"description": f"densidad posterior marginal de pi_{s}"},
        )

    def pi_marginal(self, s: int, pi_grid=None) -> xr.DataArray:
        """Marginal posterior de :math:`\\pi_s` como masas sobre una grilla.

        Parameters
        ----------
        s : int
            Sujeto, numerado desde 1.
        pi_grid : array_like, optional
            Grilla en ``[0, 1]`` (por omisión ``np.linspace(0, 1, 401)``); la
            densidad se multiplica por los pesos del trapecio y se normaliza.

        Returns
        -------
        xarray.DataArray
            Masas (suman 1) con dimensión ``"pi_s"``.
        """
        grid = np.linspace(0.0, 1.0, 401) if pi_grid is None else pi_grid
        grid = _check_increasing(grid, "pi_grid")
        check_unit_interval(grid, "pi_grid")
        dens = self.pi_density(s, grid)
        masses = dens.values * trapezoid_weights(grid)
        return dens.copy(data=masses / masses.sum()).rename("posterior")

    def _pi_intervals(self, prob: float) -> tuple[np.ndarray, np.ndarray]:
        """Cuantiles de colas iguales de todas las :math:`\\pi_s` a la vez."""
        keep, w = self._kept()
        a, b = self._a.ravel()[keep], self._b.ravel()[keep]
        n_s = self.n_subjects
        alpha = a[None, :] + self.y[:, None]
        beta = b[None, :] + (self.N - self.y)[:, None]
        tail = 0.5 * (1.0 - prob)
        targets = np.concatenate([np.full(n_s, tail), np.full(n_s, 1.0 - tail)])
        rows = np.concatenate([np.arange(n_s), np.arange(n_s)])
        # Intervalo inicial: media ± 12 desviaciones típicas (la mezcla es unimodal y de
        # colas finas), recortado a [0, 1]; la raíz está siempre adentro.
        mean, sd = self._pi_moments()
        low = np.clip(mean - 12 * sd, 0.0, 1.0)[rows]
        high = np.clip(mean + 12 * sd, 0.0, 1.0)[rows]

        def excess(x, k):
            r = rows[k.astype(np.intp)]
            cdf = np.einsum("...k,k->...", special.betainc(alpha[r], beta[r], x[..., None]), w)
            return cdf - targets[k.astype(np.intp)]

        res = elementwise.find_root(
            excess,
            (low, high),
            args=(np.arange(targets.size),),
            tolerances={"xatol": 1e-12, "xrtol": 1e-12},
        )
        if not np.all(res.success):  # pragma: no cover - salvaguarda
            raise RuntimeError("No se pudieron calcular los cuantiles de la mezcla beta.")
        roots = np.asarray(res.x, dtype=float)
        return roots[:n_s], roots[n_s:]

    def summary(self, prob: float = 0.95, *, include_pi: bool = True) -> pd.DataFrame:
        """Tabla de :math:`\\pi_1, \\dots, \\pi_S`, :math:`\\omega` y :math:`\\kappa`.

        Parameters
        ----------
        prob : float, optional
            Probabilidad de los intervalos de colas iguales (por omisión 0.95).
        include_pi : bool, optional
            Si es ``False``, sólo las filas de :math:`\\omega` y :math:`\\kappa`
            (los cuantiles de las mezclas de cada :math:`\\pi_s` son lo más caro).

        Returns
        -------
        pandas.DataFrame
            Índice ``pi_1, ..., pi_S, omega, kappa``; columnas ``mean``, ``sd``,
            ``lower``, ``upper``. Para cada :math:`\\pi_s` la media y la desviación típica
            son los de la mezcla (forma cerrada) y los cuantiles resuelven
            :math:`F(x) = q` para su función de distribución; para :math:`\\omega`
            y :math:`\\kappa`, :func:`jerarquicos.grid.summaries.summarize` sobre
            la grilla.
        """
        prob = check_prob(prob)
        if not isinstance(include_pi, bool):
            raise TypeError(
                "El argumento 'include_pi' debe ser True o False; se recibió "
                f"include_pi={include_pi!r}."
            )
        rows = pd.DataFrame(
            [
                summarize(self.omega, prob=prob, name="omega"),
                summarize(self.kappa, prob=prob, name="kappa"),
            ]
        )
        if not include_pi:
            rows.index.name = "parameter"
            return rows
        mean, sd = self._pi_moments()
        lower, upper = self._pi_intervals(prob)
        table = pd.DataFrame(
            {"mean": mean, "sd": sd, "lower": lower, "upper": upper},
            index=list(pi_names(self.n_subjects)),
            columns=list(SUMMARY_COLUMNS),
        )
        table = pd.concat([table, rows])
        table.index.name = "parameter"
        return table


def omega_kappa_posterior(
    y,
    N,
    *,
    A_omega: float = 1.0,
    B_omega: float = 1.0,
    kappa_shape: float = 1.0,
    kappa_rate: float = 0.01,
    omega_grid=None,
    kappa_grid=None,
) -> OmegaKappaPosterior:
    """Posterior de :math:`(\\omega, \\kappa)` en una grilla 2-D, con cada :math:`\\pi_s` integrada.

    Parameters
    ----------
    y : int or sequence of int
        Éxitos de cada sujeto.
    N : int or sequence of int
        Ensayos de cada sujeto (misma longitud que ``y``, ``y_s <= N_s``).
    A_omega, B_omega : float, optional
        Previa ``Beta(A_omega, B_omega)`` de :math:`\\omega` (por omisión uniforme).
    kappa_shape, kappa_rate : float, optional
        Forma y tasa de la previa ``Gamma`` de :math:`\\kappa - 2` (por omisión
        forma 1 y tasa 0.01: una exponencial de media 100).
    omega_grid : array_like, optional
        Grilla de :math:`\\omega`, estrictamente dentro de (0, 1); por omisión
        :func:`default_omega_grid`.
    kappa_grid : array_like, optional
        Grilla de :math:`\\kappa`, toda mayor que 2; por omisión
        :func:`default_kappa_grid` (logarítmica en :math:`\\kappa - 2`, de 0.01 a
        10 000).

    Returns
    -------
    OmegaKappaPosterior
        Con la conjunta, las marginales ``omega`` y ``kappa``, y los métodos
        ``pi_mean``, ``pi_sd``, ``pi_density``, ``pi_marginal`` y ``summary``.

    Raises
    ------
    TypeError, ValueError
        Si algún argumento no es válido.

    Examples
    --------
    >>> post = omega_kappa_posterior([3, 5, 7], [10, 10, 10])
    >>> round(float(post.joint.sum()), 12)
    1.0
    """
    y_arr, n_arr = check_counts(y, N)
    A = check_positive_finite(A_omega, "A_omega")
    B = check_positive_finite(B_omega, "B_omega")
    shape = check_positive_finite(kappa_shape, "kappa_shape")
    rate = check_positive_finite(kappa_rate, "kappa_rate")
    omega_g = default_omega_grid() if omega_grid is None else _check_omega_grid(omega_grid)
    kappa_g = default_kappa_grid() if kappa_grid is None else _check_kappa_grid(kappa_grid)
    check_memory(omega_g.size * kappa_g.size, "kappa_grid", what="la grilla 2-D de (omega, kappa)")

    a, b = _shapes(omega_g, kappa_g)
    log_lik = _log_likelihood(y_arr, n_arr, a, b)
    log_prior = (
        stats.beta.logpdf(omega_g, A, B)[:, None]
        + np.log(trapezoid_weights(omega_g))[:, None]
        + stats.gamma.logpdf(kappa_g - 2.0, shape, scale=1.0 / rate)[None, :]
        + np.log(trapezoid_weights(kappa_g))[None, :]
    )
    log_post = log_prior + log_lik
    coords = {"omega": omega_g, "kappa": kappa_g}
    dims = ("omega", "kappa")

    def masses(log_values: np.ndarray, name: str, description: str) -> xr.DataArray:
        values = np.exp(log_values - special.logsumexp(log_values))
        return xr.DataArray(
            values, dims=dims, coords=coords, name=name, attrs={"description": description}
        )

    gamma = stats.gamma(shape, scale=1.0 / rate)
    coverage = float(gamma.cdf(kappa_g[-1] - 2.0) - gamma.cdf(kappa_g[0] - 2.0))
    return OmegaKappaPosterior(
        joint=masses(log_post, "posterior", "masas de la posterior conjunta (suman 1)"),
        prior=masses(log_prior, "prior", "masas de la previa conjunta en la grilla"),
        log_likelihood=xr.DataArray(
            log_lik,
            dims=dims,
            coords=coords,
            name="log_likelihood",
            attrs={"description": "suma sobre sujetos de log p(y_s | omega, kappa)"},
        ),
        y=y_arr,
        N=n_arr,
        A_omega=A,
        B_omega=B,
        kappa_shape=shape,
        kappa_rate=rate,
        kappa_prior_mass=coverage,
        _a=a,
        _b=b,
    )
