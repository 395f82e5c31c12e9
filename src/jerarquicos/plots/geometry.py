r"""Figuras del capítulo de la geometría del muestreo: el embudo, la eficiencia y la previa.

Los dibujantes ``plot_*`` reciben ``ax=None``, devuelven los ejes y sólo
dibujan; las funciones ``*_figure(..., layout)`` arman las figuras para
:func:`jerarquicos.plots.layout.show`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..validation import (
    check_ax,
    check_choice,
    check_dataframe,
    check_idata,
    check_integer,
    check_interval,
    check_layout,
    check_mapping,
    check_text,
    format_value,
)
from .layout import subplots

__all__ = [
    "efficiency_figure",
    "funnel_figure",
    "plot_efficiency",
    "plot_funnel",
    "plot_sigma_posteriors",
    "sigma_prior_figure",
]


def plot_funnel(idata, county: str, *, variable: str, ax=None, label: str | None = None):
    r"""Extracciones de (:math:`\log\sigma_{\text{county}}`, una coordenada de un condado).

    Las transiciones divergentes se marcan en rojo.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de :func:`jerarquicos.models.geometry.intercepts_model` (con
        ``sample_stats["diverging"]``).
    county : str
        Condado cuya coordenada se grafica.
    variable : {"alpha", "alpha_raw"}
        ``alpha`` (la escala del modelo) o ``alpha_raw`` (la que recorre el
        muestreador).
    ax : matplotlib.axes.Axes, optional
    label : str, optional
        Rótulo del eje horizontal (por omisión el nombre de la variable).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    post = check_idata(idata, "idata", groups=("posterior", "sample_stats")).posterior
    variable = check_choice(variable, "variable", ("alpha", "alpha_raw"))
    label = check_text(label, "label", allow_none=True)
    missing = [v for v in ("sigma_county",) if v not in post]
    if missing or "county" not in post.coords:
        raise ValueError(
            "El argumento 'idata' debe ser un ajuste de intercepts_model() (con "
            f"'sigma_county' y la coordenada 'county'); tiene {sorted(post.data_vars)}."
        )
    county = check_text(county, "county")
    counties = [str(c) for c in post["county"].values]
    if county not in counties:
        shown = ", ".join(counties[:5]) + (", ..." if len(counties) > 5 else "")
        raise ValueError(
            f"El argumento 'county' debe ser un condado del ajuste ({shown}); se recibió "
            f"county={format_value(county)}."
        )
    if variable not in post:
        raise ValueError(
            f"El argumento variable={variable!r} no está en el posterior: se admite "
            f"'alpha' (con add_alpha) o 'alpha_raw'."
        )
    if ax is None:
        _, ax = plt.subplots()
    x = post[variable].sel(county=county).values.ravel()
    y = np.log(post["sigma_county"].values.ravel())
    diverging = idata.sample_stats["diverging"].values.ravel().astype(bool)
    ax.scatter(x[~diverging], y[~diverging], s=4, color="C0", alpha=0.35, label="extracciones")
    if diverging.any():
        ax.scatter(x[diverging], y[diverging], s=14, color="C3", label="divergentes")
    ax.set_xlabel(label or variable)
    ax.set_ylabel(r"$\log \sigma_{\text{county}}$")
    return ax


def funnel_figure(centered, non_centered, county: str, *, layout):
    """El embudo en la forma centrada y el mismo modelo en la no centrada.

    Parameters
    ----------
    centered, non_centered : arviz.InferenceData
        Ajustes con ``centering`` 1 y 0.
    county : str
    layout : jerarquicos.plots.layout.Layout

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    fig, axes = subplots(2, layout, cols=2, panel_aspect=0.85, extra=0.35, sharey=True)
    plot_funnel(centered, county, variable="alpha", ax=axes[0], label=r"$\alpha_j$ (centrada)")
    axes[0].set_title("centrada")
    plot_funnel(
        non_centered, county, variable="alpha_raw", ax=axes[1], label=r"$z_j$ (no centrada)"
    )
    axes[1].set_title("no centrada")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2, frameon=False, markerscale=2)
    return fig


def plot_efficiency(table: pd.DataFrame, *, ax=None, column: str = "ess_per_1000_steps"):
    """Barras de la eficiencia de cada escenario, centrada junto a no centrada (eje log).

    Parameters
    ----------
    table : pandas.DataFrame
        Índice de dos niveles (escenario, parametrización) o columnas
        ``scenario`` y ``parametrization``, y la columna ``column``.
    ax : matplotlib.axes.Axes, optional
    column : str
        Columna graficada (por omisión, ESS por cada 1000 pasos de integración).

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    column = check_text(column, "column")
    check_dataframe(table, "table", columns=(column,))
    if not isinstance(table.index, pd.MultiIndex) or table.index.nlevels != 2:
        raise ValueError(
            "El argumento 'table' debe tener un índice de dos niveles (escenario, parametrización)."
        )
    if ax is None:
        _, ax = plt.subplots()
    scenarios = list(dict.fromkeys(table.index.get_level_values(0)))
    forms = list(dict.fromkeys(table.index.get_level_values(1)))
    width = 0.8 / len(forms)
    x = np.arange(len(scenarios))
    for k, form in enumerate(forms):
        values = [float(table.loc[(s, form), column]) for s in scenarios]
        ax.bar(x + (k - (len(forms) - 1) / 2) * width, values, width, label=form, color=f"C{k}")
    ax.set_yscale("log")
    ax.set_xticks(x, scenarios)
    ax.set_ylabel("ESS por 1000 pasos")
    return ax


