"""Gráficos de pooling y *shrinkage* para los capítulos de radón y renacuajos.

Los dibujantes ``plot_*`` reciben ``ax=None`` (crean una figura nueva si hace
falta), devuelven los ejes y nunca llaman a ``plt.show()``; las funciones
``*_figure`` arman la figura completa, en la diagramación ancha o en la
angosta, para :func:`jerarquicos.plots.layout.show`. Los rótulos están en
castellano y los colores salen de viridis (apto para daltonismo).

Las tablas que se dibujan salen de los modelos (por ejemplo
:func:`jerarquicos.models.groups.group_summary`); aquí sólo se dibuja.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import colors as mcolors
from matplotlib import ticker
from matplotlib.collections import LineCollection

from ..validation import (
    check_ax,
    check_bool,
    check_dataframe,
    check_finite_array,
    check_finite_scalar,
    check_layout,
    check_mapping,
    check_random_seed,
    check_text,
    format_value,
)
from .layout import subplots
from .style import axes_or_new

__all__ = [
    "plot_prior_sweep",
    "plot_sweep_spread",
    "plot_estimates_by_size",
    "plot_kept_fraction",
    "plot_agreement",
    "plot_county_fits",
    "plot_group_predictor",
    "plot_tank_estimates",
    "plain_log_ticks",
    "prior_sweep_figure",
    "agreement_figure",
    "estimates_by_size_figure",
    "kept_fraction_figure",
    "county_fits_figure",
    "group_predictor_figure",
    "tank_estimates_figure",
]

#: Colores fijos (de viridis) para los tres tipos de estimación.
POOLING_COLORS = {
    "sin pooling": "#31688e",
    "pooling parcial": "#35b779",
    "pooling completo": "#440154",
}


def _as_1d(values, name: str) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"El argumento {name} no es numérico: se admite una secuencia de números."
        ) from None
    if array.ndim != 1 or array.size == 0:
        raise ValueError(
            f"El argumento {name} tiene forma {array.shape}: se admite una secuencia 1-D no vacía."
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(
            f"El argumento {name} tiene valores no finitos: se admiten sólo números finitos."
        )
    return array


def _same_length(**arrays: np.ndarray) -> None:
    lengths = {name: len(a) for name, a in arrays.items()}
    if len(set(lengths.values())) > 1:
        detail = ", ".join(f"{name} ({n})" for name, n in lengths.items())
        raise ValueError(f"Los argumentos deben tener la misma longitud; se recibió: {detail}.")


def _positive(values: np.ndarray, name: str) -> None:
    if np.any(values <= 0):
        raise ValueError(
            f"El argumento {name} tiene valores <= 0: se admiten sólo valores positivos."
        )


def plain_log_ticks(axis) -> None:
    """Rótulos 0.01, 1, 10, 100 en lugar de potencias de diez en un eje logarítmico.

    Quita además las marcas menores: en un eje logarítmico son decenas, no
    agregan información a estas figuras y dibujarlas (dos veces, una por
    diagramación) es lo más lento de la figura.

    Parameters
    ----------
    axis : matplotlib.axis.Axis
        Eje a modificar, por ejemplo ``ax.xaxis``.

    Raises
    ------
    TypeError
        Si ``axis`` no es un ``matplotlib.axis.Axis``.
    """
    from matplotlib.axis import Axis

    if not isinstance(axis, Axis):
        raise TypeError(
            "El argumento 'axis' debe ser un eje de matplotlib (matplotlib.axis.Axis, p. ej. "
            f"ax.xaxis); se recibió axis={format_value(axis)} (de tipo {type(axis).__name__})."
        )
    axis.set_major_formatter(ticker.FuncFormatter(lambda v, _: f"{v:g}"))
    axis.set_minor_locator(ticker.NullLocator())


def plot_prior_sweep(
    estimates: pd.DataFrame,
    *,
    sizes=None,
    hline: float | None = None,
    hline_label: str | None = None,
    ax=None,
    colorbar: bool = True,
):
    """Estimación de cada grupo según la varianza de una previa fija.

    Dibuja una línea por grupo: su media a posteriori (eje vertical) para cada
    varianza a priori (eje horizontal, logarítmico).

    Parameters
    ----------
    estimates : pandas.DataFrame
        Una fila por grupo y una columna por varianza a priori (los nombres de
        las columnas son las varianzas, números positivos).
    sizes : array_like, optional
        Tamaño de cada grupo (en el orden de las filas); si se da, colorea las
        líneas en escala logarítmica de viridis.
    hline : float, optional
        Valor de referencia para una recta horizontal de trazos.
    hline_label : str, optional
        Rótulo de esa recta en la leyenda.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    colorbar : bool, default True
        Si se agrega la barra de colores (sólo con ``sizes``).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    check_dataframe(estimates, "estimates")
    if estimates.shape[1] < 2:
        raise ValueError(
            "El argumento 'estimates' debe tener al menos dos columnas (una por varianza a "
            f"priori); se recibió una tabla con {estimates.shape[1]}."
        )
    if hline is not None:
        hline = check_finite_scalar(hline, "hline")
    hline_label = check_text(hline_label, "hline_label", allow_none=True)
    colorbar = check_bool(colorbar, "colorbar")
    variances = _as_1d(list(estimates.columns), "estimates.columns")
    _positive(variances, "estimates.columns")
    values = estimates.to_numpy(dtype=float)
    if not np.all(np.isfinite(values)):
        raise ValueError("El argumento estimates tiene valores no finitos.")
    order = np.argsort(variances)
    variances, values = variances[order], values[:, order]
    ax = axes_or_new(ax)
    if sizes is not None:
        sizes = _as_1d(sizes, "sizes")
        _same_length(estimates=values[:, 0], sizes=sizes)
        _positive(sizes, "sizes")
        norm = mcolors.LogNorm(vmin=sizes.min(), vmax=max(sizes.max(), sizes.min() * 1.01))
        cmap = plt.get_cmap("viridis")
        line_colors = [cmap(norm(s)) for s in sizes]
    else:
        line_colors = [mcolors.to_rgba("#31688e")] * len(values)
    segments = [np.column_stack([variances, row]) for row in values]
    ax.add_collection(LineCollection(segments, colors=line_colors, alpha=0.6, linewidths=0.9))
    ax.scatter(
        np.tile(variances, len(values)),
        values.ravel(),
        s=4,
        c=np.repeat(np.asarray(line_colors), len(variances), axis=0),
        alpha=0.6,
        linewidths=0,
    )
    ax.autoscale_view()
    if hline is not None:
        ax.axhline(hline, color="0.3", linestyle="--", linewidth=1.2, label=hline_label)
        if hline_label:
            ax.legend(frameon=False, loc="lower right")
    ax.set_xscale("log")
    plain_log_ticks(ax.xaxis)
    ax.set_xlabel(r"varianza a priori de $\alpha_j$")
    ax.set_ylabel(r"estimación de $\alpha_j$ (media a posteriori)")
    if sizes is not None and colorbar:
        mappable = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
        bar = ax.figure.colorbar(mappable, ax=ax, label="casas del condado")
        plain_log_ticks(bar.ax.yaxis)
    return ax


