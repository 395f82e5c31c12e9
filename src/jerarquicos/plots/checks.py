"""Figuras del capítulo de verificación y comparación de modelos.

Los dibujantes ``plot_*`` reciben ``ax=None``, devuelven los ejes y sólo
dibujan lo que ya se calculó en :mod:`jerarquicos.models.checks` (réplicas,
densidades, LOO); las funciones ``*_figure(..., layout)`` arman las figuras para
:func:`jerarquicos.plots.layout.show`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import xarray as xr

from ..validation import (
    check_ax,
    check_dataframe,
    check_finite_array,
    check_finite_scalar,
    check_integer,
    check_interval,
    check_layout,
    check_mapping,
    check_real_array,
    check_text,
    check_unit_interval,
    format_value,
)
from .layout import subplots

__all__ = [
    "elpd_figure",
    "pareto_k_figure",
    "plot_elpd",
    "plot_pareto_k",
    "plot_ppc_densities",
    "plot_prior_predictive",
    "plot_replicated_statistic",
    "ppc_figure",
    "prior_predictive_figure",
    "statistic_figure",
    "tank_check_figure",
]

_OBSERVED = {"color": "black", "linewidth": 2.0}


def _check_mapping(value, name: str) -> dict:
    return check_mapping(value, name, what="{rótulo: valores}")


def plot_prior_predictive(simulated, observed, *, ax=None, bins: int = 50, limits=None):
    """Histograma de log-radón simulado con las previas y el rango de los datos sombreado.

    Parameters
    ----------
    simulated : array_like
        Valores simulados (:func:`jerarquicos.models.checks.prior_predictive_log_radon`).
    observed : array_like
        Los datos; se sombrea el intervalo entre su mínimo y su máximo.
    ax : matplotlib.axes.Axes, optional
    bins : int
        Barras del histograma.
    limits : (float, float), optional
        Rango del eje horizontal (por omisión, los cuantiles 0.5 % y 99.5 % de lo
        simulado).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    sim = check_finite_array(simulated, "simulated", min_size=1)
    obs = check_finite_array(observed, "observed", min_size=1)
    bins = check_integer(bins, "bins", minimum=1, maximum=100_000)
    if limits is not None:
        limits = check_interval(limits, "limits")
    if ax is None:
        _, ax = plt.subplots()
    lo, hi = limits if limits is not None else np.quantile(sim, [0.005, 0.995])
    ax.hist(sim, bins=np.linspace(lo, hi, bins + 1), color="C0", alpha=0.7, label="a priori")
    ax.axvspan(obs.min(), obs.max(), color="C1", alpha=0.25, label="rango de los datos")
    ax.set_xlim(lo, hi)
    ax.set_yticks([])
    ax.set_xlabel("log radón de una casa")
    ax.set_ylabel("frecuencia")
    return ax


def prior_predictive_figure(simulated, observed, *, layout):
    """Un panel de :func:`plot_prior_predictive` por juego de previas.

    Parameters
    ----------
    simulated : dict of str to array_like
        Título del panel → valores simulados.
    observed : array_like
        Los datos.
    layout : jerarquicos.plots.layout.Layout

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    simulated = _check_mapping(simulated, "simulated")
    fig, axes = subplots(len(simulated), layout, cols=2, panel_aspect=0.7, extra=0.35)
    for ax, (title, values) in zip(axes, simulated.items(), strict=True):
        plot_prior_predictive(values, observed, ax=ax)
        ax.set_title(title)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2, frameon=False)
    return fig


def plot_ppc_densities(densities, *, ax=None):
    """Densidades de las réplicas (finas) y de los datos (gruesa), como ``arviz.plot_ppc``.

    Parameters
    ----------
    densities : xarray.Dataset
        De :func:`jerarquicos.models.checks.ppc_densities`.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    if not isinstance(densities, xr.Dataset):
        raise TypeError(
            "El argumento 'densities' debe ser el xarray.Dataset de "
            "jerarquicos.models.checks.ppc_densities; se recibió "
            f"densities={format_value(densities)} (de tipo {type(densities).__name__})."
        )
    missing = [v for v in ("observed", "replicated") if v not in densities]
    if missing:
        raise ValueError(
            f"Al argumento 'densities' le faltan las variables {missing}: se admite el "
            "resultado de ppc_densities()."
        )
    if ax is None:
        _, ax = plt.subplots()
    x = densities["x"].values
    for k, row in enumerate(densities["replicated"].values):
        ax.plot(x, row, color="C0", alpha=0.25, linewidth=0.8, label="réplicas" if k == 0 else None)
    ax.plot(x, densities["observed"].values, label="datos", **_OBSERVED)
    ax.set_xlim(x.min(), x.max())
    ax.set_ylim(bottom=0)
    ax.set_yticks([])
    ax.set_xlabel("log radón")
    ax.set_ylabel("densidad")
    return ax


