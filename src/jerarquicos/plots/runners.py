"""Gráficos del capítulo de los corredores (Cherry Blossom Ten Mile).

Los dibujantes ``plot_*`` reciben ``ax=None`` (o ``axes=None``), devuelven los
ejes y nunca llaman a ``plt.show()``: :func:`plot_runner_times`,
:func:`plot_rho_posterior`, :func:`plot_runner_panels` y
:func:`plot_shrinkage_plane`. Las funciones ``*_figure`` arman cada figura del
capítulo para :func:`jerarquicos.plots.layout.show`, con paneles que se apilan
en dos columnas en la diagramación angosta.

Las rectas que se dibujan son tablas por corredor (índice ``runner``;
columnas ``intercept`` y ``slope``) que calcula
:mod:`jerarquicos.models.runners` (:func:`~jerarquicos.models.runners.no_pooling_lines`,
:func:`~jerarquicos.models.runners.posterior_lines`). Los colores son los de la
paleta por omisión de matplotlib (``tab10``), distinguibles con daltonismo en
las combinaciones que se usan aquí (azul, naranja y gris), y además cada serie
usa otro tipo de trazo o marcador.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import ticker
from matplotlib.patches import Ellipse

from ..validation import (
    check_ax,
    check_color,
    check_dataframe,
    check_layout,
    check_prob,
    check_real_array,
    check_real_scalar,
    format_value,
)
from .layout import subplots
from .pooling import plot_agreement
from .style import axes_or_new

__all__ = [
    "agreement_figure",
    "plot_rho_posterior",
    "plot_runner_panels",
    "plot_runner_times",
    "plot_shrinkage_plane",
    "rho_posterior_figure",
    "runner_panels_figure",
    "runner_times_figure",
    "shrinkage_plane_figure",
]

AGE_LABEL = "edad (años)"
TIME_LABEL = "tiempo neto (minutos)"
INTERCEPT_LABEL = "ordenada: minutos a la edad de referencia"
SLOPE_LABEL = "pendiente: minutos por año"
RHO_LABEL = r"correlación $\rho$ entre ordenada y pendiente"

#: Trazos de las rectas de :func:`plot_runner_panels`, en el orden de ``lines``.
LINE_STYLES = (
    {"color": "C1", "linestyle": "--", "linewidth": 1.4},
    {"color": "C0", "linestyle": "-", "linewidth": 1.8},
    {"color": "C2", "linestyle": "-.", "linewidth": 1.4},
)
POPULATION_STYLE = {"color": "0.55", "linestyle": ":", "linewidth": 1.4}


# --------------------------------------------------------------------------- validación


def _require_columns(data, columns: Sequence[str], argument: str) -> pd.DataFrame:
    # Como antes: se exigen el tipo y las columnas, no un mínimo de filas.
    return check_dataframe(data, argument, columns=columns, min_rows=0)


def _finite_scalar(value, name: str) -> float:
    x = check_real_scalar(value, name)
    if not math.isfinite(x):
        raise ValueError(
            f"El argumento '{name}' debe ser un número finito; se recibió {name}={format_value(x)}."
        )
    return x


def _finite_pair(value, name: str) -> tuple[float, float]:
    if isinstance(value, str | bytes) or not isinstance(value, Sequence | np.ndarray):
        raise TypeError(
            f"El argumento '{name}' es de tipo {type(value).__name__}: se admite un par de "
            "números (ordenada, pendiente)."
        )
    if len(value) != 2:
        raise ValueError(
            f"El argumento '{name}' tiene {len(value)} elemento(s): se admite un par "
            f"(ordenada, pendiente); se recibió {name}={format_value(value)}."
        )
    return tuple(_finite_scalar(v, f"{name}[{i}]") for i, v in enumerate(value))


def _check_ncols(ncols, name: str = "ncols") -> int:
    if isinstance(ncols, bool | np.bool_) or not isinstance(ncols, numbers.Integral):
        raise TypeError(
            f"El argumento '{name}' debe ser un número entero positivo; se recibió "
            f"{name}={format_value(ncols)} (de tipo {type(ncols).__name__})."
        )
    if ncols < 1:
        raise ValueError(
            f"El argumento '{name}' debe ser un número entero mayor o igual que 1; se "
            f"recibió {name}={int(ncols)}."
        )
    return int(ncols)


def _check_runner_list(runners, known: set[str]) -> list[str]:
    if isinstance(runners, str | bytes) or not isinstance(
        runners, Sequence | np.ndarray | pd.Index | pd.Series
    ):
        raise TypeError(
            f"El argumento 'runners' es de tipo {type(runners).__name__}: se admite una "
            "secuencia de identificadores de corredor (p. ej. una lista)."
        )
    labels = [str(r) for r in runners]
    if not labels:
        raise ValueError("El argumento 'runners' está vacío: se admite al menos un corredor.")
    unknown = [r for r in labels if r not in known]
    if unknown:
        raise ValueError(
            f"El argumento 'runners' contiene corredores que no están en data: {unknown}; "
            f"se admiten {sorted(known, key=_runner_order)}."
        )
    return labels


def _runner_order(label: str):
    return (0, int(label), "") if label.lstrip("-").isdigit() else (1, 0, label)


def _check_lines(lines, runners: Sequence[str]) -> dict[str, pd.DataFrame]:
    if not isinstance(lines, Mapping):
        raise TypeError(
            f"El argumento 'lines' es de tipo {type(lines).__name__}: se admite un dict "
            "{rótulo: tabla} con tablas de columnas 'intercept' y 'slope'."
        )
    if not 1 <= len(lines) <= len(LINE_STYLES):
        raise ValueError(
            f"El argumento 'lines' tiene {len(lines)} tabla(s): se admiten entre 1 y "
            f"{len(LINE_STYLES)}."
        )
    checked = {}
    for label, table in lines.items():
        argument = f"lines[{label!r}]"
        table = _require_columns(table, ["intercept", "slope"], argument)
        index = pd.Index([str(i) for i in table.index])
        missing = [r for r in runners if r not in index]
        if missing:
            raise ValueError(
                f"A la tabla {argument} le faltan los corredores {missing}: se admite una "
                "tabla con una fila por cada corredor de 'runners'."
            )
        table = table.set_axis(index)
        values = table.loc[list(runners), ["intercept", "slope"]].to_numpy(dtype=float)
        if not np.all(np.isfinite(values)):
            raise ValueError(
                f"La tabla {argument} tiene ordenadas o pendientes no finitas para los "
                "corredores pedidos: se admiten sólo números finitos."
            )
        checked[str(label)] = table
    return checked


# --------------------------------------------------------------------------- dibujantes


def plot_runner_times(data: pd.DataFrame, *, ax=None, color: str = "C0"):
    """Tiempo de cada carrera según la edad, con las carreras de un corredor unidas.

    Parameters
    ----------
    data : pandas.DataFrame
        Con columnas ``runner``, ``age`` y ``net``.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar (por omisión, una figura nueva).
    color : str, optional
        Color de líneas y puntos.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        Si ``data`` no es un DataFrame o ``color`` no es una cadena.
    ValueError
        Si faltan columnas.
    """
    ax = check_ax(ax)
    df = _require_columns(data, ["runner", "age", "net"], "data")
    if not isinstance(color, str):
        raise TypeError(
            f"El argumento 'color' debe ser una cadena (un color de matplotlib); se recibió "
            f"color={format_value(color)} (de tipo {type(color).__name__})."
        )
    check_color(color)
    ax = axes_or_new(ax)
    for _, group in df.groupby("runner", observed=True):
        group = group.sort_values("age")
        ax.plot(
            group["age"],
            group["net"],
            color=color,
            alpha=0.45,
            linewidth=1,
            marker="o",
            markersize=3,
        )
    ax.set_xlabel(AGE_LABEL)
    ax.set_ylabel(TIME_LABEL)
    return ax


def plot_rho_posterior(
    draws,
    *,
    eta: float = 1.0,
    interval: tuple[float, float] | None = None,
    prob: float | None = None,
    bins: int = 40,
    ax=None,
):
    """Histograma de las extracciones de ρ y la densidad a priori LKJ(η) con dos efectos.

    Con dos efectos por grupo, la LKJ(η) es ``(ρ + 1) / 2 ~ Beta(η, η)``: su
    densidad en ρ es la de esa beta dividida por 2 (uniforme ``1/2`` con η = 1).

    Parameters
    ----------
    draws : array_like
        Extracciones a posteriori de ρ (cualquier forma; se aplanan), en [-1, 1].
    eta : float, default 1.0
        Parámetro de la LKJ de la distribución a priori.
    interval : (float, float), optional
        Intervalo creíble a marcar bajo el histograma (p. ej. ``low`` y ``high``
        de :func:`jerarquicos.models.runners.correlation_summary`).
    prob : float, optional
        Probabilidad de ese intervalo, para la leyenda.
    bins : int, default 40
        Barras del histograma entre -1 y 1.
    ax : matplotlib.axes.Axes, optional
        Ejes (por omisión, una figura nueva).

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        Si ``draws`` no es numérico o ``bins`` no es entero.
    ValueError
        Si ``draws`` está vacío o tiene valores fuera de [-1, 1], ``eta`` no es
        positivo o ``interval`` no es un intervalo dentro de [-1, 1].
    """
    ax = check_ax(ax)
    from scipy import stats

    values = check_real_array(draws, "draws").ravel()
    if values.size == 0:
        raise ValueError("El argumento 'draws' está vacío: se admite al menos una extracción.")
    bad = ~(np.isfinite(values) & (values >= -1) & (values <= 1))
    if bad.any():
        raise ValueError(
            "Cada valor del argumento 'draws' debe ser un número finito entre -1 y 1; se "
            f"recibió draws[{int(np.flatnonzero(bad)[0])}]={format_value(values[bad][0])}."
        )
    eta = _finite_scalar(eta, "eta")
    if eta <= 0:
        raise ValueError(
            "El argumento 'eta' debe ser un número mayor que 0; se recibió "
            f"eta={format_value(eta)}."
        )
    bins = _check_ncols(bins, "bins")
    if interval is not None:
        low, high = _finite_pair(interval, "interval")
        if not -1 <= low <= high <= 1:
            raise ValueError(
                "El argumento 'interval' debe ser un par (inferior, superior) ordenado dentro "
                f"de [-1, 1]; se recibió interval={format_value(interval)}."
            )
    if prob is not None:
        prob = check_prob(prob, "prob")
    ax = axes_or_new(ax)
    ax.hist(
        values, bins=bins, range=(-1, 1), density=True, color="C0", alpha=0.7, label="a posteriori"
    )
    grid = np.linspace(-1, 1, 201)
    prior = stats.beta.pdf((grid + 1) / 2, eta, eta) / 2
    label = f"a priori, LKJ({eta:g})"
    ax.plot(grid, prior, color="0.3", linestyle="--", label=label)
    ax.axvline(0, color="0.6", linewidth=0.8)
    if interval is not None:
        name = "intervalo" if prob is None else f"intervalo de {100 * prob:g} %"
        ax.plot([low, high], [0, 0], color="k", linewidth=4, solid_capstyle="butt", label=name)
    ax.set_xlim(-1, 1)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1], ["−1", "−0.5", "0", "0.5", "1"])
    ax.set_xlabel(RHO_LABEL)
    ax.set_ylabel("densidad")
    ax.legend(frameon=False, loc="upper left")
    return ax


def plot_runner_panels(
    data: pd.DataFrame,
    lines: Mapping[str, pd.DataFrame],
    runners: Sequence,
    *,
    age_center: float,
    population: tuple[float, float] | None = None,
    axes=None,
    ncols: int = 4,
    legend: bool = True,
):
    """Un panel por corredor: sus carreras y las rectas de cada modelo.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos preparados (columnas ``runner``, ``age`` y ``net``).
    lines : mapping
        ``{rótulo: tabla}`` (de una a tres) con tablas como las de
        :func:`~jerarquicos.models.runners.no_pooling_lines` o
        :func:`~jerarquicos.models.runners.posterior_lines` (columnas
        ``intercept`` y ``slope``, una fila por corredor). La primera se dibuja
        con trazo discontinuo y la segunda con trazo lleno.
    runners : sequence
        Corredores a mostrar (un panel cada uno).
    age_center : float
        Edad de referencia con la que se centró la edad (``age_c = age - age_center``).
    population : (float, float), optional
        Recta poblacional (μ_α, μ_β), en gris punteado.
    axes : array of matplotlib.axes.Axes, optional
        Ejes (al menos ``len(runners)``); por omisión una figura nueva con
        ``ncols`` columnas y ejes compartidos.
    ncols : int, default 4
        Columnas de la figura nueva (entero ≥ 1).
    legend : bool, default True
        Agregar la leyenda común arriba de la figura.

    Returns
    -------
    numpy.ndarray of matplotlib.axes.Axes
        Los ejes (los que sobran quedan ocultos).

    Raises
    ------
    TypeError
        Si algún argumento no es del tipo admitido (``ncols`` no entero,
        ``lines`` no es un dict, ``runners`` es una cadena, ...).
    ValueError
        Si ``runners`` está vacío o tiene corredores que no están en ``data``
        o en alguna tabla de ``lines``, ``ncols < 1``, ``age_center`` o
        ``population`` no son finitos, o faltan ejes.
    """
    df = _require_columns(data, ["runner", "age", "net"], "data")
    runner_text = df["runner"].astype(str)
    runners = _check_runner_list(runners, set(runner_text))
    lines = _check_lines(lines, runners)
    age_center = _finite_scalar(age_center, "age_center")
    if population is not None:
        population = _finite_pair(population, "population")
    ncols = _check_ncols(ncols)
    if not isinstance(legend, bool):
        raise TypeError(
            "El argumento 'legend' debe ser True o False; se recibió "
            f"legend={format_value(legend)}."
        )
    if axes is None:
        ncols = min(ncols, len(runners))
        nrows = math.ceil(len(runners) / ncols)
        _, axes = plt.subplots(
            nrows,
            ncols,
            sharex=True,
            sharey=True,
            figsize=(2.2 * ncols, 1.9 * nrows),
            layout="constrained",
        )
    axes = np.atleast_1d(axes).ravel()
    for i, item in enumerate(axes):
        check_ax(item, f"axes[{i}]" if axes.size > 1 else "axes", allow_none=False)
    if axes.size < len(runners):
        raise ValueError(
            f"El argumento 'axes' tiene {axes.size} ejes y 'runners' {len(runners)} "
            "corredores: se necesita al menos un eje por corredor."
        )
    ages = np.linspace(df["age"].min(), df["age"].max(), 2)
    for ax, runner in zip(axes, runners, strict=False):
        group = df[runner_text == runner]
        ax.plot(group["age"], group["net"], "o", color="0.2", markersize=3.5, zorder=3)
        if population is not None:
            ax.plot(ages, population[0] + population[1] * (ages - age_center), **POPULATION_STYLE)
        for table, style in zip(lines.values(), LINE_STYLES, strict=False):
            a, b = table.loc[runner, ["intercept", "slope"]]
            ax.plot(ages, a + b * (ages - age_center), **style)
        ax.set_title(f"corredor {runner}")
    for ax in axes[len(runners) :]:
        ax.set_visible(False)
    # Marcas fijas: con muchos paneles, recalcular las automáticas en cada uno es lo más lento
    # de dibujar la figura (los ejes compartidos comparten el localizador).
    for ax in axes[: len(runners)]:
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_locator(ticker.FixedLocator(axis.get_majorticklocs()))
            axis.set_minor_locator(ticker.NullLocator())
    fig = axes[0].figure
    if legend:
        handles = [plt.Line2D([], [], marker="o", linestyle="", color="0.2", markersize=3.5)]
        labels = ["carreras"]
        for label, style in zip(lines, LINE_STYLES, strict=False):
            handles.append(plt.Line2D([], [], **style))
            labels.append(label)
        if population is not None:
            handles.append(plt.Line2D([], [], **POPULATION_STYLE))
            labels.append("población")
        columns = len(labels) if min(ncols, len(runners)) > 2 else 2
        fig.legend(handles, labels, loc="outside upper center", ncols=columns, frameon=False)
    fig.supxlabel(AGE_LABEL)
    fig.supylabel(TIME_LABEL)
    return axes


def _covariance_ellipse(ax, center, cov, prob: float, **kwargs):
    values, vectors = np.linalg.eigh(np.asarray(cov, dtype=float))
    # radio de la elipse de probabilidad `prob` de una normal bivariada
    radius = np.sqrt(-2.0 * np.log1p(-prob))
    minor, major = 2 * radius * np.sqrt(np.clip(values, 0, None))
    # eigh ordena los autovalores de menor a mayor: la última columna es el eje mayor
    angle = float(np.degrees(np.arctan2(vectors[1, 1], vectors[0, 1])))
    ellipse = Ellipse(center, width=major, height=minor, angle=angle, fill=False, **kwargs)
    ax.add_patch(ellipse)
    return ellipse


def plot_shrinkage_plane(
    no_pooling: pd.DataFrame,
    partial: pd.DataFrame,
    *,
    center: tuple[float, float],
    cov=None,
    probs: Sequence[float] = (0.5, 0.9),
    ax=None,
):
    """Flechas de la estimación sin pooling a la multinivel en el plano (ordenada, pendiente).

    Parameters
    ----------
    no_pooling, partial : pandas.DataFrame
        Tablas con columnas ``intercept`` y ``slope`` e índice ``runner``
        (:func:`~jerarquicos.models.runners.no_pooling_lines` y
        :func:`~jerarquicos.models.runners.posterior_lines`).
    center : (float, float)
        Media poblacional (μ_α, μ_β).
    cov : array_like of shape (2, 2), optional
        Matriz de covarianza poblacional Σ (simétrica, semidefinida positiva);
        si se da, se dibujan sus elipses de probabilidad ``probs``.
    probs : sequence of float, optional
        Probabilidades de las elipses (por omisión 0.5 y 0.9), entre 0 y 1.
    ax : matplotlib.axes.Axes, optional
        Ejes (por omisión, una figura nueva).

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        Si las tablas no son DataFrames o ``center``, ``cov`` o ``probs`` no son
        numéricos.
    ValueError
        Si las tablas no tienen los mismos corredores, ``cov`` no es una matriz
        2 × 2 simétrica semidefinida positiva, o algún valor no es finito o
        está fuera de rango.
    """
    ax = check_ax(ax)
    for name, table in (("no_pooling", no_pooling), ("partial", partial)):
        _require_columns(table, ["intercept", "slope"], name)
    missing = sorted(set(no_pooling.index) - set(partial.index))
    if missing:
        raise ValueError(
            f"Los corredores {missing} están en no_pooling pero no en partial: se admiten "
            "dos tablas con los mismos corredores."
        )
    center = _finite_pair(center, "center")
    if cov is not None:
        cov = check_real_array(cov, "cov")
        if cov.shape != (2, 2):
            raise ValueError(
                f"El argumento 'cov' tiene forma {cov.shape}: se admite una matriz 2 × 2."
            )
        if not (
            np.all(np.isfinite(cov))
            and np.allclose(cov, cov.T)
            and np.all(np.linalg.eigvalsh(cov) >= -1e-12 * np.abs(cov).max())
        ):
            raise ValueError(
                "El argumento 'cov' debe ser una matriz de covarianza (finita, simétrica y "
                f"semidefinida positiva); se recibió cov={format_value(cov)}."
            )
    if isinstance(probs, str | bytes) or not isinstance(probs, Sequence | np.ndarray):
        raise TypeError(
            f"El argumento 'probs' es de tipo {type(probs).__name__}: se admite una secuencia "
            "de probabilidades."
        )
    probs = [check_prob(p, f"probs[{i}]") for i, p in enumerate(probs)]
    ax = axes_or_new(ax)
    partial = partial.loc[no_pooling.index]
    for (x0, y0), (x1, y1) in zip(
        no_pooling[["intercept", "slope"]].to_numpy(),
        partial[["intercept", "slope"]].to_numpy(),
        strict=True,
    ):
        ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops={"arrowstyle": "->", "color": "0.55", "lw": 0.8, "shrinkA": 0, "shrinkB": 2},
        )
    ax.plot(
        no_pooling["intercept"],
        no_pooling["slope"],
        "o",
        markerfacecolor="white",
        markeredgecolor="C1",
        markersize=5,
        label="sin pooling",
    )
    ax.plot(
        partial["intercept"], partial["slope"], "o", color="C0", markersize=4, label="multinivel"
    )
    ax.plot(
        *center,
        marker="+",
        color="k",
        markersize=12,
        markeredgewidth=2,
        linestyle="",
        label="media poblacional",
    )
    if cov is not None:
        for prob in probs:
            _covariance_ellipse(ax, center, cov, prob, color="0.35", linestyle=":", linewidth=1)
    ax.set_xlabel(INTERCEPT_LABEL)
    ax.set_ylabel(SLOPE_LABEL)
    ax.legend(frameon=False, loc="upper left")
    return ax


# --------------------------------------------------------------------------- figuras


def runner_times_figure(data: pd.DataFrame, *, layout):
    """Figura de :func:`plot_runner_times` para :func:`~jerarquicos.plots.layout.show`.

    Parameters
    ----------
    data : pandas.DataFrame
        Ver :func:`plot_runner_times`.
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    fig, (ax,) = subplots(1, layout, panel_aspect=0.55 if layout.max_cols > 2 else 0.75)
    plot_runner_times(data, ax=ax)
    return fig


