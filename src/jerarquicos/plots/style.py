"""Estilo común de las figuras y rótulos matemáticos de las dimensiones."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt

from ..validation import check_text

__all__ = ["AXIS_LABELS", "STYLE", "axis_label", "use_style"]

#: Etiquetas en notación matemática para las dimensiones habituales.
AXIS_LABELS = {
    "pi": r"$\pi$",
    "omega": r"$\omega$",
    "subject": "sujeto",
}

#: Estilo común de las figuras: resolución moderada para que las páginas pesen poco.
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.figsize": (6.4, 4.0),
    "figure.constrained_layout.use": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": "medium",
    "image.cmap": "viridis",
    "axes.formatter.use_locale": False,
}


def use_style() -> None:
    """Vuelve a los valores de fábrica de matplotlib y aplica :data:`STYLE`.

    Se llama en la celda de preparación de cada capítulo. Empezar de
    ``rcdefaults()`` hace que un ``matplotlibrc`` del usuario no cambie las
    figuras del libro.
    """
    mpl.rcdefaults()
    plt.rcParams.update(STYLE)


def axis_label(dim: str) -> str:
    """Devuelve la etiqueta matemática de una dimensión (``pi_2`` → ``$\\pi_2$``).

    Parameters
    ----------
    dim : str
        Nombre de la dimensión.

    Returns
    -------
    str
        Etiqueta para un eje de matplotlib.

    Raises
    ------
    TypeError
        Si ``dim`` no es una cadena.
    """
    dim = check_text(dim, "dim")
    if dim in AXIS_LABELS:
        return AXIS_LABELS[dim]
    base, _, index = dim.rpartition("_")
    if base in AXIS_LABELS and index.isdigit():
        return AXIS_LABELS[base][:-1] + f"_{{{index}}}$"
    return dim


def axes_or_new(ax):
    """Devuelve ``ax``, o unos ejes en una figura nueva si ``ax`` es ``None``."""
    if ax is None:
        _, ax = plt.subplots()
    return ax
