r"""Figuras del capítulo «Shrinkage»: el grafo del modelo, el shrinkage de dos sujetos,
el riesgo de James–Stein y la simulación del beneficio del pooling parcial.

Los dibujantes ``plot_*`` reciben ``ax=None`` (crean ejes si hace falta),
devuelven los ejes y nunca llaman a ``plt.show()``; las funciones ``*_figure``
arman la figura completa para :func:`jerarquicos.plots.layout.show`. Las tablas
que se dibujan se calculan en :mod:`jerarquicos.grid`.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import ticker

from ..validation import (
    check_ax,
    check_dataframe,
    check_finite_scalar,
    check_interval,
    check_layout,
    check_positive_finite,
    check_text,
)
from .layout import subplots
from .pooling import POOLING_COLORS
from .style import axes_or_new

__all__ = [
    "dependency_graph_figure",
    "james_stein_risk_figure",
    "pi1_by_y2_figure",
    "plot_dependency_graph",
    "plot_james_stein_risk",
    "plot_mse_by_size",
    "plot_errors_by_group",
    "plot_pi1_by_y2",
    "plot_shrinkage_arrows",
    "pooling_simulation_figure",
    "shrinkage_arrows_figure",
]


def _small() -> float:
    """Letra de los números de los ejes en la diagramación activa (la más chica admitida)."""
    return plt.rcParams["xtick.labelsize"]


def _check_frame(table, name: str, columns) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame):
        raise TypeError(
            f"El argumento '{name}' debe ser un pandas.DataFrame; se recibió un objeto de "
            f"tipo {type(table).__name__}."
        )
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(
            f"Al argumento '{name}' le faltan las columnas {missing}; tiene {list(table.columns)}."
        )
    return table


# ------------------------------------------------------------------------- el grafo del modelo


def plot_dependency_graph(*, ax=None):
    r"""Grafo del modelo de dos sujetos y el camino de los datos del sujeto 2 hasta :math:`\pi_1`.

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    ax = axes_or_new(ax)
    node_size = 1.35 * plt.rcParams["font.size"]
    nodes = {
        "omega": (0.58, 0.86, r"$\omega$"),
        "pi_1": (0.40, 0.5, r"$\pi_1$"),
        "pi_2": (0.78, 0.5, r"$\pi_2$"),
        "y_1": (0.40, 0.13, r"$y_1$ de $N_1$"),
        "y_2": (0.78, 0.13, r"$y_2$ de $N_2$"),
    }
    box = {"boxstyle": "round,pad=0.35", "facecolor": "white", "edgecolor": "0.3"}
    for x, y, text in nodes.values():
        ax.text(x, y, text, ha="center", va="center", fontsize=node_size, bbox=box, zorder=3)
    arrow = {"arrowstyle": "-|>", "color": "0.2", "lw": 1.4, "shrinkA": 16, "shrinkB": 16}
    for start, end in (("omega", "pi_1"), ("omega", "pi_2"), ("pi_1", "y_1"), ("pi_2", "y_2")):
        ax.annotate("", xy=nodes[end][:2], xytext=nodes[start][:2], arrowprops=arrow)
    path = {"arrowstyle": "-|>", "color": "C1", "lw": 2, "linestyle": "--"}
    # Sube de y_2 a omega por fuera de las flechas negras y baja de omega a pi_1.
    ax.annotate("", xy=(0.90, 0.57), xytext=(0.90, 0.2), arrowprops=path)
    ax.annotate(
        "",
        xy=(0.66, 0.94),
        xytext=(0.90, 0.57),
        arrowprops={**path, "connectionstyle": "arc3,rad=0.35"},
    )
    ax.annotate(
        "",
        xy=(0.30, 0.57),
        xytext=(0.50, 0.94),
        arrowprops={**path, "connectionstyle": "arc3,rad=0.35"},
    )
    for y, text in ((0.86, "fábrica\n(droga)"), (0.5, "moneda\n(persona)"), (0.13, "datos")):
        ax.text(0.0, y, text, ha="left", va="center", color="0.3")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.axis("off")
    return ax