def rho_posterior_figure(draws, *, eta: float = 1.0, interval=None, prob=None, layout):
    """Figura de :func:`plot_rho_posterior` para :func:`~jerarquicos.plots.layout.show`.

    Parameters
    ----------
    draws, eta, interval, prob
        Ver :func:`plot_rho_posterior`.
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    fig, (ax,) = subplots(1, layout, panel_aspect=0.45 if layout.max_cols > 2 else 0.7)
    plot_rho_posterior(draws, eta=eta, interval=interval, prob=prob, ax=ax)
    return fig


def agreement_figure(
    first: pd.DataFrame,
    second: pd.DataFrame,
    *,
    first_name: str,
    second_name: str,
    layout,
):
    """Ordenadas y pendientes de cada corredor según dos ajustes, contra la identidad.

    Dos paneles (ordenadas; pendientes) con
    :func:`jerarquicos.plots.pooling.plot_agreement`; en la diagramación
    angosta se apilan (uno al lado del otro, los rótulos no caben).

    Parameters
    ----------
    first, second : pandas.DataFrame
        Tablas de :func:`~jerarquicos.models.runners.posterior_lines` con los
        mismos corredores (``first`` va en el eje horizontal).
    first_name, second_name : str
        Nombres de los ajustes, para los rótulos de los ejes.
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError, ValueError
        Si las tablas no tienen las columnas o los corredores de la otra, o
        los nombres no son cadenas.
    """
    layout = check_layout(layout)
    for name, table in (("first", first), ("second", second)):
        _require_columns(table, ["intercept", "slope"], name)
    for name, value in (("first_name", first_name), ("second_name", second_name)):
        if not isinstance(value, str):
            raise TypeError(
                f"El argumento '{name}' debe ser una cadena; se recibió "
                f"{name}={format_value(value)} (de tipo {type(value).__name__})."
            )
    if set(first.index) != set(second.index):
        raise ValueError(
            "Los argumentos 'first' y 'second' deben tener los mismos corredores; difieren en "
            f"{sorted(set(first.index) ^ set(second.index), key=str)}."
        )
    second = second.loc[first.index]
    wide = layout.max_cols > 2
    fig, axes = subplots(2, layout, cols=2 if wide else 1, panel_aspect=1.0 if wide else 0.8)
    panels = (
        ("intercept", "ordenadas al origen", "minutos"),
        ("slope", "pendientes", "minutos por año"),
    )
    for ax, (column, title, unit) in zip(axes, panels, strict=True):
        plot_agreement(
            first[column],
            second[column],
            ax=ax,
            xlabel=f"{first_name} ({unit})",
            ylabel=f"{second_name} ({unit})",
        )
        ax.set_title(title)
    axes[1].get_legend().remove()
    return fig


def runner_panels_figure(
    data: pd.DataFrame,
    lines: Mapping[str, pd.DataFrame],
    runners: Sequence,
    *,
    age_center: float,
    population: tuple[float, float] | None = None,
    layout,
):
    """Figura de :func:`plot_runner_panels`: 4 columnas en la ancha, 2 en la angosta.

    Parameters
    ----------
    data, lines, runners, age_center, population
        Ver :func:`plot_runner_panels`.
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    df = _require_columns(data, ["runner", "age", "net"], "data")
    labels = _check_runner_list(runners, set(df["runner"].astype(str)))
    aspect = 0.78 if layout.max_cols > 2 else 0.64
    fig, axes = subplots(
        len(labels), layout, cols=4, panel_aspect=aspect, extra=0.5, sharex=True, sharey=True
    )
    plot_runner_panels(
        df,
        lines,
        labels,
        age_center=age_center,
        population=population,
        axes=axes,
        ncols=min(layout.max_cols, len(labels)),
    )
    return fig


def shrinkage_plane_figure(
    no_pooling: pd.DataFrame,
    partial: pd.DataFrame,
    *,
    center: tuple[float, float],
    cov=None,
    probs: Sequence[float] = (0.5, 0.9),
    layout,
):
    """Figura de :func:`plot_shrinkage_plane` para :func:`~jerarquicos.plots.layout.show`.

    Parameters
    ----------
    no_pooling, partial, center, cov, probs
        Ver :func:`plot_shrinkage_plane`.
    layout : jerarquicos.plots.layout.Layout
        Diagramación (ancha o angosta).

    Returns
    -------
    matplotlib.figure.Figure
    """
    layout = check_layout(layout)
    fig, (ax,) = subplots(1, layout, panel_aspect=0.7 if layout.max_cols > 2 else 0.95)
    plot_shrinkage_plane(no_pooling, partial, center=center, cov=cov, probs=probs, ax=ax)
    return fig
