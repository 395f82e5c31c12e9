r"""Figuras que se leen en el teléfono y en la computadora: dos diagramaciones.

Una figura del libro se dibuja dos veces, con la misma función:

* :data:`WIDE` — para la computadora y el PDF: 8 pulgadas de ancho, los paneles
  en varias columnas, en PNG;
* :data:`NARROW` — para el teléfono: 4,6 pulgadas, como mucho dos columnas (los
  paneles se apilan), en SVG: nítida en pantallas densas, liviana, y se puede
  ampliar sin perder definición.

:func:`show` dibuja ambas y las muestra como UNA salida del cuaderno con dos
representaciones (``image/png`` y ``image/svg+xml``), cada una con su ancho y
alto en píxeles CSS. Al construir el sitio, la extensión ``_ext/figures.py``
las junta en un ``<picture>``: el navegador baja sólo la que corresponde al
ancho de la pantalla, y un toque sobre la figura la abre ampliada. El PDF usa
la ancha.

Toda la letra de la figura (números de los ejes, leyendas, títulos) se mide
al dibujarla: el texto más chico, en píxeles CSS una vez que la figura ocupa
el ancho de la columna más angosta que la recibe (:attr:`Layout.column_px`),
debe ser de al menos :data:`MIN_TEXT_PX`; si no, :func:`show` lanza un
``ValueError`` y la construcción del libro falla. La medida (en píxeles CSS al
tamaño natural de la imagen) se guarda en los metadatos del archivo
(``jerarquicos:min_text_px``) para que ``scripts/check_site.py`` la compruebe
con el ancho con que el navegador muestra de verdad la imagen.

Una función de figura recibe ``layout`` (un :class:`Layout`) y devuelve una
``matplotlib.figure.Figure``; para armar los paneles usa :func:`subplots`.
"""

from __future__ import annotations

import base64
import io
import math
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.text import Text

from ..validation import check_finite_scalar, check_integer, check_layout, format_value


def _positive(value, name: str) -> float:
    x = check_finite_scalar(value, name)
    if x <= 0:
        raise ValueError(
            f"El argumento '{name}' debe ser un número finito mayor que 0; se recibió "
            f"{name}={format_value(x)}."
        )
    return x


def _non_negative(value, name: str) -> float:
    x = check_finite_scalar(value, name)
    if x < 0:
        raise ValueError(
            f"El argumento '{name}' debe ser un número finito no negativo; se recibió "
            f"{name}={format_value(x)}."
        )
    return x


__all__ = [
    "LAYOUTS",
    "MIN_TEXT_PX",
    "NARROW",
    "WIDE",
    "Layout",
    "show",
    "smallest_text_pt",
    "subplots",
]

#: Letra más chica admitida, en píxeles CSS, con la figura al ancho de la columna.
MIN_TEXT_PX = 10.0
#: Clave, en la descripción del PNG o del SVG, de la letra más chica en píxeles CSS
#: con la imagen a su tamaño natural.
PNG_KEY = "jerarquicos:min_text_px"


@dataclass(frozen=True)
class Layout:
    """Una diagramación: ancho de la figura, resolución, letra y columnas de paneles.

    Attributes
    ----------
    name : str
        ``"wide"`` o ``"narrow"``.
    fmt : {"png", "svg"}
        Formato del archivo.
    width : float
        Ancho de la figura, en pulgadas.
    dpi : float
        Resolución del PNG (en SVG sólo fija el tamaño de lo rasterizado).
    css_scale : float
        Píxeles del PNG por píxel CSS (el ancho CSS es ``width * dpi / css_scale``).
        En SVG el ancho CSS es ``width * 96``.
    column_px : float
        Ancho CSS más chico con el que se muestra esta diagramación (la columna
        de texto más angosta que la recibe: 342 px en un teléfono de 390 px; la
        ancha se muestra desde pantallas de 600 px).
    font_size : float
        Letra de rótulos y títulos, en puntos.
    small_size : float
        Letra de los números de los ejes y de las leyendas, en puntos.
    max_cols : int
        Columnas de paneles como máximo.
    """

    name: str
    fmt: str
    width: float
    dpi: float
    css_scale: float
    column_px: float
    font_size: float
    small_size: float
    max_cols: int

    @property
    def rc(self) -> dict:
        """Parámetros de matplotlib de esta diagramación."""
        return {
            "figure.dpi": self.dpi,
            "savefig.dpi": self.dpi,
            "font.size": self.font_size,
            "axes.titlesize": self.font_size,
            "axes.labelsize": self.font_size,
            "figure.titlesize": self.font_size,
            "figure.labelsize": self.font_size,
            "xtick.labelsize": self.small_size,
            "ytick.labelsize": self.small_size,
            "legend.fontsize": self.small_size,
            "legend.title_fontsize": self.small_size,
        }

    def figsize(self, rows: int = 1, *, panel_aspect: float = 0.62, extra: float = 0.0):
        """Tamaño de una figura con ``rows`` filas de paneles de la proporción dada.

        Parameters
        ----------
        rows : int
            Filas de paneles.
        panel_aspect : float
            Alto de cada panel dividido por el ancho de la figura (para una fila).
        extra : float
            Pulgadas que se agregan al alto (leyendas, títulos comunes).
        """
        rows = check_integer(rows, "rows", minimum=1)
        panel_aspect = _positive(panel_aspect, "panel_aspect")
        extra = _non_negative(extra, "extra")
        return (self.width, rows * panel_aspect * self.width + extra)


