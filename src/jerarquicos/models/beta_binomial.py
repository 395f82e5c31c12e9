r"""El modelo beta-binomial jerárquico con :math:`\kappa` desconocida, en PyMC.

Es el mismo modelo que resuelve en una grilla
:func:`jerarquicos.grid.kappa.omega_kappa_posterior` (Kruschke 2015, sec. 9.2):

.. math::

    \omega &\sim \operatorname{Beta}(A_\omega, B_\omega), \qquad
    \kappa - 2 \sim \operatorname{Gamma}(S_\kappa, R_\kappa),\\
    \pi_s &\sim \operatorname{Beta}\bigl(\omega(\kappa-2)+1,\ (1-\omega)(\kappa-2)+1\bigr),
    \qquad y_s \sim \operatorname{Binomial}(N_s, \pi_s),

pero aquí cada :math:`\pi_s` es un parámetro más que NUTS recorre (no se
integra). :func:`grid_agreement` compara las medias a posteriori del ajuste con
las exactas de la grilla, en unidades de su error Monte Carlo.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..validation import check_counts, check_positive_finite, format_value
from .groups import posterior_group, require_vars

__all__ = ["KAPPA", "OMEGA", "PI", "add_kappa", "grid_agreement", "hierarchical_model"]

#: Nombres de las variables del modelo.
OMEGA = "omega"
KAPPA = "kappa"
KAPPA_MINUS_TWO = "kappa_minus_two"
PI = "pi"
SUBJECT = "subject"


def hierarchical_model(
    y,
    N,
    *,
    A_omega: float = 1.0,
    B_omega: float = 1.0,
    kappa_shape: float = 1.0,
    kappa_rate: float = 0.01,
    names=None,
):
    """El modelo beta-binomial jerárquico con :math:`\\omega` y :math:`\\kappa` desconocidas.

    Parameters
    ----------
    y, N : sequence of int
        Éxitos y ensayos de cada sujeto.
    A_omega, B_omega : float, optional
        Previa ``Beta(A_omega, B_omega)`` de :math:`\\omega` (por omisión uniforme).
    kappa_shape, kappa_rate : float, optional
        Forma y tasa de la previa gamma de :math:`\\kappa - 2` (por omisión una
        exponencial de media 100), las mismas que en
        :func:`jerarquicos.grid.kappa.omega_kappa_posterior`.
    names : sequence of str, optional
        Nombres de los sujetos (coordenada ``subject``); por omisión ``1..S``.

    Returns
    -------
    pymc.Model
        Modelo sin ajustar con ``omega``, ``kappa_minus_two`` y ``pi``
        (dimensión ``subject``); ``y`` observado. :math:`\\kappa` no es una
        variable del modelo: :func:`add_kappa` la agrega al posterior.

    Notes
    -----
    El modelo se construye con ``check_bounds=False``: las transformaciones de
    PyMC ya garantizan :math:`0 < \\omega < 1` y :math:`\\kappa > 2`, así que
    los controles de los parámetros de cada distribución no cambian nada, y
    sin ellos (y sin un ``Deterministic`` para :math:`\\kappa`) nutpie compila
    el modelo en bastante menos tiempo, que es casi todo lo que cuesta el ajuste.

    Raises
    ------
    TypeError, ValueError
        Si los conteos o las previas no son válidos, o ``names`` no tiene un
        nombre por sujeto.
    """
    import pymc as pm

    y_arr, n_arr = check_counts(y, N)
    A = check_positive_finite(A_omega, "A_omega")
    B = check_positive_finite(B_omega, "B_omega")
    shape = check_positive_finite(kappa_shape, "kappa_shape")
    rate = check_positive_finite(kappa_rate, "kappa_rate")
    if names is not None and (
        isinstance(names, str | bytes)
        or not isinstance(names, Sequence | np.ndarray | pd.Series | pd.Index)
    ):
        raise TypeError(
            "El argumento 'names' debe ser una secuencia con un nombre por sujeto o None; se "
            f"recibió names={format_value(names)} (de tipo {type(names).__name__})."
        )
    labels = np.arange(1, y_arr.size + 1) if names is None else list(names)
    if len(set(map(str, labels))) != len(labels):
        raise ValueError(
            f"El argumento 'names' tiene nombres repetidos: se admite un nombre distinto por "
            f"sujeto; se recibió names={format_value(names)}."
        )
    if len(labels) != y_arr.size:
        raise ValueError(
            f"El argumento names tiene {len(labels)} nombres: se admite uno por sujeto "
            f"({y_arr.size})."
        )
    with pm.Model(coords={SUBJECT: labels}, check_bounds=False) as model:
        omega = pm.Beta(OMEGA, alpha=A, beta=B)
        kappa_minus_two = pm.Gamma(KAPPA_MINUS_TWO, alpha=shape, beta=rate)
        pi = pm.Beta(
            PI,
            alpha=omega * kappa_minus_two + 1.0,
            beta=(1.0 - omega) * kappa_minus_two + 1.0,
            dims=SUBJECT,
        )
        pm.Binomial("y", n=n_arr, p=pi, observed=y_arr, dims=SUBJECT)
    return model


def add_kappa(idata):
    """Agrega :math:`\\kappa` (``kappa_minus_two + 2``) al posterior de un ajuste.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de :func:`hierarchical_model`.

    Returns
    -------
    arviz.InferenceData
        El mismo objeto, con la variable ``kappa`` en el grupo ``posterior``.
    """
    posterior = posterior_group(idata)
    require_vars(posterior, [KAPPA_MINUS_TWO], "hierarchical_model()")
    idata.posterior[KAPPA] = posterior[KAPPA_MINUS_TWO] + 2.0
    return idata


def grid_agreement(idata, grid_posterior) -> pd.DataFrame:
    """Medias a posteriori de MCMC frente a las exactas de la grilla, en errores Monte Carlo.

    Para cada parámetro (:math:`\\omega`, :math:`\\kappa` y cada :math:`\\pi_s`)
    calcula :math:`z = (\\bar\\theta_{\\mathrm{MCMC}} - \\operatorname{E}[\\theta
    \\mid y]_{\\mathrm{grilla}})/\\mathrm{MCSE}`, donde el MCSE es el error
    estándar Monte Carlo de la media (``arviz.mcse``, que usa el tamaño
    efectivo de muestra). Si el muestreador funciona, cada :math:`z` es
    aproximadamente normal estándar: casi nunca supera 3 en valor absoluto.

    Parameters
    ----------
    idata : arviz.InferenceData
        Ajuste de :func:`hierarchical_model` (con ``kappa``, ver :func:`add_kappa`).
    grid_posterior : jerarquicos.grid.kappa.OmegaKappaPosterior
        La posterior en la grilla con los mismos datos y previas.

    Returns
    -------
    pandas.DataFrame
        Índice ``omega``, ``kappa``, ``pi[<sujeto>]``; columnas ``grid``
        (media exacta), ``mcmc`` (media de las extracciones), ``mcse`` y ``z``.

    Raises
    ------
    ValueError
        Si al ajuste le faltan variables o tiene otro número de sujetos.
    """
    import arviz as az

    posterior = posterior_group(idata)
    require_vars(posterior, [OMEGA, KAPPA, PI], "hierarchical_model() con add_kappa()")
    from ..grid.kappa import OmegaKappaPosterior

    if not isinstance(grid_posterior, OmegaKappaPosterior):
        raise TypeError(
            "El argumento 'grid_posterior' debe ser un OmegaKappaPosterior (el resultado de "
            "jerarquicos.grid.kappa.omega_kappa_posterior); se recibió "
            f"grid_posterior={format_value(grid_posterior)} (de tipo "
            f"{type(grid_posterior).__name__})."
        )
    n_subjects = posterior[PI].sizes[SUBJECT]
    if n_subjects != grid_posterior.n_subjects:
        raise ValueError(
            f"El ajuste tiene {n_subjects} sujetos y el argumento 'grid_posterior' "
            f"{grid_posterior.n_subjects}: se admite la grilla calculada con los mismos datos."
        )
    mcse = az.mcse(idata, var_names=[OMEGA, KAPPA, PI], method="mean")
    labels = [str(v) for v in posterior[SUBJECT].values]
    grid_means = np.concatenate(
        [
            [
                float((grid_posterior.omega * grid_posterior.omega["omega"]).sum()),
                float((grid_posterior.kappa * grid_posterior.kappa["kappa"]).sum()),
            ],
            grid_posterior.pi_mean().values,
        ]
    )
    mcmc_means = np.concatenate(
        [
            [float(posterior[OMEGA].mean()), float(posterior[KAPPA].mean())],
            posterior[PI].mean(("chain", "draw")).values,
        ]
    )
    errors = np.concatenate(
        [[float(mcse[OMEGA]), float(mcse[KAPPA])], np.asarray(mcse[PI].values, dtype=float)]
    )
    table = pd.DataFrame(
        {"grid": grid_means, "mcmc": mcmc_means, "mcse": errors},
        index=pd.Index([OMEGA, KAPPA, *(f"{PI}[{name}]" for name in labels)], name="parameter"),
    )
    table["z"] = (table["mcmc"] - table["grid"]) / table["mcse"]
    return table
