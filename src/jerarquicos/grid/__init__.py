r"""Inferencia en grilla del modelo beta-binomial jerárquico (numpy/scipy, sin MCMC).

La capa de arreglos (:mod:`~jerarquicos.grid._logspace`) trabaja en escala
logarítmica con numpy y scipy; encima, una capa delgada de xarray devuelve
distribuciones con nombres y coordenadas. Este paquete nunca importa Bambi ni
PyMC.

Módulos
-------
beta
    La beta por moda :math:`\omega` y concentración :math:`\kappa`.
brute_force
    La grilla completa :math:`(\pi_1, \dots, \pi_S, \omega)` (como la clase).
collapsed
    El motor que integra cada :math:`\pi_s` y sólo recorre :math:`\omega`.
summaries
    Media, desviación típica e intervalos de distribuciones en grilla.
predictive
    Predictivas de una moneda existente y de una moneda nueva de la fábrica.
sweeps
    Marginales a posteriori en función de :math:`\kappa`.
james_stein
    El estimador de James–Stein y su error cuadrático en simulaciones.
partial_pooling
    Pooling parcial con :math:`\omega` y :math:`\kappa` aprendidas de los datos, y
    la simulación de su beneficio frente a ningún pooling y pooling completo.
kappa
    La concentración desconocida: posterior exacta de :math:`(\omega, \kappa)` en
    una grilla 2-D, con cada :math:`\pi_s` integrada analíticamente.
"""

from .beta import beta_from_mode, mode_from_beta
from .brute_force import DEFAULT_MAX_CELLS, GridPosterior, grid_posterior, pi_names
from .collapsed import CollapsedPosterior, collapsed_posterior
from .james_stein import james_stein, squared_errors
from .predictive import (
    existing_coin_pmf,
    existing_coin_predictive,
    new_coin_pmf,
    new_coin_predictive,
)
from .summaries import grid_interval, grid_mean, grid_sd, summarize
from .sweeps import marginals_by_kappa

__all__ = [
    "DEFAULT_MAX_CELLS",
    "CollapsedPosterior",
    "GridPosterior",
    "beta_from_mode",
    "collapsed_posterior",
    "existing_coin_pmf",
    "existing_coin_predictive",
    "grid_interval",
    "grid_mean",
    "grid_posterior",
    "grid_sd",
    "james_stein",
    "marginals_by_kappa",
    "mode_from_beta",
    "new_coin_pmf",
    "new_coin_predictive",
    "pi_names",
    "squared_errors",
    "summarize",
]