WIDE = Layout(
    "wide",
    fmt="png",
    width=8.0,
    dpi=120,
    css_scale=1.2,
    column_px=600.0,
    font_size=11.0,
    small_size=10.0,
    max_cols=4,
)
NARROW = Layout(
    "narrow",
    fmt="svg",
    width=4.6,
    dpi=150,
    css_scale=1.0,
    column_px=342.0,
    font_size=11.5,
    small_size=10.5,
    max_cols=2,
)
LAYOUTS = (WIDE, NARROW)


def subplots(
    n_panels: int,
    layout: Layout,
    *,
    cols: int | None = None,
    panel_aspect: float | None = None,
    extra: float = 0.0,
    **kwargs,
):
    """Figura con ``n_panels`` paneles en tantas columnas como permita ``layout``.

    Parameters
    ----------
    n_panels : int
        Paneles que hacen falta (los que sobran en la última fila se ocultan).
    layout : Layout
        :data:`WIDE` o :data:`NARROW`.
    cols : int, optional
        Columnas deseadas en la figura ancha (por omisión, todos los paneles en
        una fila); nunca más que ``layout.max_cols``.
    panel_aspect : float, optional
        Alto de cada panel dividido por su ancho (por omisión 0.75).
    extra : float
        Pulgadas extra de alto (leyendas o rótulos comunes).
    **kwargs
        Se pasan a :func:`matplotlib.pyplot.subplots` (``sharex``, ``sharey``…).

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : numpy.ndarray of matplotlib.axes.Axes
        Los ``n_panels`` ejes en orden de lectura (1-D).
    """
    layout = check_layout(layout)
    n_panels = check_integer(n_panels, "n_panels", minimum=1)
    if cols is not None:
        cols = check_integer(cols, "cols", minimum=1)
    aspect = 0.75 if panel_aspect is None else _positive(panel_aspect, "panel_aspect")
    extra = _non_negative(extra, "extra")
    wanted = n_panels if cols is None else cols
    ncols = max(1, min(wanted, layout.max_cols, n_panels))
    nrows = math.ceil(n_panels / ncols)
    height = nrows * aspect * layout.width / ncols + extra
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(layout.width, height), squeeze=False, layout="constrained", **kwargs
    )
    flat = axes.ravel()
    for ax in flat[n_panels:]:
        ax.set_visible(False)
    return fig, flat[:n_panels]


def smallest_text_pt(fig: Figure) -> float:
    """Tamaño, en puntos, del texto visible más chico de ``fig`` (ya dibujada).

    Parameters
    ----------
    fig : matplotlib.figure.Figure

    Returns
    -------
    float
        ``inf`` si la figura no tiene texto.
    """
    if not isinstance(fig, Figure):
        raise TypeError(
            "El argumento 'fig' debe ser una matplotlib.figure.Figure; se recibió "
            f"fig={format_value(fig)} (de tipo {type(fig).__name__})."
        )
    sizes = []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        axes = text.axes
        if axes is not None and not axes.get_visible():
            continue
        if text.figure is None:
            continue
        sizes.append(float(text.get_fontsize()))
    return min(sizes, default=math.inf)


def _png_with_text(data: bytes, key: str, text: str) -> bytes:
    """Agrega al PNG ``data`` un bloque ``tEXt`` (``key``, ``text``) antes de ``IEND``."""
    payload = key.encode("latin-1") + b"\0" + text.encode("latin-1")
    chunk = (
        len(payload).to_bytes(4, "big")
        + b"tEXt"
        + payload
        + zlib.crc32(b"tEXt" + payload).to_bytes(4, "big")
    )
    end = data.rindex(b"IEND") - 4  # el largo (4 bytes) precede al tipo
    return data[:end] + chunk + data[end:]


