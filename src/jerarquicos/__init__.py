"""Código del curso «Modelos jerárquicos bayesianos».

Submódulos
----------
beta
    Parametrización de la distribución beta por moda y concentración.
grid
    Aproximación por grilla (fuerza bruta) del modelo beta-binomial jerárquico.
collapsed
    Motor exacto «colapsado» que integra cada ``pi_s`` analíticamente.
datasets
    Cargadores de datos con procedencia y verificación SHA-256.
"""

__version__ = "0.1.0"