def dependency_graph_figure(*, layout):
    """Figura de :func:`plot_dependency_graph` para :func:`~jerarquicos.plots.layout.show`.

    Parameters
    ----------
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    aspect = 0.5 if layout.max_cols > 2 else 0.75
    fig, (ax,) = subplots(1, layout, panel_aspect=aspect)
    plot_dependency_graph(ax=ax)
    return fig


# ------------------------------------------------------------------ los datos del sujeto 2


def plot_pi1_by_y2(table: pd.DataFrame, *, observed: float | None = None, ax=None):
    r"""Media a posteriori de :math:`\pi_1` según :math:`y_2`, una línea por :math:`\kappa`.

    Parameters
    ----------
    table : pandas.DataFrame
        Índice: los valores de :math:`y_2`; columnas: los valores de :math:`\kappa`.
    observed : float, optional
        Proporción observada del sujeto 1 (recta horizontal punteada).
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    check_dataframe(table, "table")
    if table.shape[1] < 1:
        raise ValueError(
            "El argumento 'table' debe tener una columna por kappa; se recibió una tabla sin "
            "columnas."
        )
    if observed is not None:
        observed = check_finite_scalar(observed, "observed")
    ax = axes_or_new(ax)
    colors = plt.cm.viridis(np.linspace(0.0, 0.85, table.shape[1]))
    for kappa, color in zip(table.columns, colors, strict=True):
        ax.plot(table.index, table[kappa], marker="o", color=color, label=rf"$\kappa = {kappa:g}$")
    if observed is not None:
        ax.axhline(float(observed), color="0.4", linestyle=":", linewidth=1.3, label=r"$y_1/N_1$")
    ax.set_xlabel(r"ítems recordados por el sujeto 2 ($y_2$)")
    ax.set_ylabel(r"media a posteriori de $\pi_1$")
    ax.legend(frameon=False)
    return ax


def pi1_by_y2_figure(table: pd.DataFrame, *, observed: float | None = None, layout):
    """Figura de :func:`plot_pi1_by_y2` para :func:`~jerarquicos.plots.layout.show`.

    Parameters
    ----------
    table, observed
        Ver :func:`plot_pi1_by_y2`.
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    fig, (ax,) = subplots(1, layout, panel_aspect=0.5 if layout.max_cols > 2 else 0.75)
    plot_pi1_by_y2(table, observed=observed, ax=ax)
    return fig


# ----------------------------------------------------------------------- flechas de shrinkage

_ARROW_COLUMNS = ("observada", "a posteriori", "E[ω | y]", "centro c")


def plot_shrinkage_arrows(rows: pd.DataFrame, *, ax=None, title: str | None = None):
    """Una flecha por sujeto, de su proporción observada a su media a posteriori.

    Parameters
    ----------
    rows : pandas.DataFrame
        Una fila por sujeto (el índice es el número de sujeto) con las columnas
        ``observada``, ``a posteriori``, ``E[ω | y]`` y ``centro c``; las dos
        últimas, iguales en todas las filas, se dibujan como rectas verticales.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    title : str, optional
        Título del panel.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    title = check_text(title, "title", allow_none=True)
    rows = _check_frame(rows, "rows", _ARROW_COLUMNS)
    ax = axes_or_new(ax)
    omega_mean = float(rows["E[ω | y]"].iloc[0])
    center = float(rows["centro c"].iloc[0])
    ax.axvline(omega_mean, color="0.45", linewidth=1.5)
    ax.axvline(center, color="0.45", linewidth=1.2, linestyle=":")
    top = len(rows) + 0.1
    left, right = sorted((center, omega_mean))
    ax.text(
        left - 0.004,
        top,
        r"$\operatorname{E}[\omega \mid y]$" if left == omega_mean else "$c$",
        ha="right",
        va="bottom",
        color="0.3",
        fontsize=_small(),
    )
    ax.text(
        right + 0.004,
        top,
        "$c$" if right == center else r"$\operatorname{E}[\omega \mid y]$",
        ha="left",
        va="bottom",
        color="0.3",
        fontsize=_small(),
    )
    for level, (subject, row) in enumerate(rows.iterrows()):
        color = f"C{level}"
        y = len(rows) - 1 - level + 0.5
        start, end = float(row["observada"]), float(row["a posteriori"])
        ax.plot(start, y, "o", color=color, markersize=7)
        ax.annotate(
            "",
            xy=(end, y),
            xytext=(start, y),
            arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2, "shrinkA": 0},
        )
        outward = 1 if start > end else -1
        ax.text(
            start + 0.012 * outward,
            y,
            f"sujeto {subject}",
            color=color,
            va="center",
            ha="left" if outward > 0 else "right",
            fontsize=_small(),
        )
    ax.set_ylim(0, len(rows) + 0.7)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    if title:
        ax.set_title(title, loc="left")
    return ax


