"""La figura interactiva lleva sus datos, es accesible y valida su entrada."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import numpy as np
import pytest

from jerarquicos.plots.interactive import slider_figure_html


def _figure(**kwargs):
    x = np.linspace(0, 1, 11)
    kappas = np.array([2.0, 10.0, 100.0])
    frames = {"omega": np.vstack([x * k for k in kappas]), "pi_1": np.ones((3, 11))}
    args = dict(
        slider_label="Concentración κ",
        alt="Marginales según κ",
        panel_titles={"omega": "ω", "pi_1": "π₁"},
    )
    args.update(kwargs)
    return slider_figure_html(x, frames, kappas, **args), x, kappas, frames


def test_payload_round_trips_the_curves():
    html, x, kappas, frames = _figure()
    payload = json.loads(
        re.search(r'<script type="application/json">(.*?)</script>', html).group(1)
    )
    np.testing.assert_allclose(payload["x"], x, rtol=1e-4)
    np.testing.assert_allclose(payload["values"], kappas)
    np.testing.assert_allclose(payload["series"]["omega"], frames["omega"], rtol=1e-4)
    assert set(payload["series"]) == {"omega", "pi_1"}


def test_slider_and_accessibility():
    html, *_ = _figure(initial=100)
    assert 'type="range" min="0" max="2"' in html
    assert 'value="2"' in html  # el valor inicial pedido (κ = 100)
    assert 'aria-label="Marginales según κ"' in html
    assert "Concentración κ" in html
    assert "@media print" in html


def test_each_figure_has_its_own_id():
    a, *_ = _figure()
    b, *_ = _figure()
    ida = re.search(r'id="(fig-[0-9a-f]+)"', a).group(1)
    idb = re.search(r'id="(fig-[0-9a-f]+)"', b).group(1)
    assert ida != idb


def test_the_same_chapter_gives_the_same_ids():
    """Dos ejecuciones (dos procesos) del mismo código dan el mismo HTML: nada al azar."""
    code = (
        "import numpy as np\n"
        "from jerarquicos.plots.interactive import slider_figure_html\n"
        "x = np.linspace(0, 1, 11)\n"
        "for k in range(2):\n"
        "    print(slider_figure_html(x, {'a': np.ones((3, 11)) * k}, [1.0, 2.0, 3.0],\n"
        "          slider_label='κ', x_label='θ', alt='Una figura'))\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout
    assert len(set(re.findall(r'id="(fig-[0-9a-f]+)"', runs[0].stdout))) == 2


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"x": [0.0]}, "'x'"),
        ({"slider_values": [1.0]}, "'slider_values'"),
        ({"frames": {"a": np.ones((2, 11))}}, r"frames\['a'\]"),
        ({"frames": {"a": np.full((3, 11), np.nan)}}, "no finitos"),
        ({"alt": " "}, "'alt'"),
    ],
)
def test_bad_input_is_named(change, match):
    x = np.linspace(0, 1, 11)
    args = dict(
        x=x,
        frames={"a": np.ones((3, 11))},
        slider_values=[1, 2, 3],
        slider_label="κ",
        alt="figura de prueba",
    )
    args.update(change)
    with pytest.raises((ValueError, TypeError), match=match):
        slider_figure_html(args.pop("x"), args.pop("frames"), args.pop("slider_values"), **args)


def test_touch_targets_labels_and_dark_mode():
    html, *_ = _figure()
    uid = re.search(r'id="(fig-[0-9a-f]+)"', html).group(1)
    # El deslizador tiene su etiqueta y los botones de paso, nombre accesible.
    assert f'<label for="{uid}-range">' in html and f'id="{uid}-range"' in html
    assert html.count('class="jq-step"') == 2
    assert 'aria-label="Concentración κ: valor siguiente"' in html
    # Blancos táctiles de 44 px: alto del deslizador, pulgar y botones.
    assert re.search(r"input\[type=range\] \{\{?[^}]*height: 44px", html)
    assert "width: 44px; height: 44px" in html.replace("\n  ", " ")
    assert "min-width: 44px" in html and "min-height: 44px" in html
    # Modo oscuro: sin el fondo claro que el tema pone a las salidas HTML.
    assert f'html[data-theme="dark"] .bd-content div.cell_output .text_html:has(> #{uid})' in html
    assert "background-color: transparent" in html
