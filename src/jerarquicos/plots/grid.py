"""Distribuciones en grilla: mapas de colores 2-D y curvas 1-D.

Todas las funciones reciben ``ax=None`` (crean una figura nueva si hace
falta), devuelven los ejes y nunca llaman a ``plt.show()``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import xarray as xr

from .layout import subplots
from .style import axis_label


def _check_dataarray(da, ndim: int, name: str) -> None:
    if not isinstance(da, xr.DataArray):
        raise TypeError(
            f"El argumento '{name}' debe ser un xarray.DataArray; se recibió {type(da).__name__}."
        )
    if da.ndim != ndim:
        raise ValueError(
            f"El argumento '{name}' debe tener {ndim} dimensión(es); tiene {da.ndim}: {da.dims}."
        )


def plot_grid_raster(
    da: xr.DataArray,
    *,
    x: str | None = None,
    y: str = "omega",
    ax=None,
    hlines=(),
    colorbar: bool = True,
    cbar_label: str = "masa de probabilidad",
    cmap: str = "viridis",
):
    """Dibuja una distribución en una grilla 2-D como un mapa de colores.

    Parameters
    ----------
    da : xarray.DataArray
        Valores en una grilla de dos dimensiones, por ejemplo ``("pi_1", "omega")``.
    x, y : str, optional
        Dimensiones de los ejes horizontal y vertical. Por omisión ``y="omega"``
        y ``x`` es la otra dimensión.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    hlines : sequence of float
        Valores de ``y`` donde trazar líneas horizontales (p. ej. ω = 0,6 y 0,9).
    colorbar : bool
        Si se agrega una barra de colores.
    cbar_label : str
        Rótulo de la barra de colores.
    cmap : str
        Mapa de colores (viridis por omisión, apto para daltonismo).

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_dataarray(da, 2, "da")
    if y not in da.dims:
        raise ValueError(
            f"El argumento 'y' debe ser una dimensión de 'da' {da.dims}; se recibió y={y!r}."
        )
    if x is None:
        x = next(d for d in da.dims if d != y)
    elif x not in da.dims or x == y:
        raise ValueError(
            f"El argumento 'x' debe ser una dimensión de 'da' {da.dims} distinta de y={y!r}; "
            f"se recibió x={x!r}."
        )
    if ax is None:
        _, ax = plt.subplots()
    values = da.transpose(y, x)
    mesh = ax.pcolormesh(
        np.asarray(da[x]),
        np.asarray(da[y]),
        np.asarray(values),
        cmap=cmap,
        shading="nearest",
        rasterized=True,
    )
    for level in hlines:
        ax.axhline(level, color="white", linewidth=1.2, linestyle="--")
    ax.set_xlabel(axis_label(x))
    ax.set_ylabel(axis_label(y))
    if colorbar:
        ax.figure.colorbar(mesh, ax=ax, label=cbar_label)
    return ax


def plot_grid_distribution(
    da: xr.DataArray,
    *,
    ax=None,
    label: str | None = None,
    ylabel: str = "masa de probabilidad",
    **kwargs,
):
    """Dibuja una distribución 1-D en grilla como una curva.

    Parameters
    ----------
    da : xarray.DataArray
        Masas de probabilidad (o densidades) sobre una sola dimensión.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    label : str, optional
        Rótulo de la curva para la leyenda.
    ylabel : str
        Rótulo del eje vertical.
    **kwargs
        Se pasan a :meth:`matplotlib.axes.Axes.plot`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _check_dataarray(da, 1, "da")
    if ax is None:
        _, ax = plt.subplots()
    (dim,) = da.dims
    ax.plot(np.asarray(da[dim]), np.asarray(da), label=label, **kwargs)
    ax.set_xlabel(axis_label(dim))
    ax.set_ylabel(ylabel)
    # auto=True: la escala vertical sigue ajustándose si después se superponen
    # otras curvas en los mismos ejes (con el valor por omisión, set_ylim apaga
    # el ajuste automático y una segunda curva más alta quedaría recortada).
    ax.set_ylim(bottom=0, auto=True)
    if label is not None:
        ax.legend(frameon=False)
    return ax


def plot_beta_densities(omega: float, kappas, *, ax=None, points: int = 401):
    """Densidades beta con la misma moda ``omega`` y varias concentraciones ``kappas``.

    Parameters
    ----------
    omega : float
        Moda común, en ``[0, 1]``.
    kappas : sequence of float
        Concentraciones (cada una ``>= 2``); una curva por valor.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si es ``None`` se crean.
    points : int, optional
        Puntos de la grilla de :math:`\\pi` en ``[0, 1]``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from scipy import stats

    from ..grid.beta import beta_from_mode
    from ..validation import check_real_array

    values = check_real_array(kappas, "kappas")
    if values.ndim != 1 or values.size < 1:
        raise ValueError(
            "El argumento 'kappas' debe ser una secuencia 1-D con al menos un valor; se "
            f"recibió uno de forma {values.shape}."
        )
    shapes = [beta_from_mode(omega, k) for k in values]  # valida omega y cada kappa
    if ax is None:
        _, ax = plt.subplots()
    grid = np.linspace(0.0, 1.0, points)
    for k, (a, b) in zip(values, shapes, strict=True):
        ax.plot(grid, stats.beta.pdf(grid, a, b), label=rf"$\kappa = {k:g}$")
    ax.axvline(omega, color="0.6", linestyle=":", linewidth=1)
    ax.set_xlabel(axis_label("pi"))
    ax.set_ylabel("densidad")
    ax.set_ylim(bottom=0)
    ax.legend(frameon=False, title=rf"$\omega = {omega:g}$")
    return ax


def beta_densities_figure(omega: float, kappas, *, layout):
    """Figura de :func:`plot_beta_densities` para :func:`jerarquicos.plots.layout.show`.

    Parameters
    ----------
    omega, kappas
        Ver :func:`plot_beta_densities`.
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, (ax,) = subplots(1, layout, panel_aspect=0.55)
    plot_beta_densities(omega, kappas, ax=ax)
    return fig
