"""Figuras del capítulo «Distribuciones predictivas»: grupo existente contra grupo nuevo.

Los dibujantes ``plot_*`` reciben ``ax=None`` (crean ejes si hace falta),
devuelven los ejes y nunca llaman a ``plt.show()``; las funciones ``*_figure``
arman la figura completa para :func:`jerarquicos.plots.layout.show`. Las
predictivas que se dibujan se calculan en :mod:`jerarquicos.grid.predictive` y
en :mod:`jerarquicos.models`; aquí sólo se dibuja.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np

from ..validation import (
    check_ax,
    check_color,
    check_finite_scalar,
    check_integer,
    check_interval,
    check_layout,
    check_mapping,
    check_text,
    format_value,
)
from .layout import subplots
from .style import axes_or_new

__all__ = [
    "EXISTING_COLOR",
    "NEW_COLOR",
    "coin_predictive_figure",
    "new_groups_figure",
    "plot_count_distribution",
    "plot_new_group_pairs",
    "plot_sample_density",
    "radon_predictive_figure",
    "tank_predictive_figure",
]

#: Color de las predictivas de un grupo que ya está en los datos.
EXISTING_COLOR = "#31688e"
#: Color de las predictivas de un grupo nuevo (naranja: se distingue del azul también
#: con daltonismo).
NEW_COLOR = "#e66101"
#: Color de un segundo grupo existente.
OTHER_COLOR = "#35b779"


def _values(values, name: str) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError):
        raise TypeError(
            f"El argumento {name} no es numérico: se admite un arreglo de números."
        ) from None
    if array.size == 0 or not np.all(np.isfinite(array)):
        raise ValueError(
            f"El argumento {name} está vacío o tiene valores no finitos: se admiten números "
            "finitos."
        )
    return array


def _mapping(value, name: str, what: str) -> Mapping:
    return check_mapping(value, name, what=f"{{{what}}}")


def _wide(layout) -> bool:
    return layout.max_cols > 2


def plot_count_distribution(
    probabilities,
    *,
    ax=None,
    color: str = EXISTING_COLOR,
    width: float = 0.8,
    alpha: float = 1.0,
    label: str | None = None,
):
    """Barras de una distribución sobre los conteos 0, 1, …, n.

    Parameters
    ----------
    probabilities : array_like
        Probabilidad de cada conteo, empezando en 0 (por ejemplo, un
        ``xarray.DataArray`` con dimensión ``y_new``).
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    color, width, alpha : optional
        Color, ancho y opacidad de las barras.
    label : str, optional
        Rótulo para la leyenda.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    p = _values(probabilities, "probabilities")
    if np.any(p < 0):
        raise ValueError("El argumento probabilities tiene valores negativos.")
    color = check_color(color)
    width = check_finite_scalar(width, "width")
    if width <= 0:
        raise ValueError(
            "El argumento 'width' debe ser un número finito mayor que 0; se recibió "
            f"width={format_value(width)}."
        )
    alpha = check_finite_scalar(alpha, "alpha")
    if not 0 <= alpha <= 1:
        raise ValueError(
            "El argumento 'alpha' debe ser un número entre 0 y 1 (la opacidad); se recibió "
            f"alpha={format_value(alpha)}."
        )
    label = check_text(label, "label", allow_none=True)
    ax = axes_or_new(ax)
    ax.bar(np.arange(p.size), p, width=width, color=color, alpha=alpha, label=label)
    ax.set_ylim(bottom=0)
    ax.set_ylabel("probabilidad")
    return ax


def plot_sample_density(samples, *, ax=None, bins=40, range_=None, **kwargs):
    """Histograma escalonado, normalizado como densidad, de extracciones de una predictiva.

    Parameters
    ----------
    samples : array_like
        Extracciones (se aplanan).
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    bins : int, default 40
        Número de intervalos.
    range_ : (float, float), optional
        Rango de los intervalos (el mismo para todas las curvas de un panel).
    **kwargs
        Se pasan a :meth:`matplotlib.axes.Axes.hist` (``color``, ``label``,
        ``linestyle``…).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    values = _values(samples, "samples")
    bins = check_integer(bins, "bins", minimum=1, maximum=100_000)
    if range_ is not None:
        range_ = check_interval(range_, "range_")
    ax = axes_or_new(ax)
    ax.hist(values, bins=bins, range=range_, density=True, histtype="step", linewidth=1.6, **kwargs)
    ax.set_ylim(bottom=0)
    ax.set_ylabel("densidad")
    return ax


def plot_new_group_pairs(first, second, *, ax=None, every: int = 4):
    """Diagrama de dispersión de las extracciones de dos grupos nuevos, una contra otra.

    Parameters
    ----------
    first, second : array_like
        Extracciones del nivel de cada grupo nuevo, en el mismo orden.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    every : int, default 4
        Se dibuja una de cada ``every`` extracciones (la nube no cambia y el
        archivo pesa menos).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    a = _values(first, "first")
    b = _values(second, "second")
    if a.size != b.size:
        raise ValueError(
            f"Los argumentos first ({a.size}) y second ({b.size}) deben tener la misma longitud."
        )
    every = check_integer(every, "every", minimum=1)
    ax = axes_or_new(ax)
    ax.plot(a[::every], b[::every], "o", color=EXISTING_COLOR, alpha=0.3, markersize=2.5)
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_xlabel("condado nuevo A")
    ax.set_ylabel("condado nuevo B")
    return ax


