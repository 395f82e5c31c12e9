r"""Figuras del capítulo de la concentración desconocida: :math:`(\omega, \kappa)` y el béisbol.

Los dibujantes ``plot_*`` reciben ``ax=None``, devuelven los ejes y sólo
dibujan; las funciones ``*_figure(..., layout)`` arman las figuras para
:func:`jerarquicos.plots.layout.show`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import FixedLocator, NullLocator

from ..validation import (
    check_ax,
    check_bool,
    check_choice,
    check_dataframe,
    check_finite_scalar,
    check_idata,
    check_interval,
    check_layout,
    format_value,
)
from .layout import subplots

__all__ = [
    "batting_shrinkage_figure",
    "grid_vs_mcmc_figure",
    "omega_kappa_figure",
    "pi_marginals_figure",
    "plot_batting_shrinkage",
    "plot_joint_omega_kappa",
    "plot_marginal",
    "plot_pi_density",
]

_KAPPA_TICKS = (3, 10, 30, 100, 300, 1000, 3000, 10000)
_PRIOR_STYLE = {"color": "0.45", "linestyle": "--", "label": "a priori"}
_POST_STYLE = {"color": "C0", "label": "a posteriori"}


def _check_posterior(post):
    from ..grid.kappa import OmegaKappaPosterior

    if not isinstance(post, OmegaKappaPosterior):
        raise TypeError(
            "El argumento 'post' debe ser un OmegaKappaPosterior (lo que devuelve "
            f"omega_kappa_posterior); se recibió un objeto de tipo {type(post).__name__}."
        )
    return post


def _kappa_axis(ax, limits, axis: str = "x") -> None:
    """Eje logarítmico de κ con números redondos (3, 10, 30, …) dentro de ``limits``."""
    ticks = [t for t in _KAPPA_TICKS if limits[0] <= t <= limits[1]]
    setter = ax.set_xscale if axis == "x" else ax.set_yscale
    setter("log")
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(FixedLocator(ticks))
    target.set_minor_locator(NullLocator())
    target.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:g}"))
    (ax.set_xlim if axis == "x" else ax.set_ylim)(*limits)


def plot_joint_omega_kappa(post, *, ax=None, kappa_limits=(3, 3000), omega_limits=(0.15, 0.4)):
    r"""Mapa de colores de la posterior conjunta de :math:`(\omega, \kappa)`, con κ en escala log.

    Se dibuja la densidad respecto de :math:`(\omega, \log\kappa)`, que es lo que
    se ve en un eje logarítmico, relativa a su máximo.

    Parameters
    ----------
    post : jerarquicos.grid.kappa.OmegaKappaPosterior
    ax : matplotlib.axes.Axes, optional
    kappa_limits, omega_limits : (float, float)
        Rango visible de cada eje.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    from ..grid.kappa import trapezoid_weights

    post = _check_posterior(post)
    kappa_limits = check_interval(kappa_limits, "kappa_limits", lower=2.0)
    omega_limits = check_interval(omega_limits, "omega_limits", lower=0.0, upper=1.0)
    if ax is None:
        _, ax = plt.subplots()
    omega, kappa = post.omega_grid, post.kappa_grid
    dens = post.joint.values / trapezoid_weights(omega)[:, None] / trapezoid_weights(kappa)
    dens = dens * kappa[None, :]
    ax.pcolormesh(
        omega, kappa, (dens / dens.max()).T, cmap="viridis", shading="nearest", rasterized=True
    )
    ax.set_xlim(*omega_limits)
    _kappa_axis(ax, kappa_limits, axis="y")
    ax.set_xlabel(r"$\omega$")
    ax.set_ylabel(r"$\kappa$")
    return ax