def efficiency_figure(table: pd.DataFrame, *, layout):
    """Figura de :func:`plot_efficiency` para :func:`jerarquicos.plots.layout.show`.

    Parameters
    ----------
    table : pandas.DataFrame
        Ver :func:`plot_efficiency`.
    layout : jerarquicos.plots.layout.Layout

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    aspect = 0.45 if layout.max_cols > 2 else 0.8
    fig, (ax,) = subplots(1, layout, panel_aspect=aspect, extra=0.35)
    plot_efficiency(table, ax=ax)
    if layout.max_cols <= 2:
        for tick in ax.get_xticklabels():
            tick.set_rotation(20)
            tick.set_horizontalalignment("right")
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=len(labels), frameon=False)
    return fig


def plot_sigma_posteriors(fits, *, ax=None, limits=(0.0, 0.8), bins: int = 40):
    r"""Histogramas (contornos) de :math:`\sigma_{\text{county}}` con varias previas.

    Parameters
    ----------
    fits : dict of str to arviz.InferenceData
        Rótulo de la previa → ajuste.
    ax : matplotlib.axes.Axes, optional
    limits : (float, float)
    bins : int

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = check_ax(ax)
    check_mapping(fits, "fits", what="{rótulo: arviz.InferenceData}")
    for label, idata in fits.items():
        posterior = check_idata(idata, f"fits[{label!r}]").posterior
        if "sigma_county" not in posterior:
            raise ValueError(
                f"El argumento 'fits' tiene un ajuste sin 'sigma_county' (fits[{label!r}]): se "
                "admiten ajustes de intercepts_model()."
            )
    limits = check_interval(limits, "limits")
    bins = check_integer(bins, "bins", minimum=1, maximum=100_000)
    if ax is None:
        _, ax = plt.subplots()
    edges = np.linspace(*limits, bins + 1)
    for k, (label, idata) in enumerate(fits.items()):
        values = idata.posterior["sigma_county"].values.ravel()
        ax.hist(
            values,
            bins=edges,
            density=True,
            histtype="step",
            linewidth=1.8,
            color=f"C{k}",
            label=label,
        )
    ax.set_xlim(*limits)
    ax.set_yticks([])
    ax.set_xlabel(r"$\sigma_{\text{county}}$")
    ax.set_ylabel("densidad")
    return ax


def sigma_prior_figure(fits_by_data, *, layout, limits=(0.0, 0.8)):
    r"""Un panel de :func:`plot_sigma_posteriors` por conjunto de datos.

    Parameters
    ----------
    fits_by_data : dict of str to dict of str to arviz.InferenceData
        Título del panel → (rótulo de la previa → ajuste).
    layout : jerarquicos.plots.layout.Layout
    limits : (float, float)

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    check_mapping(fits_by_data, "fits_by_data", what="{título: {rótulo: ajuste}}")
    fig, axes = subplots(len(fits_by_data), layout, cols=2, panel_aspect=0.75, extra=0.4)
    for ax, (title, fits) in zip(axes, fits_by_data.items(), strict=True):
        plot_sigma_posteriors(fits, ax=ax, limits=limits)
        ax.set_title(title)
    legend = {}
    for ax in axes:  # un rótulo por previa, aunque no todas estén en todos los paneles
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            legend.setdefault(label, handle)
    fig.legend(
        list(legend.values()),
        list(legend),
        loc="outside lower center",
        ncol=len(legend),
        frameon=False,
    )
    return fig
