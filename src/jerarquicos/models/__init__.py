"""Constructores de modelos del curso (devuelven modelos SIN ajustar).

Submódulos
----------
radon
    Radón de Minnesota: agrupamiento completo, sin agrupamiento, previa fija,
    interceptos variables y con el piso como predictor (Bambi).
runners
    Corredores de la Cherry Blossom: pendientes variables por corredor, en
    Bambi (sin correlación) y en PyMC (con correlación LKJ).
tadpoles
    Renacuajos de Vonesh y Bolker: binomial con interceptos por tanque (Bambi).

Para ajustar use :func:`jerarquicos.fitting.fit` y para verificar
:func:`jerarquicos.fitting.check_convergence`.
"""

from . import radon, runners, tadpoles

__all__ = ["radon", "runners", "tadpoles"]