def plot_estimates_by_size(
    sizes,
    means,
    sds=None,
    *,
    center: float | None = None,
    center_label: str | None = None,
    ax=None,
    jitter: float = 0.0,
    random_seed=None,
    color: str = "#31688e",
    ylabel: str = "estimación de la media del condado",
):
    """Estimación de cada grupo contra su tamaño de muestra (eje logarítmico).

    Parameters
    ----------
    sizes : array_like
        Número de observaciones de cada grupo (positivo).
    means : array_like
        Estimación de cada grupo (media a posteriori).
    sds : array_like, optional
        Desviación típica a posteriori de cada grupo; si se da, se dibuja ± 1
        desviación típica.
    center : float, optional
        Valor común (por ejemplo, la media poblacional) para una recta
        horizontal de trazos.
    center_label : str, optional
        Rótulo de esa recta en la leyenda.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    jitter : float, default 0.0
        Desplazamiento horizontal aleatorio, en fracción multiplicativa del
        tamaño, para separar grupos del mismo tamaño.
    random_seed : int or numpy.random.Generator, optional
        Semilla del desplazamiento.
    color : str
        Color de los puntos.
    ylabel : str, optional
        Rótulo del eje vertical.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    sizes = _as_1d(sizes, "sizes")
    means = _as_1d(means, "means")
    _same_length(sizes=sizes, means=means)
    _positive(sizes, "sizes")
    if sds is not None:
        sds = _as_1d(sds, "sds")
        _same_length(sizes=sizes, sds=sds)
        if np.any(sds < 0):
            raise ValueError(
                "El argumento sds tiene valores negativos: una desviación típica es >= 0."
            )
    jitter = check_finite_scalar(jitter, "jitter")
    if jitter < 0:
        raise ValueError(f"El argumento jitter={jitter!r} no es válido: se admite un número >= 0.")
    ax = axes_or_new(ax)
    rng = np.random.default_rng(check_random_seed(random_seed))
    x = sizes * np.exp(rng.uniform(-jitter, jitter, size=sizes.size)) if jitter else sizes
    if sds is not None:
        ax.errorbar(
            x, means, yerr=sds, fmt="o", color=color, markersize=3, elinewidth=0.7, alpha=0.8
        )
    else:
        ax.plot(x, means, "o", color=color, markersize=3, alpha=0.8)
    if center is not None:
        ax.axhline(center, color="0.3", linestyle="--", linewidth=1.2, label=center_label)
        if center_label:
            ax.legend(frameon=False, loc="upper right")
    ax.set_xscale("log")
    plain_log_ticks(ax.xaxis)
    ax.set_xlabel("casas del condado (escala logarítmica)")
    ax.set_ylabel(ylabel)
    return ax


def plot_kept_fraction(sizes, kept, *, ratio: float | None = None, ax=None):
    """Fracción de la distancia a la media común que conserva cada grupo.

    En un modelo normal con interceptos variables, y dados μ_α, σ_α y σ, la
    estimación del grupo j es ``w_j ȳ_j + (1 − w_j) μ_α`` con
    ``w_j = n_j / (n_j + σ²/σ_α²)``: conserva la fracción ``w_j`` de la
    distancia entre su media muestral y μ_α.

    Parameters
    ----------
    sizes : array_like
        Tamaño de cada grupo (positivo).
    kept : array_like
        Fracción conservada, ``(estimación − μ_α) / (ȳ_j − μ_α)``.
    ratio : float, optional
        ``σ²/σ_α²``; si se da, se superpone la curva ``n / (n + ratio)``.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    sizes = _as_1d(sizes, "sizes")
    kept = _as_1d(kept, "kept")
    _same_length(sizes=sizes, kept=kept)
    _positive(sizes, "sizes")
    ax = axes_or_new(ax)
    ax.plot(sizes, kept, "o", color="#31688e", markersize=3.5, alpha=0.75, label="condados")
    if ratio is not None:
        ratio = check_finite_scalar(ratio, "ratio")
        if not ratio > 0:
            raise ValueError(
                f"El argumento ratio={ratio!r} no es válido: se admite un número positivo."
            )
        grid = np.geomspace(sizes.min(), sizes.max(), 200)
        ax.plot(
            grid,
            grid / (grid + ratio),
            color="#35b779",
            linewidth=2,
            label=r"$n_j / (n_j + \sigma^2/\sigma_\alpha^2)$",
        )
        ax.legend(frameon=False, loc="lower right")
    ax.set_xscale("log")
    plain_log_ticks(ax.xaxis)
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("casas del condado (escala logarítmica)")
    ax.set_ylabel("fracción conservada de la distancia")
    return ax


