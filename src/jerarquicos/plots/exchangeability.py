"""Figuras del capítulo «Intercambiabilidad».

Los dibujantes ``plot_*`` reciben ``ax=None``, devuelven los ejes y nunca llaman
a ``plt.show()``; las funciones ``*_figure`` arman la figura para
:func:`jerarquicos.plots.layout.show`. Las distribuciones y tablas que se
dibujan se calculan en :mod:`jerarquicos.grid` o en el capítulo.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import xarray as xr

from ..validation import (
    check_ax,
    check_bool,
    check_dataframe,
    check_layout,
    check_text,
    format_value,
)
from .layout import subplots
from .style import axes_or_new

__all__ = [
    "permutation_figure",
    "plot_omega_posteriors",
    "plot_radon_by_floor",
    "plot_radon_by_uranium",
    "uranium_floor_figure",
]


def _check_omega(da, name: str) -> xr.DataArray:
    if not isinstance(da, xr.DataArray) or da.dims != ("omega",):
        raise TypeError(
            f"El argumento '{name}' debe ser un xarray.DataArray con la dimensión 'omega' "
            f"(por ejemplo CollapsedPosterior.omega); se recibió {type(da).__name__}."
        )
    return da


def plot_omega_posteriors(first, second, *, labels, dotted: bool = False, ax=None):
    r"""Dos distribuciones a posteriori de :math:`\omega` superpuestas.

    Parameters
    ----------
    first, second : xarray.DataArray
        Masas sobre la grilla de :math:`\omega` (dimensión ``"omega"``).
    labels : tuple of str
        Rótulos de las dos curvas.
    dotted : bool
        Si es ``True``, la segunda se dibuja con puntos (uno de cada tres) para que
        se vea que cae sobre la primera; si no, con línea discontinua.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    first = _check_omega(first, "first")
    second = _check_omega(second, "second")
    dotted = check_bool(dotted, "dotted")
    if isinstance(labels, str | bytes) or not isinstance(labels, Sequence) or len(labels) != 2:
        raise ValueError(
            "El argumento 'labels' debe ser un par de rótulos (uno por curva); se recibió "
            f"labels={format_value(labels)}."
        )
    labels = (check_text(labels[0], "labels[0]"), check_text(labels[1], "labels[1]"))
    ax = axes_or_new(ax)
    omega = first["omega"].to_numpy()
    ax.plot(omega, first, color="C0", label=labels[0])
    if dotted:
        ax.plot(omega[::3], second.to_numpy()[::3], "o", color="C1", markersize=4, label=labels[1])
    else:
        ax.plot(second["omega"].to_numpy(), second, color="C1", linestyle="--", label=labels[1])
    ax.set_xlabel(r"$\omega$")
    ax.set_ylabel("masa")
    ax.set_yticks([])
    top = max(float(first.max()), float(second.max()))
    ax.set_ylim(0, 1.45 * top)  # lugar para la leyenda, arriba
    ax.legend(frameon=False, loc="upper center", ncol=2 if len("".join(labels)) < 30 else 1)
    return ax


def permutation_figure(original, permuted, factory, swapped, *, layout):
    r"""Permutar etiquetas no cambia :math:`p(\omega \mid y)`; cambiar de fábrica, sí.

    Parameters
    ----------
    original, permuted : xarray.DataArray
        Posterior de :math:`\omega` con los datos en su orden y con una permutación.
    factory, swapped : xarray.DataArray
        Posterior de :math:`\omega_A` con las monedas de A y con una de B en su lugar.
    layout : jerarquicos.plots.layout.Layout
        Diagramación: dos paneles en fila (ancha) o apilados (angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    for name, da in (
        ("original", original),
        ("permuted", permuted),
        ("factory", factory),
        ("swapped", swapped),
    ):
        _check_omega(da, name)
    cols = 2 if layout.max_cols > 2 else 1
    fig, axes = subplots(2, layout, cols=cols, panel_aspect=0.75 if cols == 2 else 0.55)
    plot_omega_posteriors(
        original,
        permuted,
        labels=("orden original", "etiquetas permutadas"),
        dotted=True,
        ax=axes[0],
    )
    axes[0].set_title("diez monedas de una fábrica")
    plot_omega_posteriors(
        factory, swapped, labels=("monedas de A", "una moneda de B en A"), ax=axes[1]
    )
    axes[1].set_title(r"fábrica A: $p(\omega_A \mid y)$")
    return fig


def plot_radon_by_uranium(counties: pd.DataFrame, *, ax=None):
    """Log-radón medio de cada condado contra su log-uranio (área ∝ casas medidas).

    Parameters
    ----------
    counties : pandas.DataFrame
        Una fila por condado con ``log_uranium``, ``log_radon`` y ``houses``.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    check_dataframe(counties, "counties", columns=("log_uranium", "log_radon", "houses"))
    ax = axes_or_new(ax)
    ax.scatter(
        counties["log_uranium"],
        counties["log_radon"],
        s=4 + 2 * np.asarray(counties["houses"], dtype=float),
        color="C0",
        alpha=0.5,
        edgecolor="none",
    )
    ax.set_xlabel("log-uranio del condado")
    ax.set_ylabel("log-radón medio")
    return ax


def plot_radon_by_floor(radon: pd.DataFrame, *, ax=None):
    """Diagramas de caja del log-radón de las casas según el piso de la medición.

    Parameters
    ----------
    radon : pandas.DataFrame
        Una fila por casa con ``floor`` (0 = sótano, 1 = planta baja) y ``log_radon``.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    check_dataframe(radon, "radon", columns=("floor", "log_radon"))
    ax = axes_or_new(ax)
    ax.boxplot(
        [radon.loc[radon["floor"] == f, "log_radon"] for f in (0, 1)],
        tick_labels=["sótano", "planta baja"],
        widths=0.5,
    )
    ax.set_ylabel("log-radón de la casa")
    return ax


def uranium_floor_figure(counties: pd.DataFrame, radon: pd.DataFrame, *, layout):
    """Lo que distingue a condados y casas del radón: el uranio y el piso.

    Parameters
    ----------
    counties, radon : pandas.DataFrame
        Ver :func:`plot_radon_by_uranium` y :func:`plot_radon_by_floor`.
    layout : jerarquicos.plots.layout.Layout
        Diagramación: dos paneles en fila (ancha) o apilados (angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    cols = 2 if layout.max_cols > 2 else 1
    fig, axes = subplots(2, layout, cols=cols, panel_aspect=0.75 if cols == 2 else 0.6)
    plot_radon_by_uranium(counties, ax=axes[0])
    plot_radon_by_floor(radon, ax=axes[1])
    return fig
