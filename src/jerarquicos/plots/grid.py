"""Distribuciones en grilla: mapas de colores 2-D y curvas 1-D.

Todas las funciones reciben ``ax=None`` (crean una figura nueva si hace
falta), devuelven los ejes y nunca llaman a ``plt.show()``.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import xarray as xr

from ..validation import (
    check_ax,
    check_bool,
    check_cmap,
    check_finite_array,
    check_integer,
    check_layout,
    check_text,
    check_unit_interval,
    format_value,
)
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
    relative: bool = False,
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
    relative : bool
        Si es ``True``, los valores se dividen por su máximo y la barra de colores
        sólo marca «0» y «máx.»: la escala absoluta de las masas de una grilla no
        dice nada y sus números (0.00025…) ocupan lugar.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    _check_dataarray(da, 2, "da")
    hlines = check_finite_array(hlines, "hlines").ravel()
    colorbar = check_bool(colorbar, "colorbar")
    relative = check_bool(relative, "relative")
    cmap = check_cmap(cmap)
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
    values = np.asarray(da.transpose(y, x), dtype=float)
    if relative:
        top = np.max(values)
        values = values / top if top > 0 else values
    mesh = ax.pcolormesh(
        np.asarray(da[x]),
        np.asarray(da[y]),
        values,
        cmap=cmap,
        shading="nearest",
        rasterized=True,
        **({"vmin": 0.0, "vmax": 1.0} if relative else {}),
    )
    for level in hlines:
        ax.axhline(level, color="white", linewidth=1.2, linestyle="--")
    ax.set_xlabel(axis_label(x))
    ax.set_ylabel(axis_label(y))
    if colorbar:
        bar = ax.figure.colorbar(mesh, ax=ax, label=cbar_label or None)
        if relative:
            bar.set_ticks([0.0, 1.0], labels=["0", "máx."])
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
    ax = check_ax(ax)
    _check_dataarray(da, 1, "da")
    label = check_text(label, "label", allow_none=True)
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
    ax = check_ax(ax)
    from scipy import stats

    from ..grid.beta import beta_from_mode
    from ..validation import check_real_array

    points = check_integer(points, "points", minimum=2, maximum=1_000_000)
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
    layout = check_layout(layout)
    fig, (ax,) = subplots(1, layout, panel_aspect=0.55)
    plot_beta_densities(omega, kappas, ax=ax)
    return fig


# ------------------------------------------------------------------ figuras de los capítulos
# Cada función arma una figura completa para jerarquicos.plots.layout.show: recibe
# los resultados ya calculados (un GridPosterior, tablas de xarray) y sólo dibuja.

#: Nombres de las tres distribuciones de un GridPosterior, en el orden de las figuras.
_WHICH = ("prior", "likelihood", "posterior")
_PRIOR_STYLE = {"color": "0.55", "linestyle": "--", "label": "a priori"}
_POST_STYLE = {"color": "C0", "label": "a posteriori"}
_OBSERVED_STYLE = {"color": "0.35", "linestyle": ":", "linewidth": 1.4}


def _check_result(res, n_subjects: int | None = None):
    from ..grid.brute_force import GridPosterior

    if not isinstance(res, GridPosterior):
        raise TypeError(
            "El argumento 'res' debe ser un GridPosterior (lo que devuelve grid_posterior); "
            f"se recibió un objeto de tipo {type(res).__name__}."
        )
    if n_subjects is not None and res.n_subjects != n_subjects:
        raise ValueError(
            f"El argumento 'res' debe tener {n_subjects} sujeto(s); tiene {res.n_subjects}."
        )
    return res


def _as_pi(da: xr.DataArray) -> xr.DataArray:
    """Con una sola moneda, la dimensión ``pi_1`` se rotula simplemente π."""
    return da.rename(pi_1="pi") if "pi_1" in da.dims else da


def _unit_ticks(ax) -> None:
    """Marcas 0, 0.5 y 1 en los dos ejes de un mapa sobre el cuadrado unidad."""
    ax.set_xticks([0.0, 0.5, 1.0])
    ax.set_yticks([0.0, 0.5, 1.0])


def _mass_axis(ax, label: str = "masa") -> None:
    """Eje vertical de masas sin números: en una grilla sólo importa la forma."""
    ax.set_yticks([])
    ax.set_ylabel(label)


def _figure_legend(fig, ax, layout, *, where: str = "lower") -> None:
    handles, labels = ax.get_legend_handles_labels()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    ncol = len(handles) if layout.max_cols > 2 else min(len(handles), 2)
    fig.legend(handles, labels, loc=f"outside {where} center", ncol=ncol, frameon=False)


def coin_prior_figure(res, omegas=(0.6, 0.9), *, layout):
    r"""Previa de una moneda: conjunta de :math:`(\pi, \omega)`, de :math:`\omega` y dos cortes.

    Parameters
    ----------
    res : jerarquicos.grid.brute_force.GridPosterior
        Resultado de ``grid_posterior`` con una sola moneda.
    omegas : sequence of float
        Valores de :math:`\omega` donde se corta la conjunta (líneas blancas y un
        panel con :math:`p(\pi \mid \omega)` por valor).
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    _check_result(res, 1)
    omegas = check_unit_interval(check_finite_array(omegas, "omegas"), "omegas").ravel()
    omegas = tuple(float(w) for w in omegas)
    fig, axes = subplots(2 + len(omegas), layout, cols=2, panel_aspect=0.78)
    plot_grid_raster(
        _as_pi(res.joint("pi_1", which="prior")),
        hlines=omegas,
        ax=axes[0],
        relative=True,
        cbar_label="",
    )
    axes[0].set_title(r"$p(\pi, \omega)$")
    _unit_ticks(axes[0])
    plot_grid_distribution(res.marginal("omega", which="prior"), ax=axes[1], color="C0")
    axes[1].set_title(r"$p(\omega)$")
    for ax, w in zip(axes[2:], omegas, strict=True):
        plot_grid_distribution(_as_pi(res.conditional("pi_1", omega=w, which="prior")), ax=ax)
        ax.set_title(rf"$p(\pi \mid \omega = {w:g})$")
    for ax in axes[1:]:
        _mass_axis(ax)
    return fig


