"""Datos y posteriores sintéticos de los corredores (sin muestrear), para las pruebas
de ``jerarquicos.models.runners`` y de ``jerarquicos.plots.runners``."""

from __future__ import annotations

import arviz as az
import numpy as np
import pandas as pd

CHAINS, DRAWS = 2, 50


def synthetic_runners(seed=0, noise=0.0):
    """Seis corredores con rectas conocidas: ``(tabla, {corredor: (a, b)})``."""
    rng = np.random.default_rng(seed)
    rows = []
    truth = {}
    for r in range(1, 7):
        a, b = 90 + 3 * r, 0.5 * r
        truth[str(r)] = (a, b)
        for age in range(50 + r % 3, 56 + r % 3):
            net = a + b * (age - 55) + noise * rng.standard_normal()
            rows.append({"runner": r, "age": age, "net": net})
    return pd.DataFrame(rows), truth


def bambi_like(runners=("1", "2", "3")):
    """Un posterior con los nombres del modelo de Bambi (sin correlación)."""
    shape = (CHAINS, DRAWS)
    k = len(runners)
    return az.from_dict(
        posterior={
            "Intercept": np.full(shape, 90.0),
            "age_c": np.full(shape, 1.0),
            "1|runner": np.broadcast_to(np.arange(k, dtype=float), shape + (k,)).copy(),
            "age_c|runner": np.broadcast_to(0.1 * np.arange(k), shape + (k,)).copy(),
        },
        coords={"runner__factor_dim": list(runners)},
        dims={"1|runner": ["runner__factor_dim"], "age_c|runner": ["runner__factor_dim"]},
    )


def pymc_like(runners=("1", "2", "3")):
    """Un posterior con los nombres del modelo de PyMC (con correlación LKJ)."""
    k = len(runners)
    effects = np.zeros((CHAINS, DRAWS, k, 2))
    effects[..., 0] = 90 + np.arange(k)
    effects[..., 1] = 1 + 0.1 * np.arange(k)
    return az.from_dict(
        posterior={
            "runner_effects": effects,
            "mu": np.broadcast_to([90.0, 1.0], (CHAINS, DRAWS, 2)).copy(),
        },
        coords={"runner": list(runners), "effect": ["Intercept", "age_c"]},
        dims={"runner_effects": ["runner", "effect"], "mu": ["effect"]},
    )