def ppc_figure(densities, *, layout):
    """Un panel de :func:`plot_ppc_densities` por modelo.

    Parameters
    ----------
    densities : dict of str to xarray.Dataset
        Nombre del modelo → densidades.
    layout : jerarquicos.plots.layout.Layout

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    densities = _check_mapping(densities, "densities")
    fig, axes = subplots(len(densities), layout, cols=3, panel_aspect=0.9, extra=0.35)
    for ax, (title, dens) in zip(axes, densities.items(), strict=True):
        plot_ppc_densities(dens, ax=ax)
        ax.set_title(title)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2, frameon=False)
    return fig


def plot_replicated_statistic(observed: float, replicated, *, ax=None, bins: int = 40, limits=None):
    """Histograma de un estadístico en las réplicas y una línea en su valor observado.

    Parameters
    ----------
    observed : float
        El estadístico en los datos.
    replicated : array_like
        El estadístico en cada réplica.
    ax : matplotlib.axes.Axes, optional
    bins : int
    limits : (float, float), optional
        Rango del eje horizontal (por omisión, el de las réplicas y el observado).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    observed = check_finite_scalar(observed, "observed")
    rep = check_finite_array(replicated, "replicated", min_size=1)
    bins = check_integer(bins, "bins", minimum=1, maximum=100_000)
    if limits is not None:
        limits = check_interval(limits, "limits")
    if ax is None:
        _, ax = plt.subplots()
    if limits is None:
        lo, hi = min(rep.min(), observed), max(rep.max(), observed)
        pad = 0.05 * (hi - lo)
        limits = (lo - pad, hi + pad)
    ax.hist(rep, bins=np.linspace(*limits, bins + 1), color="C0", alpha=0.6, label="réplicas")
    ax.axvline(observed, label="datos", **_OBSERVED)
    ax.set_xlim(*limits)
    ax.set_yticks([])
    ax.set_ylabel("frecuencia")
    return ax