def plot_agreement(x, y, *, xlabel: str = "", ylabel: str = "", ax=None, color: str = "#31688e"):
    """Compara dos estimaciones de las mismas cantidades contra la identidad.

    Parameters
    ----------
    x, y : array_like
        Estimaciones de dos métodos, en el mismo orden.
    xlabel, ylabel : str, optional
        Rótulos de los ejes (nombre de cada método).
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    color : str, optional
        Color de los puntos.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    xlabel = check_text(xlabel, "xlabel")
    ylabel = check_text(ylabel, "ylabel")
    x = _as_1d(x, "x")
    y = _as_1d(y, "y")
    _same_length(x=x, y=y)
    ax = axes_or_new(ax)
    low = float(min(x.min(), y.min()))
    high = float(max(x.max(), y.max()))
    pad = 0.05 * (high - low or 1.0)
    ax.plot(
        [low - pad, high + pad],
        [low - pad, high + pad],
        color="0.5",
        linestyle="--",
        linewidth=1,
        label="identidad",
    )
    ax.plot(x, y, "o", color=color, markersize=3.5, alpha=0.8)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_aspect("equal", adjustable="datalim")
    ax.legend(frameon=False, loc="upper left")
    return ax


def plot_county_fits(
    data: pd.DataFrame,
    county: str,
    fits: Mapping[str, tuple[float, float]],
    *,
    ax=None,
    jitter: float = 0.05,
    random_seed=None,
):
    """Datos de un condado contra el piso, con las rectas de cada modelo.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos de radón con columnas ``county``, ``floor`` y ``log_radon``.
    county : str
        Condado a dibujar.
    fits : mapping
        Rótulo → ``(ordenada, pendiente)`` de la recta de ese modelo para el
        condado. Los rótulos ``"sin pooling"``, ``"pooling parcial"`` y
        ``"pooling completo"`` tienen colores y trazos fijos (el completo, de
        trazos).
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    jitter : float, default 0.05
        Desplazamiento horizontal aleatorio de los puntos.
    random_seed : int or numpy.random.Generator, optional
        Semilla del desplazamiento.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"El argumento data es de tipo {type(data).__name__}: se admite un pandas.DataFrame."
        )
    missing = [c for c in ("county", "floor", "log_radon") if c not in data.columns]
    if missing:
        raise ValueError(f"El argumento data no tiene las columnas {missing}.")
    rows = data[data["county"].astype(str) == str(county)]
    if rows.empty:
        raise ValueError(f"El condado county={county!r} no está en data['county'].")
    check_mapping(fits, "fits", what="{rótulo: (ordenada, pendiente)}")
    jitter = check_finite_scalar(jitter, "jitter")
    if jitter < 0:
        raise ValueError(
            f"El argumento 'jitter' debe ser un número finito no negativo; se recibió "
            f"jitter={format_value(jitter)}."
        )
    ax = axes_or_new(ax)
    rng = np.random.default_rng(check_random_seed(random_seed))
    x = rows["floor"].to_numpy(dtype=float)
    ax.plot(
        x + rng.uniform(-jitter, jitter, size=x.size),
        rows["log_radon"].to_numpy(),
        "o",
        color="0.35",
        markersize=3,
        alpha=0.7,
    )
    grid = np.array([0.0, 1.0])
    for i, (label, line) in enumerate(fits.items()):
        try:
            a, b = (float(v) for v in line)
        except (TypeError, ValueError):
            raise ValueError(
                f"La recta {label!r} de fits no es válida: se admite un par (ordenada, pendiente)."
            ) from None
        color = POOLING_COLORS.get(label, plt.get_cmap("viridis")(0.2 + 0.25 * i))
        style = "--" if label == "pooling completo" else "-"
        ax.plot(grid, a + b * grid, style, color=color, linewidth=1.6, label=label)
    ax.set_xticks([0, 1], ["sótano", "planta baja"])
    ax.set_xlim(-0.25, 1.25)
    ax.set_title(f"{str(county).title()} (n = {len(rows)})")
    return ax