def plot_marginal(post, dim: str, *, ax=None, prior: bool = True, limits=None):
    r"""Densidad marginal a posteriori de :math:`\omega` o de :math:`\kappa` (y la a priori).

    La de :math:`\kappa` se dibuja como densidad de :math:`\log\kappa` sobre un eje
    logarítmico.

    Parameters
    ----------
    post : jerarquicos.grid.kappa.OmegaKappaPosterior
    dim : {"omega", "kappa"}
    ax : matplotlib.axes.Axes, optional
    prior : bool
        Agregar la densidad a priori (de trazos).
    limits : (float, float), optional
        Rango visible del eje horizontal.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    post = _check_posterior(post)
    dim = check_choice(dim, "dim", ("omega", "kappa"))
    prior = check_bool(prior, "prior")
    if limits is not None:
        limits = check_interval(limits, "limits")
    if ax is None:
        _, ax = plt.subplots()
    log = dim == "kappa"
    curves = [("posterior", _POST_STYLE)] + ([("prior", _PRIOR_STYLE)] if prior else [])
    for which, style in curves:
        dens = post.density(dim, log=log, which=which)
        ax.plot(dens[dim].values, dens.values, **style)
    if log:
        _kappa_axis(ax, limits or (3, 3000))
        ax.set_xlabel(r"$\kappa$ (escala logarítmica)")
    else:
        if limits is not None:
            ax.set_xlim(*limits)
        ax.set_xlabel(r"$\omega$")
    ax.set_ylim(bottom=0)
    ax.set_yticks([])
    ax.set_ylabel("densidad")
    return ax


def omega_kappa_figure(post, *, layout, kappa_limits=(3, 3000), omega_limits=(0.15, 0.4)):
    r"""Posterior conjunta de :math:`(\omega, \kappa)` y sus dos marginales (con la a priori).

    Parameters
    ----------
    post : jerarquicos.grid.kappa.OmegaKappaPosterior
    layout : jerarquicos.plots.layout.Layout
    kappa_limits, omega_limits : (float, float)
        Rango visible de cada parámetro.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    fig, axes = subplots(3, layout, cols=3, panel_aspect=0.95, extra=0.35)
    plot_joint_omega_kappa(post, ax=axes[0], kappa_limits=kappa_limits, omega_limits=omega_limits)
    axes[0].set_title(r"$p(\omega, \kappa \mid y)$")
    plot_marginal(post, "omega", ax=axes[1], limits=omega_limits)
    axes[1].set_title(r"$\omega$")
    plot_marginal(post, "kappa", ax=axes[2], limits=kappa_limits)
    axes[2].set_title(r"$\kappa$")
    axes[2].set_xlabel(r"$\kappa$")
    handles, labels = axes[1].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2, frameon=False)
    return fig


def plot_batting_shrinkage(
    table: pd.DataFrame,
    columns,
    labels,
    *,
    ax=None,
):
    """Una fila de puntos por estimador y una línea por jugador que los une.

    Como la figura de Efron y Morris: arriba el promedio de los primeros turnos,
    abajo el del resto de la temporada, y en el medio las estimaciones; las
    líneas muestran cuánto y hacia dónde se mueve cada jugador.

    Parameters
    ----------
    table : pandas.DataFrame
        Una fila por jugador y una columna por estimador (promedios de bateo).
    columns : sequence of str
        Columnas de ``table``, de arriba hacia abajo.
    labels : sequence of str
        Rótulo de cada fila (mismo largo que ``columns``).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    check_dataframe(table, "table")
    columns, labels = list(columns), list(labels)
    if len(columns) != len(labels) or len(columns) < 2:
        raise ValueError(
            "Los argumentos 'columns' y 'labels' deben tener el mismo largo (al menos 2); "
            f"se recibió len(columns)={len(columns)} y len(labels)={len(labels)}."
        )
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(
            f"El argumento 'table' no tiene las columnas {missing}; tiene {list(table.columns)}."
        )
    if ax is None:
        _, ax = plt.subplots()
    levels = np.arange(len(columns))[::-1]
    values = table[columns].to_numpy(dtype=float)
    for row in values:
        ax.plot(row, levels, color="0.6", linewidth=0.9, zorder=1)
    colors = ["C1", "C0", "C2", "C3", "C4"]
    for k, level in enumerate(levels):
        ax.scatter(values[:, k], np.full(len(values), level), s=22, color=colors[k % 5], zorder=2)
    ax.set_yticks(levels, labels)
    ax.set_ylim(levels.min() - 0.4, levels.max() + 0.4)
    ax.set_xlabel("promedio de bateo")
    ax.spines[["left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    return ax


def batting_shrinkage_figure(table: pd.DataFrame, columns, labels, *, layout):
    """Figura de :func:`plot_batting_shrinkage` para :func:`jerarquicos.plots.layout.show`.

    Parameters
    ----------
    table, columns, labels
        Ver :func:`plot_batting_shrinkage`.
    layout : jerarquicos.plots.layout.Layout

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    aspect = 0.42 if layout.max_cols > 2 else 0.75
    fig, (ax,) = subplots(1, layout, panel_aspect=aspect)
    plot_batting_shrinkage(table, columns, labels, ax=ax)
    return fig


