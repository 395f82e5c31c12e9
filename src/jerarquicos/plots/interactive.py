"""Figuras interactivas sin servidor: curvas precalculadas y un control deslizante.

Pensada también para el teléfono y el modo oscuro: el deslizador y los botones
«−»/«+» miden al menos 44 px (blanco táctil), los paneles son bajos (2:1) para
que los tres, apilados, quepan en la pantalla junto con los controles, y los
colores salen del tema (``--pst-color-*``), con un fondo transparente en modo
oscuro (el tema le pondría uno claro a toda salida HTML).

La figura es HTML + SVG + unas líneas de JavaScript sin dependencias: todos
los cuadros se calculan en Python al construir el libro y viajan como JSON
dentro de la página, de modo que funciona en el sitio estático (y sin
conexión). Para imprimir, el capítulo muestra además una figura estática; la
interactiva se oculta al imprimir (``@media print``).
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
from collections.abc import Mapping, Sequence

import numpy as np

from ..validation import (
    check_finite_scalar,
    check_integer,
    check_real_array,
    check_text,
    format_value,
)

# Cada panel: 2 de ancho por 1 de alto; en el teléfono los tres (apilados) y los controles
# caben juntos en la pantalla.
_PANEL_W, _PANEL_H, _PAD = 260, 120, 28
#: Figuras hechas en este proceso: dos figuras iguales en una página no comparten id.
_COUNTER = itertools.count()


def _check_inputs(x, frames, slider_values):
    if isinstance(x, str | bytes):
        raise TypeError(f"El argumento 'x' debe contener números reales; se recibió x={x!r}.")
    x = check_real_array(x, "x")
    if x.ndim != 1 or x.size < 2 or not np.all(np.isfinite(x)) or np.any(np.diff(x) <= 0):
        raise ValueError(
            "El argumento 'x' debe ser un vector finito y estrictamente creciente de al menos "
            f"2 puntos; se recibió uno de forma {x.shape}."
        )
    if isinstance(slider_values, str | bytes):
        raise TypeError(
            "El argumento 'slider_values' debe contener números reales; se recibió "
            f"slider_values={slider_values!r}."
        )
    values = check_real_array(slider_values, "slider_values")
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
        arr = check_real_array(arr, f"frames[{name!r}]")
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
    slider_label = check_text(slider_label, "slider_label")
    x_label = check_text(x_label, "x_label")
    alt = check_text(alt, "alt")
    if not alt.strip():
        raise ValueError("El argumento 'alt' debe describir la figura; se recibió un texto vacío.")
    digits = check_integer(digits, "digits", minimum=1, maximum=17)
    if panel_titles is not None:
        if not isinstance(panel_titles, Mapping):
            raise TypeError(
                "El argumento 'panel_titles' debe ser un dict {clave de frames: título} o "
                f"None; se recibió panel_titles={format_value(panel_titles)} (de tipo "
                f"{type(panel_titles).__name__})."
            )
        unknown = [key for key in panel_titles if key not in frames]
        if unknown:
            raise ValueError(
                f"El argumento 'panel_titles' tiene claves que no están en 'frames': {unknown}; "
                f"se admiten {list(frames)}."
            )
        for key, title in panel_titles.items():
            check_text(title, f"panel_titles[{key!r}]")
    if initial is not None:
        initial = check_finite_scalar(initial, "initial")
        if not values.min() <= initial <= values.max():
            raise ValueError(
                f"El argumento 'initial' debe estar entre {format_value(values.min())} y "
                f"{format_value(values.max())} (los valores del deslizador); se recibió "
                f"initial={format_value(initial)}."
            )
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
    # El id sale del contenido y del orden en el capítulo (no del azar): reconstruir el
    # libro da el mismo HTML, y la caché y los diffs no ven cambios que no hubo.
    key = json.dumps([next(_COUNTER), payload, titles, alt, slider_label], sort_keys=True)
    uid = "fig-" + hashlib.sha256(key.encode()).hexdigest()[:8]
    label = html.escape(slider_label)
    panels = "".join(
        f'<figure class="jq-panel"><figcaption>{html.escape(titles[name])}</figcaption>'
        f'<svg viewBox="0 0 {_PANEL_W} {_PANEL_H}" role="img" '
        f'aria-label="{html.escape(titles[name])}">'
        f'<line x1="{_PAD}" y1="{_PANEL_H - _PAD}" x2="{_PANEL_W - 5}" y2="{_PANEL_H - _PAD}" '
        f'stroke="currentColor" stroke-width="1"/>'
        f'<text x="{_PAD}" y="{_PANEL_H - 10}" font-size="12" fill="currentColor">0</text>'
        f'<text x="{_PANEL_W - 12}" y="{_PANEL_H - 10}" font-size="12" fill="currentColor">1</text>'
        f'<text x="{_PANEL_W / 2}" y="{_PANEL_H - 10}" font-size="12" text-anchor="middle" '
        f'fill="currentColor">{html.escape(x_label)}</text>'
        f'<polyline data-series="{html.escape(name)}" fill="none" '
        f'stroke-width="2.5"/></svg></figure>'
        for name in frames
    )
    return f"""<div class="jq-interactive" id="{uid}" role="group" aria-label="{html.escape(alt)}">