def coin_posterior_figure(res, *, layout):
    r"""Verosimilitud, posterior conjunta y marginales de una moneda.

    Parameters
    ----------
    res : jerarquicos.grid.brute_force.GridPosterior
        Resultado de ``grid_posterior`` con una sola moneda.
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    _check_result(res, 1)
    y_obs, n_obs = int(res.y[0]), int(res.N[0])
    fig, axes = subplots(4, layout, cols=2, panel_aspect=0.78)
    plot_grid_raster(
        _as_pi(res.joint("pi_1", which="likelihood")), ax=axes[0], relative=True, cbar_label=""
    )
    axes[0].set_title(r"$p(y \mid \pi)$")
    plot_grid_raster(
        _as_pi(res.joint("pi_1", which="posterior")), ax=axes[1], relative=True, cbar_label=""
    )
    axes[1].set_title(r"$p(\pi, \omega \mid y)$")
    for ax in axes[:2]:
        _unit_ticks(ax)
    for ax, name in zip(axes[2:], ("pi_1", "omega"), strict=True):
        plot_grid_distribution(_as_pi(res.marginal(name, which="prior")), ax=ax, **_PRIOR_STYLE)
        plot_grid_distribution(_as_pi(res.marginal(name)), ax=ax, **_POST_STYLE)
        if name == "pi_1":
            ax.axvline(y_obs / n_obs, label=f"$y/N = {y_obs}/{n_obs}$", **_OBSERVED_STYLE)
        ax.set_title("marginal de " + axis_label("pi" if name == "pi_1" else name))
        _mass_axis(ax)
    axes[3].get_legend().remove()
    _figure_legend(fig, axes[2], layout)
    return fig


def subject_rasters_figure(res, *, layout):
    r"""Previa, verosimilitud y posterior de cada :math:`(\pi_s, \omega)`, en mapas de colores.

    En la figura ancha cada fila es un sujeto y cada columna una distribución; en
    la angosta (dos columnas como mucho) cada fila es una distribución y cada
    columna un sujeto. Los colores van de 0 al máximo de cada mapa, con una sola
    barra de colores.

    Parameters
    ----------
    res : jerarquicos.grid.brute_force.GridPosterior
        Resultado de ``grid_posterior`` con dos o tres sujetos.
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    _check_result(res)
    names = res.pi_names
    if layout.max_cols >= len(_WHICH):
        cells = [(name, which) for name in names for which in _WHICH]
        cols = len(_WHICH)
    else:
        cells = [(name, which) for which in _WHICH for name in names]
        cols = len(names)
    fig, axes = subplots(
        len(cells), layout, cols=cols, panel_aspect=0.8 if cols > 2 else 1.0, extra=0.3
    )
    titles = {
        "prior": r"$p(\pi_{s}, \omega)$",
        "likelihood": r"$p(y_{s} \mid \pi_{s})$",
        "posterior": r"$p(\pi_{s}, \omega \mid y)$",
    }
    for ax, (name, which) in zip(axes, cells, strict=True):
        plot_grid_raster(res.joint(name, which=which), ax=ax, colorbar=False, relative=True)
        _unit_ticks(ax)
        ax.set_title(titles[which].replace("{s}", "{" + name.split("_")[1] + "}"))
    bar = fig.colorbar(
        axes[0].collections[0],
        ax=list(axes),
        location="right" if layout.max_cols >= len(_WHICH) else "bottom",
        shrink=0.6,
        aspect=30,
    )
    bar.set_ticks([0.0, 1.0], labels=["0", "máx."])
    return fig