def plot_tank_estimates(
    density,
    observed,
    estimated,
    *,
    population: float,
    ax=None,
    legend: bool = True,
):
    """Supervivencia de cada tanque: máxima verosimilitud y modelo multinivel.

    Los tanques se ordenan por densidad inicial (orden estable) y se separan
    con rectas verticales; la recta horizontal de trazos es la supervivencia
    de la población de tanques.

    Parameters
    ----------
    density : array_like
        Renacuajos al inicio en cada tanque.
    observed : array_like
        Proporción observada de sobrevivientes, ``S_i / N_i`` (en [0, 1]).
    estimated : array_like
        Estimación multinivel de ``p_i`` (en [0, 1]).
    population : float
        Supervivencia de la población (por ejemplo, ``logit⁻¹`` de la media
        a posteriori de μ_α), en [0, 1].
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    legend : bool, default True
        Si se agrega la leyenda dentro de los ejes (una figura puede ponerla
        afuera).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    density = _as_1d(density, "density")
    observed = _as_1d(observed, "observed")
    estimated = _as_1d(estimated, "estimated")
    _same_length(density=density, observed=observed, estimated=estimated)
    for name, values in (("observed", observed), ("estimated", estimated)):
        if np.any((values < 0) | (values > 1)):
            raise ValueError(
                f"El argumento {name} tiene valores fuera de [0, 1]: es una proporción."
            )
    population = check_finite_scalar(population, "population")
    legend = check_bool(legend, "legend")
    if not (0 <= population <= 1):
        raise ValueError(
            f"El argumento population={population!r} no es válido: se admite una proporción "
            "en [0, 1]."
        )
    order = np.argsort(density, kind="stable")
    density, observed, estimated = density[order], observed[order], estimated[order]
    x = np.arange(1, density.size + 1)
    ax = axes_or_new(ax)
    ax.plot(
        x, observed, "o", color="#31688e", markersize=5, label=r"$S_i / N_i$ (máx. verosimilitud)"
    )
    ax.plot(
        x,
        estimated,
        "o",
        markerfacecolor="none",
        markeredgecolor="#440154",
        markersize=6,
        markeredgewidth=1.2,
        label=r"$p_i$ multinivel",
    )
    ax.axhline(population, color="0.3", linestyle="--", linewidth=1.2, label="media poblacional")
    levels, starts = np.unique(density, return_index=True)
    bounds = list(starts) + [density.size]
    for k, level in enumerate(levels):
        if k > 0:
            ax.axvline(bounds[k] + 0.5, color="0.6", linewidth=1)
        middle = (bounds[k] + bounds[k + 1] + 1) / 2
        ax.text(
            middle,
            1.04,
            f"{level:g} renacuajos",
            ha="center",
            va="bottom",
            transform=ax.get_xaxis_transform(),
        )
    ax.set_xlim(0.5, density.size + 0.5)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel("tanque (ordenado por densidad inicial)")
    ax.set_ylabel("proporción de sobrevivientes")
    if legend:
        ax.legend(frameon=False, loc="lower left")
    return ax


def plot_sweep_spread(
    variances,
    spread,
    *,
    reference: float | None = None,
    reference_label: str = "sin pooling",
    ax=None,
):
    """Dispersión de las estimaciones de los grupos según la varianza de una previa fija.

    Parameters
    ----------
    variances : array_like
        Varianzas a priori (positivas).
    spread : array_like
        Desviación típica, entre grupos, de las medias a posteriori, una por
        varianza.
    reference : float, optional
        Dispersión de referencia (por ejemplo, la del modelo sin pooling) para
        una recta horizontal de trazos.
    reference_label : str, optional
        Rótulo de esa recta.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    variances = _as_1d(variances, "variances")
    spread = _as_1d(spread, "spread")
    if reference is not None:
        reference = check_finite_scalar(reference, "reference")
    _same_length(variances=variances, spread=spread)
    _positive(variances, "variances")
    order = np.argsort(variances)
    ax = axes_or_new(ax)
    ax.plot(variances[order], spread[order], "o-", color="#31688e", label="previa fija")
    if reference is not None:
        ax.axhline(float(reference), color="0.3", linestyle="--", label=reference_label)
    ax.set_xscale("log")
    plain_log_ticks(ax.xaxis)
    ax.set_ylim(bottom=0)
    ax.set_xlabel(r"varianza a priori de $\alpha_j$")
    ax.set_ylabel("desviación típica entre condados")
    ax.legend(frameon=False, loc="lower right")
    return ax