<style>
#{uid} {{
  --jq-fg: var(--pst-color-text-base, #222832);
  --jq-line: var(--pst-color-primary, #0a7d91);
  --jq-accent: #0a6e80;
  max-width: 100%; color: var(--jq-fg);
}}
html[data-theme="dark"] #{uid} {{ --jq-accent: #5fd3e6; }}
html[data-theme="dark"] .bd-content div.cell_output .text_html:has(> #{uid}) {{
  background-color: transparent; color: var(--pst-color-text-base); padding: 0;
}}
#{uid} .jq-controls {{
  display: flex; align-items: center; gap: .5rem; flex-wrap: wrap; margin: .25rem 0 .5rem;
}}
#{uid} .jq-controls label {{ flex: 1 1 100%; margin: 0; font-size: 1rem; }}
#{uid} output {{ font-weight: 600; font-variant-numeric: tabular-nums; }}
#{uid} .jq-step {{
  min-width: 44px; min-height: 44px; font-size: 1.4rem; line-height: 1; border-radius: .5rem;
  border: 2px solid var(--jq-accent); background: transparent; color: var(--jq-fg); cursor: pointer;
}}
#{uid} .jq-step:focus-visible, #{uid} input[type=range]:focus-visible {{
  outline: 3px solid var(--jq-accent); outline-offset: 2px;
}}
#{uid} input[type=range] {{
  flex: 1 1 0; min-width: 0; height: 44px; margin: 0; background: transparent;
  -webkit-appearance: none; appearance: none; cursor: pointer; touch-action: pan-y;
}}
#{uid} input[type=range]::-webkit-slider-runnable-track {{
  height: 6px; border-radius: 3px; background: var(--jq-fg); opacity: .8;
}}
#{uid} input[type=range]::-moz-range-track {{
  height: 6px; border-radius: 3px; background: var(--jq-fg);
}}
#{uid} input[type=range]::-webkit-slider-thumb {{
  -webkit-appearance: none; width: 44px; height: 44px; margin-top: -19px; border-radius: 50%;
  background: var(--jq-accent); border: 3px solid var(--pst-color-background, #fff);
}}
#{uid} input[type=range]::-moz-range-thumb {{
  width: 38px; height: 38px; border-radius: 50%; background: var(--jq-accent);
  border: 3px solid var(--pst-color-background, #fff);
}}
#{uid} .jq-panels {{
  display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: .25rem .75rem;
}}
#{uid} .jq-panel {{ margin: 0; min-width: 0; }}
#{uid} .jq-panel svg {{ display: block; width: 100%; height: auto; }}
#{uid} .jq-panel polyline {{ stroke: var(--jq-accent); }}
#{uid} figcaption {{
  font-size: 1rem;
  line-height: 1.3;
  text-align: center;
  color: var(--jq-fg);
  margin: 0;
  padding: 0;
}}
@media print {{ #{uid} {{ display: none; }} }}
</style>
<div class="jq-controls">
<label for="{uid}-range">{label} =
<output for="{uid}-range">{fmt.format(values[start])}</output></label>
<button type="button" class="jq-step" data-step="-1" aria-label="{label}: valor anterior">−</button>
<input id="{uid}-range" type="range" min="0" max="{values.size - 1}" step="1" value="{start}"
 aria-valuetext="{fmt.format(values[start])}">
<button type="button" class="jq-step" data-step="1" aria-label="{label}: valor siguiente">+</button>
</div>
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
  root.querySelectorAll(".jq-step").forEach(function (button) {{
    button.addEventListener("click", function () {{
      var next = Math.min(+input.max, Math.max(0, +input.value + (+button.dataset.step)));
      input.value = next;
      draw(next);
    }});
  }});
  draw(+input.value);
}})();
</script>
</div>"""