def statistic_figure(statistics, *, layout, xlabel: str, limits=None):
    """Un panel de :func:`plot_replicated_statistic` por modelo, con el mismo eje horizontal.

    Parameters
    ----------
    statistics : dict of str to (float, array_like)
        Nombre del modelo → (valor observado, valores replicados).
    layout : jerarquicos.plots.layout.Layout
    xlabel : str
        Rótulo del estadístico.
    limits : (float, float), optional
        Rango común del eje horizontal (por omisión, el de todos los paneles).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    statistics = check_mapping(
        statistics, "statistics", what="{título: (observado, réplicas)}", item_len=2
    )
    xlabel = check_text(xlabel, "xlabel")
    if limits is not None:
        limits = check_interval(limits, "limits")
    if limits is None:
        values = np.concatenate(
            [np.append(np.asarray(rep, dtype=float), obs) for obs, rep in statistics.values()]
        )
        pad = 0.05 * (values.max() - values.min())
        limits = (values.min() - pad, values.max() + pad)
    fig, axes = subplots(len(statistics), layout, cols=3, panel_aspect=0.9, extra=0.35)
    for ax, (title, (obs, rep)) in zip(axes, statistics.items(), strict=True):
        plot_replicated_statistic(obs, rep, ax=ax, limits=limits)
        ax.set_title(title)
        ax.set_xlabel(xlabel)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2, frameon=False)
    return fig


def plot_elpd(comparison: pd.DataFrame, *, ax=None):
    """ELPD de cada modelo (punto) con su error estándar y el de la diferencia con el mejor.

    Parameters
    ----------
    comparison : pandas.DataFrame
        La tabla de ``arviz.compare`` (columnas ``elpd_loo``, ``se``, ``dse``).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    check_dataframe(comparison, "comparison", columns=("elpd_loo", "se", "dse"))
    if ax is None:
        _, ax = plt.subplots()
    levels = np.arange(len(comparison))[::-1]
    elpd = comparison["elpd_loo"].to_numpy(dtype=float)
    ax.errorbar(
        elpd,
        levels,
        xerr=comparison["se"].to_numpy(dtype=float),
        fmt="o",
        color="C0",
        capsize=4,
        label="ELPD ± 1 error estándar",
    )
    best = elpd[0]
    others = levels[1:]
    ax.errorbar(
        elpd[1:],
        others - 0.18,
        xerr=comparison["dse"].to_numpy(dtype=float)[1:],
        fmt="^",
        color="C1",
        capsize=4,
        label="diferencia con el mejor ± 1 error estándar",
    )
    ax.axvline(best, color="0.5", linestyle="--", linewidth=1)
    ax.set_yticks(levels, list(comparison.index))
    ax.set_ylim(levels.min() - 0.6, levels.max() + 0.5)
    ax.set_xlabel("ELPD (LOO, escala log)")
    return ax


def elpd_figure(comparison: pd.DataFrame, *, layout):
    """Figura de :func:`plot_elpd` para :func:`jerarquicos.plots.layout.show`.

    Parameters
    ----------
    comparison : pandas.DataFrame
        La tabla de ``arviz.compare``.
    layout : jerarquicos.plots.layout.Layout

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    aspect = 0.4 if layout.max_cols > 2 else 0.7
    fig, (ax,) = subplots(1, layout, panel_aspect=aspect, extra=0.45)
    plot_elpd(comparison, ax=ax)
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=1, frameon=False)
    return fig


def plot_pareto_k(k, houses_in_county, *, ax=None, threshold: float = 0.7):
    """Cada casa: su :math:`\\hat k` de Pareto contra las casas medidas en su condado.

    Parameters
    ----------
    k : array_like
        Un :math:`\\hat k` por casa (``arviz.loo(..., pointwise=True).pareto_k``).
    houses_in_county : array_like
        Casas del condado de cada casa.
    ax : matplotlib.axes.Axes, optional
    threshold : float
        Línea horizontal del umbral (0.7: por encima, la aproximación no es fiable).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    k = check_real_array(k, "k")
    n = check_finite_array(houses_in_county, "houses_in_county")
    threshold = check_finite_scalar(threshold, "threshold")
    if k.shape != n.shape:
        raise ValueError(
            "Los argumentos 'k' y 'houses_in_county' deben tener una entrada por casa; se "
            f"recibió {k.shape} y {n.shape}."
        )
    if ax is None:
        _, ax = plt.subplots()
    jitter = np.exp(np.random.default_rng(0).uniform(-0.12, 0.12, n.size))
    bad = k > threshold
    ax.scatter(n[~bad] * jitter[~bad], k[~bad], s=8, color="C0", alpha=0.5)
    ax.scatter(n[bad] * jitter[bad], k[bad], s=22, color="C3", marker="D")
    ax.axhline(threshold, color="C3", linestyle="--", linewidth=1)
    ax.set_xscale("log")
    ticks = [1, 2, 5, 10, 20, 50, 100]
    ax.set_xticks(ticks, [str(t) for t in ticks])
    ax.minorticks_off()
    ax.set_xlabel("casas en el condado")
    ax.set_ylabel(r"$\hat k$ de Pareto")
    return ax