def shrinkage_arrows_figure(table: pd.DataFrame, *, layout, xlim=(0.15, 0.6)):
    r"""Flechas de shrinkage, un panel por valor de :math:`\kappa` (apilados).

    Parameters
    ----------
    table : pandas.DataFrame
        Índice de dos niveles ``(κ, sujeto)`` y las columnas de
        :func:`plot_shrinkage_arrows`.
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).
    xlim : tuple of float
        Límites del eje horizontal (común a los paneles).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    table = _check_frame(table, "table", _ARROW_COLUMNS)
    xlim = check_interval(xlim, "xlim")
    if table.index.nlevels != 2:
        raise ValueError(
            "El argumento 'table' debe tener un índice de dos niveles (κ, sujeto); tiene "
            f"{table.index.nlevels}."
        )
    kappas = table.index.get_level_values(0).unique()
    aspect = 0.26 if layout.max_cols > 2 else 0.42
    fig, axes = subplots(len(kappas), layout, cols=1, panel_aspect=aspect, sharex=True)
    for ax, kappa in zip(axes, kappas, strict=True):
        plot_shrinkage_arrows(table.xs(kappa, level=0), ax=ax, title=rf"$\kappa = {kappa:g}$")
    axes[-1].set_xlim(*xlim)
    axes[-1].set_xlabel("probabilidad de recordar un ítem")
    return fig


# ---------------------------------------------------------------------------- James–Stein


def plot_james_stein_risk(risk: pd.DataFrame, *, ax=None, linthresh: float = 0.25):
    r"""Error cuadrático total medio de máxima verosimilitud y de James–Stein según :math:`\tau`.

    Parameters
    ----------
    risk : pandas.DataFrame
        Índice: la dispersión :math:`\tau` de las medias verdaderas (``>= 0``);
        columnas ``"máxima verosimilitud"`` y ``"James–Stein"``.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    linthresh : float
        Tramo lineal de la escala logarítmica simétrica del eje horizontal.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    risk = _check_frame(risk, "risk", ("máxima verosimilitud", "James–Stein"))
    linthresh = check_positive_finite(linthresh, "linthresh")
    ax = axes_or_new(ax)
    spreads = np.asarray(risk.index, dtype=float)
    ax.plot(
        spreads, risk["máxima verosimilitud"], marker="o", color="0.4", label="máxima verosimilitud"
    )
    ax.plot(
        spreads, risk["James–Stein"], marker="o", color="C0", label="James–Stein (parte positiva)"
    )
    ax.set_xscale("symlog", linthresh=linthresh)
    ax.set_xticks(spreads, [f"{s:g}" for s in spreads])
    ax.xaxis.set_minor_locator(ticker.NullLocator())
    ax.set_ylim(0, 1.1 * float(risk.to_numpy().max()))
    ax.set_xlabel(r"dispersión de las medias verdaderas, $\tau$")
    ax.set_ylabel("error cuadrático total medio")
    ax.legend(frameon=False, loc="lower right")
    return ax


