"""Figuras interactivas sin servidor: curvas precalculadas y un control deslizante.

La figura es HTML + SVG + unas líneas de JavaScript sin dependencias: todos
los cuadros se calculan en Python al construir el libro y viajan como JSON
dentro de la página, de modo que funciona en el sitio estático (y sin
conexión). Para imprimir, el capítulo muestra además una figura estática; la
interactiva se oculta al imprimir (``@media print``).
"""

from __future__ import annotations

import html
import json
import uuid
from collections.abc import Mapping, Sequence

import numpy as np

_PANEL_W, _PANEL_H, _PAD = 260, 170, 30


def _check_inputs(x, frames, slider_values):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size < 2 or not np.all(np.isfinite(x)) or np.any(np.diff(x) <= 0):
        raise ValueError(
            "El argumento 'x' debe ser un vector finito y estrictamente creciente de al menos "
            f"2 puntos; se recibió uno de forma {x.shape}."
        )
    values = np.asarray(slider_values, dtype=float)
    if values.ndim != 1 or values.size < 2 or not np.all(np.isfinite(values)):
        raise ValueError(
            "El argumento 'slider_values' debe tener al menos 2 valores finitos; "
            f"se recibió {slider_values!r}."
        )
    if not isinstance(frames, Mapping) or not frames:
        raise TypeError(
            "El argumento 'frames' debe ser un diccionario no vacío {nombre: matriz}; "
            f"se recibió {type(frames).__name__}."
        )
    clean = {}
    for name, arr in frames.items():
        arr = np.asarray(arr, dtype=float)
        if arr.shape != (values.size, x.size):
            raise ValueError(
                f"frames[{name!r}] debe tener forma (len(slider_values), len(x)) = "
                f"({values.size}, {x.size}); tiene {arr.shape}."
            )
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"frames[{name!r}] contiene valores no finitos (NaN o infinito).")
        clean[name] = arr
    return x, clean, values


def slider_figure_html(
    x: Sequence[float],
    frames: Mapping[str, np.ndarray],
    slider_values: Sequence[float],
    *,
    slider_label: str,
    panel_titles: Mapping[str, str] | None = None,
    x_label: str = "",
    alt: str,
    initial: float | None = None,
    digits: int = 4,
) -> str:
    """Devuelve el HTML de una figura con un panel por serie y un deslizador.

    Parameters
    ----------
    x : sequence of float
        Abscisas comunes a todas las curvas (p. ej. la grilla de 0 a 1).
    frames : mapping of str to array, shape (n_values, n_x)
        Para cada panel, una curva por valor del deslizador.
    slider_values : sequence of float
        Valores que recorre el deslizador (p. ej. los κ precalculados).
    slider_label : str
        Texto del deslizador, en castellano (p. ej. ``"Concentración κ"``).
    panel_titles : mapping of str to str, optional
        Título de cada panel; por omisión, la clave de ``frames``.
    x_label : str
        Rótulo común del eje horizontal.
    alt : str
        Descripción accesible de la figura (se usa como ``aria-label``).
    initial : float, optional
        Valor inicial; por omisión, el más cercano a la mediana.
    digits : int
        Cifras significativas con que se guardan las curvas (tamaño de la página).

    Returns
    -------
    str
        Fragmento HTML autónomo; en un cuaderno se muestra con
        ``IPython.display.HTML``.
    """
    x, frames, values = _check_inputs(x, frames, slider_values)
    if not alt or not alt.strip():
        raise ValueError("El argumento 'alt' debe describir la figura; se recibió un texto vacío.")
    titles = {name: (panel_titles or {}).get(name, name) for name in frames}
    start = int(np.argmin(np.abs(values - (np.median(values) if initial is None else initial))))
    fmt = f"{{:.{digits}g}}"
    payload = {
        "x": [float(fmt.format(v)) for v in x],
        "values": [float(fmt.format(v)) for v in values],
        "series": {
            name: [[float(fmt.format(v)) for v in row] for row in arr]
            for name, arr in frames.items()
        },
        "ymax": {name: float(arr.max()) * 1.05 or 1.0 for name, arr in frames.items()},
    }
    uid = "fig-" + uuid.uuid4().hex[:8]
    panels = "".join(
        f'<figure class="jq-panel"><figcaption>{html.escape(titles[name])}</figcaption>'
        f'<svg viewBox="0 0 {_PANEL_W} {_PANEL_H}" role="img" '
        f'aria-label="{html.escape(titles[name])}">'
        f'<line x1="{_PAD}" y1="{_PANEL_H - _PAD}" x2="{_PANEL_W - 5}" y2="{_PANEL_H - _PAD}" '
        f'stroke="currentColor" stroke-width="1"/>'
        f'<text x="{_PAD}" y="{_PANEL_H - 8}" font-size="11" fill="currentColor">0</text>'
        f'<text x="{_PANEL_W - 12}" y="{_PANEL_H - 8}" font-size="11" fill="currentColor">1</text>'
        f'<text x="{_PANEL_W / 2}" y="{_PANEL_H - 8}" font-size="12" text-anchor="middle" '
        f'fill="currentColor">{html.escape(x_label)}</text>'
        f'<polyline data-series="{html.escape(name)}" fill="none" stroke="#21918c" '
        f'stroke-width="2"/></svg></figure>'
        for name in frames
    )
    return f"""<div class="jq-interactive" id="{uid}" role="group" aria-label="{html.escape(alt)}">
<style>
#{uid} {{ max-width: 100%; }}
#{uid} .jq-panels {{ display: flex; flex-wrap: wrap; gap: .5rem; }}
#{uid} .jq-panel {{ flex: 1 1 220px; margin: 0; max-width: 100%; }}
#{uid} .jq-panel svg {{ width: 100%; height: auto; }}
#{uid} figcaption {{ font-size: .9rem; text-align: center; }}
#{uid} label {{ display: block; margin: .5rem 0; }}
#{uid} input[type=range] {{ width: 100%; }}
@media print {{ #{uid} {{ display: none; }} }}
</style>
<label>{html.escape(slider_label)} = <output>{fmt.format(values[start])}</output>
<input type="range" min="0" max="{values.size - 1}" step="1" value="{start}"
 aria-valuetext="{fmt.format(values[start])}"></label>
<div class="jq-panels">{panels}</div>
<script type="application/json">{json.dumps(payload, separators=(",", ":"))}</script>
<script>
(function () {{
  var root = document.getElementById("{uid}");
  var data = JSON.parse(root.querySelector("script[type='application/json']").textContent);
  var W = {_PANEL_W}, H = {_PANEL_H}, P = {_PAD};
  var input = root.querySelector("input"), out = root.querySelector("output");
  function draw(i) {{
    out.textContent = data.values[i];
    input.setAttribute("aria-valuetext", data.values[i]);
    root.querySelectorAll("polyline").forEach(function (line) {{
      var name = line.getAttribute("data-series"), ys = data.series[name][i];
      var ymax = data.ymax[name], x0 = data.x[0], x1 = data.x[data.x.length - 1];
      line.setAttribute("points", data.x.map(function (x, k) {{
        var px = P + (x - x0) / (x1 - x0) * (W - P - 5);
        var py = (H - P) - ys[k] / ymax * (H - P - 8);
        return px.toFixed(1) + "," + py.toFixed(1);
      }}).join(" "));
    }});
  }}
  input.addEventListener("input", function () {{ draw(+input.value); }});
  draw(+input.value);
}})();
</script>
</div>"""