def plot_group_predictor(
    x,
    means,
    sds=None,
    *,
    line: tuple[float, float],
    line_label: str | None = None,
    ax=None,
    color: str = "#35b779",
):
    """Estimación de cada grupo contra un predictor del grupo, con la recta hacia la que se encoge.

    Parameters
    ----------
    x : array_like
        Predictor de nivel de grupo (uno por grupo), p. ej. el log-uranio.
    means : array_like
        Estimación de cada grupo (media a posteriori de su intercepto).
    sds : array_like, optional
        Desviación típica a posteriori de cada grupo (barras de ± 1).
    line : (float, float)
        Ordenada y pendiente de la recta que el modelo usa como centro de los
        grupos (pendiente 0 si el modelo no tiene el predictor).
    line_label : str, optional
        Rótulo de la recta.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    color : str
        Color de los puntos.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    x = _as_1d(x, "x")
    means = _as_1d(means, "means")
    _same_length(x=x, means=means)
    try:
        a, b = (float(v) for v in line)
    except (TypeError, ValueError):
        raise ValueError(
            f"El argumento line={line!r} no es válido: se admite un par (ordenada, pendiente)."
        ) from None
    if not (np.isfinite(a) and np.isfinite(b)):
        raise ValueError(
            f"El argumento 'line' debe ser un par finito (ordenada, pendiente); se recibió "
            f"line={format_value(line)}."
        )
    if sds is not None:
        sds_arr = check_finite_array(sds, "sds")
        if np.any(sds_arr < 0):
            raise ValueError(
                "El argumento 'sds' debe tener desviaciones típicas no negativas; se recibió "
                f"sds={format_value(sds_arr)}."
            )
    ax = axes_or_new(ax)
    if sds is not None:
        sds = _as_1d(sds, "sds")
        _same_length(x=x, sds=sds)
        ax.errorbar(x, means, yerr=sds, fmt="o", color=color, markersize=3, elinewidth=0.7)
    else:
        ax.plot(x, means, "o", color=color, markersize=3)
    grid = np.array([x.min(), x.max()])
    ax.plot(grid, a + b * grid, "--", color="0.3", linewidth=1.4, label=line_label)
    if line_label:
        ax.legend(frameon=False, loc="upper left")
    ax.set_xlabel("log-uranio del condado")
    ax.set_ylabel("intercepto del condado")
    return ax


# --------------------------------------------------------------------------- figuras


def _wide(layout) -> bool:
    """La diagramación ancha admite más de dos columnas de paneles."""
    return layout.max_cols > 2


def prior_sweep_figure(
    estimates: pd.DataFrame,
    spread,
    *,
    sizes,
    pooled: float,
    unpooled_spread: float,
    layout,
):
    """Barrido de la varianza de una previa fija: cada grupo y la dispersión entre grupos.

    Parameters
    ----------
    estimates : pandas.DataFrame
        Una fila por grupo y una columna por varianza (ver :func:`plot_prior_sweep`).
    spread : array_like
        Desviación típica entre grupos para cada columna de ``estimates``.
    sizes : array_like
        Tamaño de cada grupo (colorea las líneas).
    pooled : float
        Media del pooling completo (recta de trazos del panel de los grupos).
    unpooled_spread : float
        Dispersión del modelo sin pooling (recta de trazos del otro panel).
    layout : jerarquicos.plots.layout.Layout
        En la ancha, los dos paneles en fila; en la angosta, apilados.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    pooled = check_finite_scalar(pooled, "pooled")
    unpooled_spread = check_finite_scalar(unpooled_spread, "unpooled_spread")
    cols = 2 if _wide(layout) else 1
    fig, axes = subplots(2, layout, cols=cols, panel_aspect=0.8 if cols == 2 else 0.6)
    plot_prior_sweep(
        estimates, sizes=sizes, hline=pooled, hline_label="pooling completo", ax=axes[0]
    )
    axes[0].set_ylabel(r"media a posteriori de $\alpha_j$")
    plot_sweep_spread(list(estimates.columns), spread, reference=unpooled_spread, ax=axes[1])
    return fig