def grid_vs_mcmc_figure(post, idata, *, layout, kappa_limits=(3, 3000), omega_limits=(0.15, 0.4)):
    r"""Marginales de :math:`\omega` y :math:`\kappa`: la grilla exacta y el histograma de NUTS.

    Parameters
    ----------
    post : jerarquicos.grid.kappa.OmegaKappaPosterior
    idata : arviz.InferenceData
        Ajuste de :func:`jerarquicos.models.beta_binomial.hierarchical_model`.
    layout : jerarquicos.plots.layout.Layout
    kappa_limits, omega_limits : (float, float)

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    post = _check_posterior(post)
    posterior = check_idata(idata, "idata").posterior
    missing = [name for name in ("omega", "kappa") if name not in posterior]
    if missing:
        raise ValueError(
            f"El argumento 'idata' no tiene las variables {missing} en el posterior: se admite "
            "el ajuste de beta_binomial.hierarchical_model() con add_kappa(); tiene "
            f"{sorted(posterior.data_vars)}."
        )
    kappa_limits = check_interval(kappa_limits, "kappa_limits", lower=2.0)
    omega_limits = check_interval(omega_limits, "omega_limits", lower=0.0, upper=1.0)
    fig, axes = subplots(2, layout, cols=2, panel_aspect=0.7, extra=0.35)
    omega = idata.posterior["omega"].values.ravel()
    kappa = idata.posterior["kappa"].values.ravel()
    axes[0].hist(
        omega,
        bins=np.linspace(*omega_limits, 41),
        density=True,
        color="C1",
        alpha=0.45,
        label="NUTS",
    )
    log_bins = np.geomspace(*kappa_limits, 41)
    # Densidad de log κ: cada barra se divide por su ancho en escala logarítmica.
    counts, edges = np.histogram(kappa, bins=log_bins)
    widths = np.diff(np.log(edges))
    axes[1].bar(
        edges[:-1],
        counts / counts.sum() / widths,
        width=np.diff(edges),
        align="edge",
        color="C1",
        alpha=0.45,
        label="NUTS",
    )
    for ax, dim, limits in ((axes[0], "omega", omega_limits), (axes[1], "kappa", kappa_limits)):
        dens = post.density(dim, log=dim == "kappa")
        ax.plot(dens[dim].values, dens.values, color="C0", label="grilla exacta")
        if dim == "kappa":
            _kappa_axis(ax, limits)
            ax.set_xlabel(r"$\kappa$")
        else:
            ax.set_xlim(*limits)
            ax.set_xlabel(r"$\omega$")
        ax.set_ylim(bottom=0)
        ax.set_yticks([])
        ax.set_ylabel("densidad")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2, frameon=False)
    return fig


def plot_pi_density(post, s: int, *, ax=None, marks=None, limits=(0.05, 0.5)):
    r"""Densidad marginal a posteriori de :math:`\pi_s` con líneas verticales de referencia.

    Parameters
    ----------
    post : jerarquicos.grid.kappa.OmegaKappaPosterior
    s : int
        Sujeto, numerado desde 1.
    ax : matplotlib.axes.Axes, optional
    marks : dict of str to float, optional
        Rótulo → valor de cada línea vertical (p. ej. el promedio observado).
    limits : (float, float)
        Rango visible de :math:`\pi`.

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    post = _check_posterior(post)
    limits = check_interval(limits, "limits", lower=0.0, upper=1.0)
    if marks is not None:
        if not isinstance(marks, Mapping):
            raise TypeError(
                "El argumento 'marks' debe ser un dict {rótulo: valor} o None; se recibió "
                f"marks={format_value(marks)} (de tipo {type(marks).__name__})."
            )
        marks = {
            label: check_finite_scalar(value, f"marks[{label!r}]") for label, value in marks.items()
        }
    if ax is None:
        _, ax = plt.subplots()
    grid = np.linspace(*limits, 301)
    dens = post.pi_density(s, grid)
    ax.plot(grid, dens.values, color="C0", label="a posteriori")
    styles = [{"color": "C1", "linestyle": ":"}, {"color": "C2", "linestyle": "--"}]
    for k, (label, value) in enumerate((marks or {}).items()):
        ax.axvline(float(value), linewidth=1.6, label=label, **styles[k % len(styles)])
    ax.set_xlim(*limits)
    ax.set_ylim(bottom=0)
    ax.set_yticks([])
    ax.set_xlabel(r"$\pi$")
    ax.set_ylabel("densidad")
    return ax