def pareto_k_figure(pareto_k, houses_in_county, *, layout, threshold: float = 0.7):
    """Un panel de :func:`plot_pareto_k` por modelo, con el mismo eje vertical.

    Parameters
    ----------
    pareto_k : dict of str to array_like
        Nombre del modelo → :math:`\\hat k` de cada casa.
    houses_in_county : array_like
        Casas del condado de cada casa.
    layout : jerarquicos.plots.layout.Layout
    threshold : float

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    pareto_k = _check_mapping(pareto_k, "pareto_k")
    fig, axes = subplots(len(pareto_k), layout, cols=3, panel_aspect=0.9, sharey=True)
    for ax, (title, k) in zip(axes, pareto_k.items(), strict=True):
        plot_pareto_k(k, houses_in_county, ax=ax, threshold=threshold)
        ax.set_title(title)
    return fig


def tank_check_figure(proportions, groups, statistics, *, layout, xlabel: str):
    """Supervivencia observada por grupo y el estadístico replicado con cada modelo.

    Parameters
    ----------
    proportions : array_like
        Proporción de sobrevivientes de cada tanque.
    groups : array_like of str
        Tratamiento de cada tanque (por ejemplo ``"no"`` / ``"pred"``).
    statistics : dict of str to (float, array_like)
        Nombre del modelo → (estadístico observado, estadístico en las réplicas).
    layout : jerarquicos.plots.layout.Layout
    xlabel : str
        Rótulo del estadístico.

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    statistics = check_mapping(
        statistics, "statistics", what="{título: (observado, réplicas)}", item_len=2
    )
    xlabel = check_text(xlabel, "xlabel")
    props = check_unit_interval(proportions, "proportions").ravel()
    if isinstance(groups, str | bytes):
        raise TypeError(
            f"El argumento 'groups' debe ser una secuencia (un grupo por tanque); se recibió "
            f"groups={groups!r}."
        )
    labels = np.asarray(groups).astype(str).ravel()
    if labels.size != props.size:
        raise ValueError(
            f"El argumento 'groups' debe tener un valor por tanque ({props.size}); se "
            f"recibieron {labels.size}."
        )
    fig, axes = subplots(1 + len(statistics), layout, cols=3, panel_aspect=0.9, extra=0.35)
    levels = sorted(set(labels))
    jitter = np.random.default_rng(0).uniform(-0.15, 0.15, props.size)
    for k, level in enumerate(levels):
        sel = labels == level
        axes[0].scatter(props[sel], k + jitter[sel], s=14, color=f"C{k + 2}", alpha=0.8)
    axes[0].set_yticks(range(len(levels)), levels)
    axes[0].set_ylim(-0.6, len(levels) - 0.4)
    axes[0].set_xlim(0, 1.02)
    axes[0].set_xlabel("supervivencia del tanque")
    axes[0].set_title("datos")
    values = np.concatenate(
        [np.append(np.asarray(rep, dtype=float), obs) for obs, rep in statistics.values()]
    )
    pad = 0.05 * (values.max() - values.min())
    limits = (values.min() - pad, values.max() + pad)
    for ax, (title, (obs, rep)) in zip(axes[1:], statistics.items(), strict=True):
        plot_replicated_statistic(obs, rep, ax=ax, limits=limits)
        ax.set_title(title)
        ax.set_xlabel(xlabel)
    handles, legend = axes[1].get_legend_handles_labels()
    fig.legend(handles, legend, loc="outside lower center", ncol=2, frameon=False)
    return fig