def agreement_figure(x, y, *, xlabel: str = "", ylabel: str = "", layout):
    """Figura de un panel de :func:`plot_agreement`.

    Parameters
    ----------
    x, y, xlabel, ylabel
        Ver :func:`plot_agreement`.
    layout : jerarquicos.plots.layout.Layout
        Diagramación (el panel es cuadrado en ambas).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    aspect = 0.5 if _wide(layout) else 0.9
    fig, (ax,) = subplots(1, layout, panel_aspect=aspect)
    plot_agreement(x, y, xlabel=xlabel, ylabel=ylabel, ax=ax)
    # un panel cuadrado, con los mismos límites en los dos ejes
    low = min(ax.get_xlim()[0], ax.get_ylim()[0])
    high = max(ax.get_xlim()[1], ax.get_ylim()[1])
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_aspect("equal", adjustable="box")
    return fig


def estimates_by_size_figure(
    sizes,
    panels: Mapping[str, tuple],
    *,
    center: float,
    center_label: str | None = None,
    ylabel: str = "estimación de la media del condado",
    random_seed=None,
    layout,
):
    """Paneles de :func:`plot_estimates_by_size` con la misma escala vertical.

    Parameters
    ----------
    sizes : array_like
        Tamaño de cada grupo.
    panels : mapping
        Título → ``(means, sds, color)`` de cada panel.
    center : float
        Valor hacia el que se encogen los grupos (recta de trazos).
    center_label : str, optional
        Rótulo de esa recta.
    ylabel : str, optional
        Rótulo del eje vertical.
    random_seed : int, optional
        Semilla del desplazamiento horizontal (el mismo en todos los paneles).
    layout : jerarquicos.plots.layout.Layout
        En la ancha, los paneles en fila; en la angosta, apilados.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    check_mapping(panels, "panels", what="{título: (medias, desviaciones, color)}", item_len=3)
    random_seed = check_random_seed(random_seed)
    n = len(panels)
    cols = n if _wide(layout) else 1
    fig, axes = subplots(
        n, layout, cols=cols, panel_aspect=0.8 if cols > 1 else 0.62, sharey=True, sharex=True
    )
    for ax, (title, (means, sds, color)) in zip(axes, panels.items(), strict=True):
        plot_estimates_by_size(
            sizes,
            means,
            sds,
            center=center,
            center_label=center_label,
            jitter=0.08,
            random_seed=random_seed,
            color=color,
            ylabel=ylabel,
            ax=ax,
        )
        if n > 1:
            ax.set_title(title)
    if cols > 1:
        for ax in axes[1:]:
            ax.set_ylabel("")
    elif n > 1:
        # apilados: un único rótulo vertical para toda la columna
        for ax in axes:
            ax.set_ylabel("")
        fig.supylabel(ylabel)
        for ax in axes[:-1]:
            ax.set_xlabel("")
    return fig