def _marginal_axes(names, layout, *, extra: float):
    cols = len(names) if layout.max_cols >= len(names) else 1
    aspect = 0.8 if cols > 1 else 0.42
    return subplots(len(names), layout, cols=cols, panel_aspect=aspect, extra=extra, sharex=True)


def _value_label(axes) -> None:
    """Rótulo del eje horizontal: en cada panel si van en fila, abajo si van apilados."""
    stacked = len({round(ax.get_position().x0, 3) for ax in axes}) == 1
    for ax in axes[-1:] if stacked else axes:
        ax.set_xlabel("valor del parámetro")


def subject_marginals_figure(res, *, layout):
    r"""Marginales a priori y a posteriori de :math:`\omega` y de cada :math:`\pi_s`.

    Parameters
    ----------
    res : jerarquicos.grid.brute_force.GridPosterior
        Resultado de ``grid_posterior``.
    layout : jerarquicos.plots.layout.Layout
        Diagramación: en la ancha los paneles van en una fila; en la angosta, apilados.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    _check_result(res)
    names = ("omega", *res.pi_names)
    fig, axes = _marginal_axes(names, layout, extra=0.3)
    for ax, name in zip(axes, names, strict=True):
        plot_grid_distribution(res.marginal(name, which="prior"), ax=ax, **_PRIOR_STYLE)
        plot_grid_distribution(res.marginal(name), ax=ax, **_POST_STYLE)
        if name != "omega":
            s = int(name.split("_")[1])
            ax.axvline(res.y[s - 1] / res.N[s - 1], label="proporción observada", **_OBSERVED_STYLE)
        ax.set_title(axis_label(name))
        ax.set_xlabel("")
        _mass_axis(ax)
        if ax is not axes[1]:
            ax.get_legend().remove()
    _value_label(axes)
    _figure_legend(fig, axes[1], layout, where="upper")
    return fig


def kappa_marginals_figure(frames, kappas, proportions, *, layout):
    r"""Marginales a posteriori de :math:`\omega` y de cada :math:`\pi_s` según :math:`\kappa`.

    Parameters
    ----------
    frames : mapping of str to xarray.DataArray
        Lo que devuelve ``marginals_by_kappa``: ``"omega"``, ``"pi_1"``, … con
        dimensiones ``("kappa", nombre)``.
    kappas : sequence of float
        Valores de :math:`\kappa` que se dibujan (deben estar en ``frames``).
    proportions : sequence of float
        Proporción observada de cada sujeto (una línea punteada por panel).
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    if not isinstance(frames, Mapping):
        raise TypeError(
            "El argumento 'frames' debe ser el dict que devuelve marginals_by_kappa; se "
            f"recibió frames={format_value(frames)} (de tipo {type(frames).__name__})."
        )
    names = tuple(frames)
    if not names or names[0] != "omega":
        raise ValueError(
            "El argumento 'frames' debe ser el resultado de marginals_by_kappa, que empieza "
            f"por 'omega'; se recibieron las claves {names}."
        )
    proportions = [float(p) for p in check_finite_array(proportions, "proportions").ravel()]
    if len(proportions) != len(names) - 1:
        raise ValueError(
            f"El argumento 'proportions' debe tener {len(names) - 1} valores (uno por sujeto); "
            f"se recibieron {len(proportions)}."
        )
    kappas = [float(k) for k in check_finite_array(kappas, "kappas", min_size=1).ravel()]
    available = np.asarray(frames["omega"]["kappa"], dtype=float)
    absent = [k for k in kappas if not np.any(np.isclose(available, k, rtol=0, atol=0))]
    if absent:
        raise ValueError(
            f"El argumento 'kappas' tiene valores que no están en 'frames': {absent}; se "
            f"admiten {available.tolist()}."
        )
    colors = plt.cm.viridis(np.linspace(0.0, 0.85, len(kappas)))
    fig, axes = _marginal_axes(names, layout, extra=0.3)
    for ax, name in zip(axes, names, strict=True):
        for k, color in zip(kappas, colors, strict=True):
            plot_grid_distribution(
                frames[name].sel(kappa=k).drop_vars("kappa"),
                ax=ax,
                color=color,
                label=rf"$\kappa = {k:g}$",
            )
        if name != "omega":
            ax.axvline(proportions[int(name.split("_")[1]) - 1], **_OBSERVED_STYLE)
        ax.set_title(axis_label(name))
        ax.set_xlabel("")
        _mass_axis(ax)
        if ax is not axes[0]:
            ax.get_legend().remove()
    _value_label(axes)
    handles, labels = axes[0].get_legend_handles_labels()
    axes[0].get_legend().remove()
    ncol = len(handles) if layout.max_cols > 2 else 3
    fig.legend(handles, labels, loc="outside upper center", ncol=ncol, frameon=False)
    return fig
