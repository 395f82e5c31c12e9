r"""Modelos multinivel con Bambi y PyMC: constructores, ajuste y lo que se lee del posterior.

Cada módulo de un modelo toma un DataFrame, devuelve un modelo SIN ajustar
(``bambi.Model`` o, donde Bambi no alcanza, ``pymc.Model``) y es dueño de los
nombres de sus variables: las funciones que leen el posterior o simulan
predictivas de ese modelo viven a su lado.

Módulos
-------
radon
    Radón de Minnesota: pooling completo, sin pooling, previa fija,
    interceptos variables, el piso como predictor, el uranio del condado y
    pendientes del piso por condado.
runners
    Corredores de la Cherry Blossom: pendientes variables por corredor (Bambi,
    sin correlación; PyMC, con correlación LKJ) y sus rectas.
tadpoles
    Renacuajos de Vonesh y Bolker: binomial con interceptos por tanque.
beta_binomial
    El beta-binomial jerárquico con :math:`\kappa` desconocida (PyMC), para
    contrastarlo con la grilla.
checks
    Verificación y comparación: predictivas a priori y a posteriori, LOO.
geometry
    Interceptos variables del radón en forma centrada y no centrada.
variants
    Un modelo ajustado con varios juegos de datos, compilado una sola vez.
groups
    Piezas comunes: efectos de grupos existentes y nuevos, resúmenes por grupo.
fitting
    :func:`~jerarquicos.models.fitting.fit` y
    :func:`~jerarquicos.models.fitting.fit_sweep`.
convergence
    :func:`~jerarquicos.models.convergence.check_convergence`: r̂ y ESS de cada
    componente (los de ``arviz.summary``, de una vez para todos).
compiling
    Las dos maneras de compilar un modelo para nutpie y cuándo conviene cada una.

Los submódulos se importan por separado (``from jerarquicos.models import
radon``): importar uno no carga Bambi ni los demás.
"""