def kept_fraction_figure(sizes, kept, *, ratio: float | None = None, layout):
    """Figura de un panel de :func:`plot_kept_fraction`.

    Parameters
    ----------
    sizes, kept, ratio
        Ver :func:`plot_kept_fraction`.
    layout : jerarquicos.plots.layout.Layout
        Diagramación.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    fig, (ax,) = subplots(1, layout, panel_aspect=0.5 if _wide(layout) else 0.75)
    plot_kept_fraction(sizes, kept, ratio=ratio, ax=ax)
    return fig


def county_fits_figure(data: pd.DataFrame, lines: Mapping[str, Mapping], *, layout):
    """Un panel de :func:`plot_county_fits` por condado, con una leyenda común.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos de radón (``county``, ``floor``, ``log_radon``).
    lines : mapping
        Condado → ``{rótulo: (ordenada, pendiente)}``, en el orden de los paneles.
    layout : jerarquicos.plots.layout.Layout
        En la ancha, cuatro columnas; en la angosta, dos.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    check_mapping(lines, "lines", what="{condado: {rótulo: (ordenada, pendiente)}}")
    wide = _wide(layout)
    fig, axes = subplots(
        len(lines),
        layout,
        cols=4,
        panel_aspect=0.95 if wide else 0.8,
        extra=0.3,
        sharex=True,
        sharey=True,
    )
    cols = min(4, layout.max_cols, len(lines))
    for k, (ax, (county, fits)) in enumerate(zip(axes, lines.items(), strict=True)):
        plot_county_fits(data, county, fits, ax=ax, random_seed=k)
        if k % cols == 0:
            ax.set_ylabel("log radón")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=3 if wide else 2, frameon=False)
    return fig