def _save(fig: Figure, layout: Layout) -> tuple[bytes, float, float, float]:
    """Archivo de ``fig`` y sus medidas: ancho y alto CSS y letra mínima CSS (tamaño natural).

    Se dibuja una sola vez (``savefig``); la letra más chica se mide después, sobre
    los textos ya ubicados, y se anota en el archivo.
    """
    width_in, height_in = fig.get_size_inches()
    css_per_inch = 96.0 if layout.fmt == "svg" else layout.dpi / layout.css_scale
    buffer = io.BytesIO()
    if layout.fmt == "svg":
        with mpl.rc_context({"svg.hashsalt": "jerarquicos", "svg.fonttype": "path"}):
            fig.savefig(buffer, format="svg", metadata={"Date": None})
    else:
        fig.savefig(buffer, format="png", dpi=layout.dpi)
    min_css = smallest_text_pt(fig) / 72.0 * css_per_inch
    data = buffer.getvalue()
    if math.isfinite(min_css):
        note = f"{PNG_KEY}={min_css:.3f}"
        if layout.fmt == "svg":
            head, sep, rest = data.partition(b"?>\n")
            data = head + sep + f"<!-- {note} -->\n".encode() + rest
        else:
            data = _png_with_text(data, "Description", note)
    return data, width_in * css_per_inch, height_in * css_per_inch, min_css


def render(draw: Callable[..., Figure], layout: Layout, *args, **kwargs) -> dict:
    """Dibuja ``draw(*args, layout=layout, **kwargs)`` y devuelve el archivo con sus medidas.

    Returns
    -------
    dict
        ``data`` (bytes del PNG o del SVG), ``mime`` (su tipo), ``width`` y
        ``height`` (píxeles CSS al tamaño natural), ``min_text_px`` (la letra más
        chica en píxeles CSS con la figura al ancho ``layout.column_px``, o a su
        tamaño natural si es menor).

    Raises
    ------
    TypeError
        Si ``layout`` no es un :class:`Layout` o ``draw`` no devuelve una ``Figure``.
    ValueError
        Si la letra más chica queda por debajo de :data:`MIN_TEXT_PX`.
    """
    layout = check_layout(layout)
    name = getattr(draw, "__name__", repr(draw))
    with mpl.rc_context(layout.rc):
        fig = draw(*args, layout=layout, **kwargs)
        if not isinstance(fig, Figure):
            plt.close("all")
            raise TypeError(
                f"La función de figura {name!r} debe devolver una matplotlib.figure.Figure; "
                f"devolvió un objeto de tipo {type(fig).__name__}."
            )
        try:
            data, css_w, css_h, min_natural = _save(fig, layout)
        finally:
            plt.close(fig)
    shown = min(css_w, layout.column_px)
    min_css = min_natural * shown / css_w
    if min_css < MIN_TEXT_PX:
        raise ValueError(
            f"La figura de {name!r} ({layout.name}) tiene texto de {min_css:.1f} px CSS al "
            f"mostrarse con {shown:.0f} px de ancho; el mínimo es {MIN_TEXT_PX:g} px. Use la "
            "letra de la diagramación (sin fontsize más chico) o achique la figura."
        )
    return {
        "data": data,
        "mime": "image/svg+xml" if layout.fmt == "svg" else "image/png",
        "width": round(css_w),
        "height": round(css_h),
        "min_text_px": min_css,
    }


def show(draw: Callable[..., Figure], *args, **kwargs) -> None:
    """Muestra la figura de ``draw`` en sus dos diagramaciones (ancha y angosta).

    Parameters
    ----------
    draw : callable
        Función de figura: ``draw(*args, layout=..., **kwargs)`` devuelve una
        ``matplotlib.figure.Figure``.
    *args, **kwargs
        Se pasan a ``draw``.

    Raises
    ------
    TypeError, ValueError
        Ver :func:`render`.
    """
    from IPython.display import display

    if not callable(draw):
        raise TypeError(
            "El argumento 'draw' debe ser una función de figura (que reciba layout= y "
            f"devuelva una Figure); se recibió un objeto de tipo {type(draw).__name__}."
        )
    data, metadata = {}, {}
    for layout in LAYOUTS:
        out = render(draw, layout, *args, **kwargs)
        if out["mime"] == "image/png":
            data[out["mime"]] = base64.b64encode(out["data"]).decode("ascii")
        else:
            data[out["mime"]] = out["data"].decode("utf-8")
        metadata[out["mime"]] = {"width": out["width"], "height": out["height"]}
    display(data, raw=True, metadata=metadata)
