"""Gráficos del capítulo de los corredores (Cherry Blossom Ten Mile).

Todas reciben ``ax=None`` o ``axes=None``, devuelven los ejes y nunca llaman a
``plt.show()``: :func:`plot_runner_times`, :func:`plot_runner_panels` y
:func:`plot_shrinkage_plane`. Las rectas que dibujan son tablas por corredor
(índice ``runner``; columnas ``intercept`` y ``slope``) que calcula
:mod:`jerarquicos.models.runners` (:func:`~jerarquicos.models.runners.no_pooling_lines`,
:func:`~jerarquicos.models.runners.posterior_lines`). Los colores son los de la
paleta por omisión de matplotlib (``tab10``), distinguibles con daltonismo en
las combinaciones que se usan aquí (azul, naranja y gris), y además cada serie
usa otro tipo de trazo o marcador.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Ellipse

__all__ = ["plot_runner_panels", "plot_runner_times", "plot_shrinkage_plane"]

AGE_LABEL = "edad (años)"
TIME_LABEL = "tiempo neto (minutos)"
INTERCEPT_LABEL = "ordenada: minutos a la edad de referencia"
SLOPE_LABEL = "pendiente: minutos por año"


def _require_columns(data, columns: Sequence[str], argument: str) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"El argumento {argument} es de tipo {type(data).__name__}: se admite un "
            f"pandas.DataFrame con las columnas {list(columns)}."
        )
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ValueError(
            f"Al argumento {argument} le faltan las columnas {missing}: se admite un "
            f"DataFrame con {list(columns)} (por ejemplo, el de prepare_runners())."
        )
    return data


# --------------------------------------------------------------------------- gráficos


def _ax(ax):
    if ax is None:
        _, ax = plt.subplots()
    return ax


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
    """
    df = _require_columns(data, ["runner", "age", "net"], "data")
    ax = _ax(ax)
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


def plot_runner_panels(
    data: pd.DataFrame,
    lines: Mapping[str, pd.DataFrame],
    runners: Sequence,
    *,
    age_center: float,
    population: tuple[float, float] | None = None,
    axes=None,
    ncols: int = 4,
):
    """Un panel por corredor: sus carreras y las rectas de cada modelo.

    Parameters
    ----------
    data : pandas.DataFrame
        Datos preparados (columnas ``runner``, ``age`` y ``net``).
    lines : mapping
        ``{rótulo: tabla}`` con tablas como las de :func:`no_pooling_lines` o
        :func:`posterior_lines` (columnas ``intercept`` y ``slope``). La
        primera se dibuja con trazo discontinuo y la segunda con trazo lleno.
    runners : sequence
        Corredores a mostrar (un panel cada uno).
    age_center : float
        Edad de referencia con la que se centró la edad (``age_c = age - age_center``).
    population : (float, float), optional
        Recta poblacional (μ_α, μ_β), en gris punteado.
    axes : array of matplotlib.axes.Axes, optional
        Ejes (al menos ``len(runners)``); por omisión una figura nueva con
        ``ncols`` columnas y ejes compartidos.
    ncols : int, optional
        Columnas de la figura nueva.

    Returns
    -------
    numpy.ndarray of matplotlib.axes.Axes
        Los ejes (los que sobran quedan ocultos).
    """
    df = _require_columns(data, ["runner", "age", "net"], "data")
    runners = [str(r) for r in runners]
    if not runners:
        raise ValueError("El argumento runners está vacío: se admite al menos un corredor.")
    known = set(df["runner"].astype(str))
    unknown = [r for r in runners if r not in known]
    if unknown:
        raise ValueError(
            f"El argumento runners contiene corredores que no están en data: {unknown}."
        )
    for label, table in lines.items():
        _require_columns(table, ["intercept", "slope"], f"lines[{label!r}]")
    if axes is None:
        nrows = int(np.ceil(len(runners) / ncols))
        _, axes = plt.subplots(
            nrows, ncols, sharex=True, sharey=True, figsize=(2.2 * ncols, 1.9 * nrows)
        )
    axes = np.atleast_1d(axes).ravel()
    if axes.size < len(runners):
        raise ValueError(
            f"El argumento axes tiene {axes.size} ejes y runners {len(runners)} corredores: "
            "se necesita al menos un eje por corredor."
        )
    ages = np.linspace(df["age"].min(), df["age"].max(), 2)
    styles = [
        {"color": "C1", "linestyle": "--", "linewidth": 1.4},
        {"color": "C0", "linestyle": "-", "linewidth": 1.8},
    ]
    runner_text = df["runner"].astype(str)
    for ax, runner in zip(axes, runners, strict=False):
        group = df[runner_text == runner]
        ax.plot(group["age"], group["net"], "o", color="0.2", markersize=3.5, zorder=3)
        if population is not None:
            ax.plot(
                ages,
                population[0] + population[1] * (ages - age_center),
                color="0.55",
                linestyle=":",
                linewidth=1.2,
            )
        for (_, table), style in zip(lines.items(), styles * len(lines), strict=False):
            a, b = table.loc[runner, ["intercept", "slope"]]
            ax.plot(ages, a + b * (ages - age_center), **style)
        ax.set_title(f"corredor {runner}", fontsize="small")
    for ax in axes[len(runners) :]:
        ax.set_visible(False)
    handles = [plt.Line2D([], [], marker="o", linestyle="", color="0.2", markersize=3.5)]
    labels = ["carreras"]
    for (label, _), style in zip(lines.items(), styles * len(lines), strict=False):
        handles.append(plt.Line2D([], [], **style))
        labels.append(label)
    if population is not None:
        handles.append(plt.Line2D([], [], color="0.55", linestyle=":", linewidth=1.2))
        labels.append("población")
    fig = axes[0].figure
    fig.legend(
        handles,
        labels,
        loc="outside upper center",
        ncols=len(labels),
        frameon=False,
        fontsize="small",
    )
    fig.supxlabel(AGE_LABEL, fontsize="medium")
    fig.supylabel(TIME_LABEL, fontsize="medium")
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
        (:func:`no_pooling_lines` y :func:`posterior_lines`).
    center : (float, float)
        Media poblacional (μ_α, μ_β).
    cov : array_like of shape (2, 2), optional
        Matriz de covarianza poblacional Σ; si se da, se dibujan sus elipses
        de probabilidad ``probs``.
    probs : sequence of float, optional
        Probabilidades de las elipses (por omisión 0.5 y 0.9).
    ax : matplotlib.axes.Axes, optional
        Ejes (por omisión, una figura nueva).

    Returns
    -------
    matplotlib.axes.Axes
    """
    for name, table in (("no_pooling", no_pooling), ("partial", partial)):
        _require_columns(table, ["intercept", "slope"], name)
    missing = sorted(set(no_pooling.index) - set(partial.index))
    if missing:
        raise ValueError(
            f"Los corredores {missing} están en no_pooling pero no en partial: se admiten "
            "dos tablas con los mismos corredores."
        )
    if cov is not None:
        cov = np.asarray(cov, dtype=float)
        if cov.shape != (2, 2):
            raise ValueError(
                f"El argumento cov tiene forma {cov.shape}: se admite una matriz 2 × 2."
            )
    ax = _ax(ax)
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
        label="sin pooling (cada corredor solo)",
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
    ax.legend(frameon=False, fontsize="small")
    return ax
