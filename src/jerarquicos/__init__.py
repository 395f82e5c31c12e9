"""Código del curso «Modelos jerárquicos bayesianos».

Submódulos
----------
beta
    Parametrización de la distribución beta por moda y concentración.
grid
    Aproximación por grilla (fuerza bruta) del modelo beta-binomial jerárquico.
collapsed
    Motor exacto «colapsado» que integra cada ``pi_s`` analíticamente.
summaries
    Media, desvío e intervalos de distribuciones en grilla.
validation
    Validación de argumentos con mensajes en castellano.
datasets
    Cargadores de datos con procedencia y verificación SHA-256.
models
    Constructores de modelos (Bambi y PyMC) para radón, corredores y renacuajos.
fitting
    Ajuste con semilla y controles de convergencia.
predictive, coin_predictive
    Distribuciones predictivas para grupos existentes y grupos nuevos (modelos
    de regresión y monedas de la fábrica).
shrinkage, sweeps
    Estimador de James-Stein y marginales en función de κ.
plots, plots_pooling, plots_runners, interactive
    Gráficos con ``ax=None`` y figuras interactivas sin servidor.
"""

__version__ = "0.1.0"
