"""Código del curso «Modelos jerárquicos bayesianos».

Un subpaquete por concepto:

grid
    Inferencia exacta en grilla del modelo beta-binomial jerárquico (numpy y
    scipy en escala logarítmica, bajo una capa delgada de xarray; sin MCMC).
models
    Modelos multinivel con Bambi y PyMC: constructores, ajuste, convergencia,
    lecturas del posterior y predictivas.
plots
    Figuras (sólo dibujan).
data
    Conjuntos de datos con procedencia, incluidos en el paquete o descargados y
    verificados con SHA-256.

``validation`` reúne los controles de argumentos que comparten todos.
"""

__version__ = "0.1.0"
