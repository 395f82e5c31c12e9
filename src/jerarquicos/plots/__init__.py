"""Figuras del curso: sólo dibujan (``ax=None``, devuelven los ejes, sin ``plt.show()``).

Módulos
-------
style
    Estilo común (:func:`~jerarquicos.plots.style.use_style`) y rótulos de ejes.
grid
    Distribuciones en grilla: mapas de colores 2-D y curvas 1-D.
pooling
    Pooling y *shrinkage* (radón, renacuajos): barridos de previas,
    estimaciones según el tamaño del grupo, comparación de dos estimaciones.
runners
    Corredores: carreras por edad, paneles por corredor y plano de *shrinkage*.
interactive
    Figura con deslizador, en HTML y SVG, sin servidor.

Las tablas que se dibujan las calculan :mod:`jerarquicos.grid` y
:mod:`jerarquicos.models`.
"""

from .style import use_style

__all__ = ["use_style"]