def group_predictor_figure(x, panels: Mapping[str, tuple], *, layout):
    """Paneles de :func:`plot_group_predictor`, uno por modelo, con la misma escala.

    Parameters
    ----------
    x : array_like
        Predictor de nivel de grupo.
    panels : mapping
        Título → ``(means, sds, (ordenada, pendiente), rótulo de la recta)``.
    layout : jerarquicos.plots.layout.Layout
        En la ancha, los paneles en fila; en la angosta, apilados.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    check_mapping(
        panels, "panels", what="{título: (medias, desviaciones, recta, rótulo)}", item_len=4
    )
    n = len(panels)
    cols = n if _wide(layout) else 1
    fig, axes = subplots(
        n, layout, cols=cols, panel_aspect=0.8 if cols > 1 else 0.62, sharex=True, sharey=True
    )
    for ax, (title, (means, sds, line, label)) in zip(axes, panels.items(), strict=True):
        plot_group_predictor(x, means, sds, line=line, line_label=label, ax=ax)
        ax.set_title(title)
    for ax in axes[1:] if cols > 1 else []:
        ax.set_ylabel("")
    for ax in axes[:-1] if cols == 1 else []:
        ax.set_xlabel("")
    return fig


def tank_estimates_figure(density, observed, estimated, *, population: float, layout):
    """Figura de :func:`plot_tank_estimates` con la leyenda debajo de los ejes.

    Parameters
    ----------
    density, observed, estimated, population
        Ver :func:`plot_tank_estimates`.
    layout : jerarquicos.plots.layout.Layout
        Diagramación.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    wide = _wide(layout)
    fig, (ax,) = subplots(1, layout, panel_aspect=0.45 if wide else 0.8, extra=0.4)
    plot_tank_estimates(density, observed, estimated, population=population, ax=ax, legend=False)
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=3 if wide else 1, frameon=False)
    return fig
