"""Figuras del curso: sólo dibujan (``ax=None``, devuelven los ejes, sin ``plt.show()``).

Módulos
-------
style
    Estilo común (:func:`~jerarquicos.plots.style.use_style`) y rótulos de ejes.
layout
    Cada figura en dos diagramaciones, para la computadora (PNG) y el teléfono
    (SVG), con el tamaño mínimo de la letra comprobado
    (:func:`~jerarquicos.plots.layout.show`).
grid
    Distribuciones en grilla: mapas de colores 2-D y curvas 1-D.
pooling
    Pooling y *shrinkage* (radón, renacuajos): barridos de previas,
    estimaciones según el tamaño del grupo, comparación de dos estimaciones.
shrinkage
    El grafo del modelo, el *shrinkage* de dos sujetos, James–Stein y la
    simulación del beneficio del pooling parcial.
exchangeability
    Intercambiabilidad.
predictive
    Predictivas de un grupo existente y de uno nuevo.
runners
    Corredores: carreras por edad, paneles por corredor y plano de *shrinkage*.
kappa
    La concentración desconocida y el béisbol de Efron y Morris.
checks
    Verificación de modelos: predictivas, estadísticos por grupo, LOO y k de Pareto.
geometry
    La geometría del muestreo: el embudo, la eficiencia y la previa.
interactive
    Figura con deslizador, en HTML y SVG, sin servidor.

Las tablas que se dibujan las calculan :mod:`jerarquicos.grid` y
:mod:`jerarquicos.models`.
"""

from .style import use_style

__all__ = ["use_style"]