def coin_predictive_figure(pmfs: Mapping[str, tuple], *, layout):
    """Predictivas de ítems recordados: un panel de barras por sujeto.

    Parameters
    ----------
    pmfs : mapping
        Título del panel → ``(probabilidades, color)``; las probabilidades van
        de 0 ítems al total.
    layout : jerarquicos.plots.layout.Layout
        En la ancha, los paneles en fila; en la angosta, apilados.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    check_mapping(pmfs, "pmfs", what="{título: (probabilidades, color)}", item_len=2)
    for title, (_, color) in pmfs.items():
        check_color(color, f"pmfs[{title!r}][1]")
    n = len(pmfs)
    wide = _wide(layout)
    fig, axes = subplots(
        n,
        layout,
        cols=n if wide else 1,
        panel_aspect=0.9 if wide else 0.42,
        sharex=True,
        sharey=True,
    )
    for ax, (title, (p, color)) in zip(axes, pmfs.items(), strict=True):
        plot_count_distribution(p, color=color, ax=ax)
        ax.set_title(title)
    for k, ax in enumerate(axes):
        last_row = k == n - 1 or wide
        ax.set_xlabel("ítems recordados" if last_row else "")
        if wide and k > 0:
            ax.set_ylabel("")
    return fig


def radon_predictive_figure(
    panels: Mapping[str, Mapping[str, tuple]],
    *,
    range_: tuple[float, float] = (-1.5, 4.0),
    layout,
):
    """Predictivas del log-radón: un panel por cantidad, una curva por condado.

    Parameters
    ----------
    panels : mapping
        Título del panel → ``{rótulo: (extracciones, color, estilo de línea)}``.
    range_ : (float, float)
        Rango común del eje horizontal (log-radón).
    layout : jerarquicos.plots.layout.Layout
        En la ancha, los paneles en fila; en la angosta, apilados.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    panels = _mapping(panels, "panels", "título: {rótulo: (extracciones, color, estilo)}")
    range_ = check_interval(range_, "range_")
    n = len(panels)
    wide = _wide(layout)
    fig, axes = subplots(
        n, layout, cols=n if wide else 1, panel_aspect=0.75 if wide else 0.55, extra=0.5
    )
    for ax, (title, curves) in zip(axes, panels.items(), strict=True):
        curves = _mapping(curves, "panels[...]", "rótulo: (extracciones, color, estilo)")
        for label, (samples, color, style) in curves.items():
            plot_sample_density(
                samples, range_=range_, color=color, linestyle=style, label=label, ax=ax
            )
        ax.set_title(title)
        ax.set_xlabel("log-radón")
        ax.set_xlim(*range_)
    handles, labels = axes[0].get_legend_handles_labels()
    handles = [
        plt.Line2D([], [], color=h.get_edgecolor(), linestyle=h.get_linestyle()) for h in handles
    ]
    fig.legend(handles, labels, loc="outside lower center", ncols=3 if wide else 1, frameon=False)
    return fig


def new_groups_figure(panels: Mapping[str, tuple], *, layout):
    """Dos grupos nuevos, uno contra otro, con cada método de predicción.

    Parameters
    ----------
    panels : mapping
        Título → ``(extracciones del grupo A, extracciones del grupo B)``.
    layout : jerarquicos.plots.layout.Layout
        En la ancha, los paneles en fila; en la angosta, apilados.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    check_mapping(panels, "panels", what="{título: (grupo A, grupo B)}", item_len=2)
    n = len(panels)
    wide = _wide(layout)
    fig, axes = subplots(n, layout, cols=n if wide else 1, panel_aspect=1.0 if wide else 0.85)
    values = [
        np.concatenate([_values(a, "panels[...]"), _values(b, "panels[...]")])
        for a, b in panels.values()
    ]
    low = min(float(v.min()) for v in values)
    high = max(float(v.max()) for v in values)
    pad = 0.04 * (high - low or 1.0)
    for ax, (title, (a, b)) in zip(axes, panels.items(), strict=True):
        plot_new_group_pairs(a, b, ax=ax)
        ax.set_xlim(low - pad, high + pad)
        ax.set_ylim(low - pad, high + pad)
        ax.set_aspect("equal", adjustable="box")
        ax.set_title(title)
    if wide:
        for ax in axes[1:]:
            ax.set_ylabel("")
    return fig


def tank_predictive_figure(samples: Mapping[str, tuple], *, density: int, layout):
    """Sobrevivientes predichos de un tanque: barras superpuestas, una serie por predictiva.

    Parameters
    ----------
    samples : mapping
        Rótulo → ``(extracciones de sobrevivientes, color)``; la primera serie
        se dibuja con barras anchas y la segunda, encima, con barras angostas.
    density : int
        Renacuajos al inicio (el conteo máximo).
    layout : jerarquicos.plots.layout.Layout
        Diagramación.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    samples = _mapping(samples, "samples", "rótulo: (extracciones, color)")
    density = check_integer(density, "density", minimum=1)
    if density < 1:
        raise ValueError(
            f"El argumento density={density!r} no es válido: se admite un entero positivo."
        )
    wide = _wide(layout)
    fig, (ax,) = subplots(1, layout, panel_aspect=0.45 if wide else 0.7, extra=0.3)
    widths = (0.8, 0.45)
    for k, (label, (values, color)) in enumerate(samples.items()):
        counts = _values(values, "samples[...]").astype(int)
        if counts.min() < 0 or counts.max() > density:
            raise ValueError(
                f"Las extracciones de samples[{label!r}] salen de [0, {density}]: son "
                "sobrevivientes de un tanque con 'density' renacuajos."
            )
        freq = np.bincount(counts, minlength=density + 1) / counts.size
        plot_count_distribution(
            freq, color=color, width=widths[min(k, 1)], alpha=0.9, label=label, ax=ax
        )
    ax.set_xlabel("renacuajos sobrevivientes")
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=2 if wide else 1, frameon=False)
    return fig