def james_stein_risk_figure(risk: pd.DataFrame, *, layout):
    """Figura de :func:`plot_james_stein_risk` para :func:`~jerarquicos.plots.layout.show`.

    Parameters
    ----------
    risk
        Ver :func:`plot_james_stein_risk`.
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    fig, (ax,) = subplots(1, layout, panel_aspect=0.5 if layout.max_cols > 2 else 0.75)
    plot_james_stein_risk(risk, ax=ax)
    return fig


# ------------------------------------------------------- simulación del pooling parcial

_METHODS = tuple(POOLING_COLORS)
_MARKERS = {"sin pooling": "o", "pooling parcial": "s", "pooling completo": "^"}


def plot_errors_by_group(
    example: pd.DataFrame, *, methods=("sin pooling", "pooling parcial"), ax=None
):
    """Error absoluto de cada grupo en UNA repetición, con los grupos ordenados por tamaño.

    Parameters
    ----------
    example : pandas.DataFrame
        Una repetición de :func:`jerarquicos.grid.partial_pooling.simulate_pooling`
        (columnas ``size``, ``true`` y las estimaciones).
    methods : sequence of str
        Estimaciones que se dibujan.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    if isinstance(methods, str | bytes) or not isinstance(methods, Sequence):
        raise TypeError(
            "El argumento 'methods' debe ser una secuencia de nombres de columnas (p. ej. "
            f"('sin pooling', 'pooling parcial')); se recibió methods={methods!r}."
        )
    if not methods:
        raise ValueError(
            "El argumento 'methods' debe tener al menos un nombre de columna; se recibió "
            "una secuencia vacía."
        )
    example = _check_frame(example, "example", ("size", "true", *methods))
    ax = axes_or_new(ax)
    ordered = example.sort_values("size", kind="stable").reset_index(drop=True)
    x = np.arange(1, len(ordered) + 1)
    for method in methods:
        error = (ordered[method] - ordered["true"]).abs()
        ax.plot(
            x,
            error,
            _MARKERS.get(method, "o"),
            color=POOLING_COLORS.get(method, "C0"),
            markersize=4,
            alpha=0.85,
            label=method,
            markerfacecolor="none" if method == "sin pooling" else None,
        )
        for _size, block in ordered.groupby("size"):
            idx = block.index.to_numpy()
            ax.hlines(
                error.iloc[idx].mean(),
                idx[0] + 0.6,
                idx[-1] + 1.4,
                color=POOLING_COLORS.get(method, "C0"),
                linewidth=2,
            )
    sizes = ordered["size"].to_numpy()
    edges = np.flatnonzero(np.diff(sizes)) + 1.5
    for edge in edges:
        ax.axvline(edge, color="0.8", linewidth=1)
    ax.set_xlim(0.5, len(ordered) + 0.5)
    starts = np.concatenate([[0], np.flatnonzero(np.diff(sizes)) + 1])
    stops = np.concatenate([starts[1:], [len(sizes)]])
    ax.set_xticks((starts + stops + 1) / 2, [f"{s}" for s in sizes[starts]])
    ax.set_xlabel("grupos, por tamaño $N_j$")
    ax.set_ylabel(r"error absoluto $|\hat\pi_j - \pi_j|$")
    ax.set_ylim(bottom=0)
    return ax


def plot_mse_by_size(mse: pd.DataFrame, *, ax=None):
    """Error cuadrático medio de cada estimación según el tamaño del grupo.

    Parameters
    ----------
    mse : pandas.DataFrame
        Lo que devuelve :func:`jerarquicos.grid.partial_pooling.mse_by_size`.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    mse = _check_frame(mse, "mse", _METHODS)
    ax = axes_or_new(ax)
    sizes = np.asarray(mse.index, dtype=float)
    for method in _METHODS:
        ax.plot(
            sizes,
            mse[method],
            marker=_MARKERS[method],
            color=POOLING_COLORS[method],
            linestyle="--" if method == "pooling completo" else "-",
            label=method,
        )
    ax.set_xscale("log")
    ax.set_xticks(sizes, [f"{s:g}" for s in sizes])
    ax.xaxis.set_minor_locator(ticker.NullLocator())
    ax.set_ylim(bottom=0)
    ax.set_xlabel("tamaño del grupo $N_j$")
    ax.set_ylabel("error cuadrático medio")
    return ax


def pooling_simulation_figure(example: pd.DataFrame, mse: pd.DataFrame, *, layout):
    """Error de una repetición por grupo y error cuadrático medio por tamaño.

    Parameters
    ----------
    example : pandas.DataFrame
        Una repetición de la simulación (ver :func:`plot_errors_by_group`).
    mse : pandas.DataFrame
        Error cuadrático medio por tamaño (ver :func:`plot_mse_by_size`).
    layout : jerarquicos.plots.layout.Layout
        Diagramación: en la ancha, los dos paneles en fila; en la angosta, apilados.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    cols = 2 if layout.max_cols > 2 else 1
    fig, axes = subplots(2, layout, cols=cols, panel_aspect=0.8 if cols == 2 else 0.62, extra=0.35)
    plot_errors_by_group(example, ax=axes[0])
    axes[0].set_title("una repetición")
    plot_mse_by_size(mse, ax=axes[1])
    axes[1].set_title("promedio de todas las repeticiones")
    handles, labels = axes[1].get_legend_handles_labels()
    ncol = 3 if cols == 2 else 2
    fig.legend(handles, labels, loc="outside upper center", ncol=ncol, frameon=False)
    return fig