def pi_marginals_figure(post, subjects, titles, marks, *, layout, limits=(0.05, 0.5)):
    r"""Marginales a posteriori de varias :math:`\pi_s`, un panel por sujeto.

    Parameters
    ----------
    post : jerarquicos.grid.kappa.OmegaKappaPosterior
    subjects : sequence of int
        Sujetos (desde 1), uno por panel.
    titles : sequence of str
        Título de cada panel.
    marks : dict of str to sequence of float
        Rótulo → valores (uno por sujeto de ``subjects``) de las líneas verticales.
    layout : jerarquicos.plots.layout.Layout
    limits : (float, float)

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    subjects, titles = list(subjects), list(titles)
    if len(subjects) != len(titles) or not subjects:
        raise ValueError(
            "Los argumentos 'subjects' y 'titles' deben tener el mismo largo (al menos 1); "
            f"se recibió len(subjects)={len(subjects)} y len(titles)={len(titles)}."
        )
    if not isinstance(marks, Mapping):
        raise TypeError(
            "El argumento 'marks' debe ser un dict {rótulo: valores, uno por sujeto}; se "
            f"recibió marks={format_value(marks)} (de tipo {type(marks).__name__})."
        )
    for label, values in marks.items():
        if isinstance(values, str | bytes) or not isinstance(values, Sequence | np.ndarray):
            raise TypeError(
                f"Cada valor del argumento 'marks' debe ser una secuencia de números (uno por "
                f"sujeto); se recibió marks[{label!r}]={format_value(values)}."
            )
        if len(values) != len(subjects):
            raise ValueError(
                f"Cada valor del argumento 'marks' debe tener {len(subjects)} número(s), uno "
                f"por sujeto; se recibió marks[{label!r}] con {len(values)}."
            )
    fig, axes = subplots(len(subjects), layout, cols=len(subjects), panel_aspect=0.9, extra=0.4)
    for k, (ax, s, title) in enumerate(zip(axes, subjects, titles, strict=True)):
        plot_pi_density(
            post,
            s,
            ax=ax,
            marks={label: values[k] for label, values in marks.items()},
            limits=limits,
        )
        ax.set_title(title)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(
        handles, labels, loc="outside lower center", ncol=min(3, len(handles)), frameon=False
    )
    return fig
