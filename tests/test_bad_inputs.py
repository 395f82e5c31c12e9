"""Auditoría de entradas inválidas de la API pública, como prueba guiada por tabla.

Cada caso de :data:`CASES` llama a una función o método público con un
argumento inválido y exige la convención del paquete
(:mod:`jerarquicos.validation`): ``TypeError`` si el *tipo* no sirve,
``ValueError`` si el *valor* no sirve, lanzado por el propio paquete (no por
numpy, pandas, PyMC o Bambi), con un mensaje en castellano que nombra el
argumento. Ningún caso puede devolver un resultado en silencio.

:func:`test_every_public_function_has_cases` recorre los módulos del paquete y
falla si una función o método público (los de ``__all__`` de cada módulo, o
los nombres sin guion bajo si el módulo no tiene ``__all__``, y los métodos
públicos de sus clases) no tiene casos en la tabla: una función nueva sin
validación aparece sola.

Hoy ningún caso está pendiente. Si hiciera falta dejar uno para después, se
agrega con ``pending="<archivo>"``, que lo marca
``pytest.mark.xfail(strict=True, reason="pendiente: <archivo>")``: cuando el
módulo se corrija, el caso pasa y ``strict=True`` obliga a quitar la marca.
Las funciones que leen un ajuste MCMC reciben un ``InferenceData`` sintético
(``arviz.from_dict``); nada muestrea.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import math
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import arviz as az  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import jerarquicos  # noqa: E402
from jerarquicos import validation  # noqa: E402
from jerarquicos.data import loader  # noqa: E402
from jerarquicos.grid import (  # noqa: E402
    beta,
    brute_force,
    collapsed,
    summaries,
    sweeps,
)
from jerarquicos.models import fitting, groups, radon, runners  # noqa: E402
from jerarquicos.plots import exchangeability, interactive, layout, pooling, style  # noqa: E402
from jerarquicos.plots import grid as grid_plots  # noqa: E402
from jerarquicos.plots import runners as runner_plots  # noqa: E402
from jerarquicos.plots import shrinkage as shrinkage_plots  # noqa: E402

PACKAGE_DIR = Path(jerarquicos.__file__).resolve().parent
INF, NAN = math.inf, math.nan
WIDE = layout.WIDE
# Tamaños absurdos para los casos pendientes: sin validar piden más memoria que el espacio
# de direcciones (128 TiB en x86-64), así que numpy falla enseguida aunque el sistema
# prometa memoria de más (overcommit); nunca llegan a llenarla.
HUGE = 10**15


# --------------------------------------------------------------------------- la tabla


def api(path: str) -> Callable[..., object]:
    """La función ``jerarquicos.<path>``, buscada al llamarla (la tabla sobrevive a un cambio)."""
    module, _, name = path.rpartition(".")

    def call(*args, **kwargs):
        return getattr(importlib.import_module(f"jerarquicos.{module}"), name)(*args, **kwargs)

    return call


@dataclass(frozen=True)
class Case:
    """Un caso: ``call()`` debe lanzar ``error`` con ``fragment`` en el mensaje."""

    target: str  # función o método, relativo a jerarquicos (p. ej. "grid.beta.beta_from_mode")
    call: Callable[[], object]
    error: type[Exception]
    fragment: str


CASES: list = []


def case(target, call, error, fragment, *, pending: str | None = None) -> None:
    """Agrega un caso; ``pending`` nombra el archivo que falta corregir."""
    marks = []
    if pending is not None:
        marks.append(pytest.mark.xfail(strict=True, reason=f"pendiente: {pending}"))
    n = sum(1 for p in CASES if p.values[0].target == target)
    CASES.append(
        pytest.param(Case(target, call, error, fragment), id=f"{target}[{n}]", marks=marks)
    )


def target_names() -> set[str]:
    return {p.values[0].target for p in CASES}


# --------------------------------------------------------------------------- datos de prueba


@functools.cache
def gp2():
    return brute_force.grid_posterior([5, 4], [20, 8], 2, 2, kappa=5)


@functools.cache
def gp1():
    return brute_force.grid_posterior(5, 20, 2, 2, kappa=5)


@functools.cache
def gp_narrow():
    return brute_force.grid_posterior(5, 20, 2, 2, 5, omega_grid=np.linspace(0.2, 0.8, 13))


@functools.cache
def cp():
    return collapsed.collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=5)


@functools.cache
def cpg():
    return collapsed.collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=5, method="grid")


@functools.cache
def okp():
    from jerarquicos.grid import kappa

    return kappa.omega_kappa_posterior(
        [3, 5, 7],
        [10, 10, 10],
        omega_grid=np.linspace(0.05, 0.95, 19),
        kappa_grid=np.geomspace(2.5, 500.0, 21),
    )


def da1():
    return gp2().marginal("omega")


def da2():
    return gp2().joint("pi_1")


def omega_da():
    return cp().omega


@functools.cache
def kappa_frames():
    return sweeps.marginals_by_kappa([5, 4], [20, 8], 2, 2, [5, 20])


def radon_df(**changes):
    df = pd.DataFrame(
        {
            "county": ["A", "A", "B", "B", "C", "C"],
            "log_radon": [1.0, 0.5, 1.2, 0.8, 0.3, 0.9],
            "floor": [0, 1, 0, 1, 0, 0],
            "log_uranium": [0.1, 0.1, -0.2, -0.2, 0.3, 0.3],
        }
    )
    for column, values in changes.items():
        df[column] = values
    return df


def runners_raw(**changes):
    df = pd.DataFrame(
        {
            "runner": [1, 1, 1, 2, 2, 2, 3, 3, 3],
            "age": [50, 51, 52, 53, 54, 55, 56, 57, 58],
            "net": [90.0, 92.0, 91.0, 95.0, 96.0, 99.0, 100.0, 102.0, np.nan],
        }
    )
    for column, values in changes.items():
        df[column] = values
    return df


def runners_prepared():
    return runners.prepare_runners(runners_raw())


def runner_lines():
    return pd.DataFrame(
        {"intercept": [90.0, 95.0, 100.0], "slope": [1.0, 2.0, 1.5]},
        index=pd.Index(["1", "2", "3"], name="runner"),
    )


def frogs_df(**changes):
    df = pd.DataFrame({"tank": [1, 2, 3, 4], "surv": [9, 10, 7, 20], "density": [10, 10, 10, 25]})
    for column, values in changes.items():
        df[column] = values
    return df


CHAINS, DRAWS = 2, 50


def _draws(value=0.0, *extra, seed=0):
    rng = np.random.default_rng(seed)
    return value + 0.01 * rng.standard_normal((CHAINS, DRAWS, *extra))


@functools.cache
def radon_idata(with_floor=False):
    posterior = {
        "Intercept": _draws(1.0),
        "1|county_sigma": np.full((CHAINS, DRAWS), 0.5),
        "sigma": np.full((CHAINS, DRAWS), 0.8),
        "1|county": _draws(0.0, 3),
    }
    if with_floor:
        posterior["floor"] = np.full((CHAINS, DRAWS), -0.6)
    return az.from_dict(
        posterior=posterior,
        coords={"county__factor_dim": ["A", "B", "C"]},
        dims={"1|county": ["county__factor_dim"]},
    )


@functools.cache
def tadpole_idata():
    return az.from_dict(
        posterior={
            "Intercept": _draws(1.3),
            "1|tank_sigma": np.full((CHAINS, DRAWS), 1.6),
            "1|tank": _draws(0.0, 3),
        },
        coords={"tank__factor_dim": [1, 2, 3]},
        dims={"1|tank": ["tank__factor_dim"]},
    )


@functools.cache
def runners_idata():
    return az.from_dict(
        posterior={
            "Intercept": _draws(90.0),
            "age_c": _draws(1.0),
            "1|runner": _draws(0.0, 3),
            "age_c|runner": _draws(0.0, 3),
        },
        coords={"runner__factor_dim": ["1", "2", "3"]},
        dims={"1|runner": ["runner__factor_dim"], "age_c|runner": ["runner__factor_dim"]},
    )


@functools.cache
def rho_idata():
    return az.from_dict(posterior={"rho": np.tanh(_draws(0.2))})


@functools.cache
def other_idata():
    return az.from_dict(posterior={"theta": _draws()})


@functools.cache
def convergence_idata():
    rng = np.random.default_rng(0)
    return az.from_dict(
        posterior={"a": rng.standard_normal((2, 500)), "b": rng.standard_normal((2, 500, 2))},
        sample_stats={"diverging": np.zeros((2, 500), dtype=bool)},
    )


@functools.cache
def pm_model():
    import pymc as pm

    with pm.Model() as model:
        scale = pm.Data("scale", 1.0)
        pm.Normal("x", 0.0, scale, shape=3)
    return model


@functools.cache
def bambi_model():
    import bambi as bmb

    from jerarquicos.models.fitting import ignore_pandas4_in_bambi

    with ignore_pandas4_in_bambi():
        return bmb.Model("y ~ 1", pd.DataFrame({"y": [0.1, -0.3, 0.5, 0.2]}))


def bambi_prior():
    import bambi as bmb

    return bmb.Prior("Normal", mu=0.0, sigma=1.0)


def prior_sweep_table():
    return pd.DataFrame([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], columns=[1.0, 10.0])


def county_table():
    return pd.DataFrame(
        {"log_uranium": [0.1, -0.2], "log_radon": [1.0, 0.8], "houses": [2, 3]},
        index=["A", "B"],
    )


def risk_table():
    return pd.DataFrame(
        {"máxima verosimilitud": [5.0, 5.0], "James–Stein": [1.0, 4.0]},
        index=pd.Index([0.0, 1.0], name="tau"),
    )


def arrows_table(levels=2):
    rows = pd.DataFrame(
        {
            "observada": [0.3, 0.5],
            "a posteriori": [0.35, 0.45],
            "E[ω | y]": [0.4, 0.4],
            "centro c": [0.4, 0.4],
        },
        index=pd.Index([1, 2], name="sujeto"),
    )
    if levels == 1:
        return rows
    return pd.concat({5.0: rows, 50.0: rows}, names=["kappa", "sujeto"])


def pi1_table():
    return pd.DataFrame({5.0: [0.3, 0.35], 50.0: [0.32, 0.4]}, index=pd.Index([1, 5], name="y2"))


@functools.cache
def pooling_simulation():
    from jerarquicos.grid import partial_pooling

    return partial_pooling.simulate_pooling(
        [5, 20], 3, np.random.default_rng(0), kappa_grid=[5.0, 50.0]
    )


def mse_table():
    return pd.DataFrame(
        {
            "sin pooling": [0.02, 0.01],
            "pooling parcial": [0.01, 0.005],
            "pooling completo": [0.02, 0.02],
        },
        index=pd.Index([5, 20], name="size"),
    )


def rng():
    return np.random.default_rng(0)


def slider(**changes):
    kwargs = {
        "x": [0.0, 0.5, 1.0],
        "frames": {"a": [[0.0, 1.0, 0.5], [1.0, 0.0, 0.5]]},
        "slider_values": [1.0, 2.0],
        "slider_label": "κ",
        "alt": "una curva que cambia con κ",
    }
    kwargs.update(changes)
    return interactive.slider_figure_html(**kwargs)


def runner_panels(**changes):
    kwargs = {
        "data": runners_prepared(),
        "lines": {"sin pooling": runner_lines()},
        "runners": ["1", "2"],
        "age_center": 54.0,
    }
    kwargs.update(changes)
    return runner_plots.plot_runner_panels(**kwargs)


def shrinkage_plane(**changes):
    kwargs = {
        "no_pooling": runner_lines(),
        "partial": runner_lines(),
        "center": (95.0, 1.5),
        "cov": [[4.0, 0.1], [0.1, 0.25]],
    }
    kwargs.update(changes)
    return runner_plots.plot_shrinkage_plane(**kwargs)


Y, N = [5, 4], [20, 8]

# ---------------------------------------------------------------- jerarquicos.validation
# (archivo corregido por esta tabla: ningún caso pendiente)

V = "validation"
case(f"{V}.check_choice", lambda: validation.check_choice(3, "modo", ("a", "b")), TypeError, "modo")
case(
    f"{V}.check_choice",
    lambda: validation.check_choice("c", "modo", ("a", "b")),
    ValueError,
    "modo",
)
case(f"{V}.check_counts", lambda: validation.check_counts([1.5], [2]), TypeError, "'y'")
case(f"{V}.check_counts", lambda: validation.check_counts([3], [2]), ValueError, "'y'")
case(f"{V}.check_counts", lambda: validation.check_counts([], []), ValueError, "'y'")
case(f"{V}.check_counts", lambda: validation.check_counts([1], ["2"]), TypeError, "'N'")
case(f"{V}.check_grid", lambda: validation.check_grid([0.5], "rejilla"), ValueError, "rejilla")
case(f"{V}.check_grid", lambda: validation.check_grid(None, "rejilla"), TypeError, "rejilla")
case(f"{V}.check_grid", lambda: validation.check_grid([0, 2], "rejilla"), ValueError, "rejilla")
case(f"{V}.check_kappa", lambda: validation.check_kappa(1.5), ValueError, "kappa")
case(f"{V}.check_kappa", lambda: validation.check_kappa("5"), TypeError, "kappa")
case(
    f"{V}.check_positive_finite",
    lambda: validation.check_positive_finite(-1, "escala"),
    ValueError,
    "escala",
)
case(
    f"{V}.check_positive_finite",
    lambda: validation.check_positive_finite(True, "escala"),
    TypeError,
    "escala",
)
case(f"{V}.check_prob", lambda: validation.check_prob(1.0), ValueError, "prob")
case(f"{V}.check_prob", lambda: validation.check_prob(None), TypeError, "prob")
case(f"{V}.check_real_array", lambda: validation.check_real_array("abc", "v"), TypeError, "'v'")
case(f"{V}.check_real_array", lambda: validation.check_real_array([1, True], "v"), TypeError, "'v'")
case(f"{V}.check_real_array", lambda: validation.check_real_array([1 + 2j], "v"), TypeError, "'v'")
case(f"{V}.check_real_scalar", lambda: validation.check_real_scalar([1], "v"), TypeError, "'v'")
case(f"{V}.check_real_scalar", lambda: validation.check_real_scalar(True, "v"), TypeError, "'v'")
case(f"{V}.check_subject", lambda: validation.check_subject(0, 3), ValueError, "'s'")
case(f"{V}.check_subject", lambda: validation.check_subject(1.0, 3), TypeError, "'s'")
case(
    f"{V}.check_unit_interval",
    lambda: validation.check_unit_interval([1.5], "p"),
    ValueError,
    "'p'",
)
case(f"{V}.check_unit_interval", lambda: validation.check_unit_interval("a", "p"), TypeError, "'p'")
case(
    f"{V}.raise_first_invalid",
    lambda: validation.raise_first_invalid(
        np.array([1.0, -1.0]), np.array([False, True]), "v", "positivo"
    ),
    ValueError,
    "v[1]",
)
case(f"{V}.check_integer", lambda: validation.check_integer(2.5, "n"), TypeError, "'n'")
case(f"{V}.check_integer", lambda: validation.check_integer(True, "n"), TypeError, "'n'")
case(f"{V}.check_integer", lambda: validation.check_integer(0, "n", minimum=1), ValueError, "'n'")
case(f"{V}.check_integer", lambda: validation.check_integer(11, "n", maximum=10), ValueError, "'n'")
case(f"{V}.check_bool", lambda: validation.check_bool("no", "flag"), TypeError, "flag")
case(f"{V}.check_bool", lambda: validation.check_bool(1, "flag"), TypeError, "flag")
case(f"{V}.check_finite_scalar", lambda: validation.check_finite_scalar(INF, "x"), ValueError, "x")
case(f"{V}.check_finite_scalar", lambda: validation.check_finite_scalar("1", "x"), TypeError, "x")
case(f"{V}.check_random_seed", lambda: validation.check_random_seed(-1), ValueError, "random_seed")
case(
    f"{V}.check_random_seed", lambda: validation.check_random_seed("abc"), TypeError, "random_seed"
)
case(f"{V}.check_random_seed", lambda: validation.check_random_seed(2.5), TypeError, "random_seed")
case(
    f"{V}.check_random_seed", lambda: validation.check_random_seed(2**64), ValueError, "random_seed"
)
case(
    f"{V}.check_random_seed",
    lambda: validation.check_random_seed(None, allow_none=False),
    TypeError,
    "random_seed",
)
case(
    f"{V}.check_memory",
    lambda: validation.check_memory(10**9, "n", what="la tabla"),
    ValueError,
    "'n'",
)
case(
    f"{V}.check_memory",
    lambda: validation.check_memory("mucho", "n", what="la tabla"),
    TypeError,
    "n_elements",
)
case(f"{V}.format_bytes", lambda: validation.format_bytes(-1), ValueError, "n_bytes")
case(f"{V}.format_bytes", lambda: validation.format_bytes("1 GB"), TypeError, "n_bytes")

case(f"{V}.check_text", lambda: validation.check_text(3, "titulo"), TypeError, "titulo")
case(f"{V}.check_text", lambda: validation.check_text(None, "titulo"), TypeError, "titulo")
case(f"{V}.check_ax", lambda: validation.check_ax("ejes"), TypeError, "ax")
case(f"{V}.check_ax", lambda: validation.check_ax(None, allow_none=False), TypeError, "ax")
case(f"{V}.check_layout", lambda: validation.check_layout("wide"), TypeError, "layout")
case(f"{V}.check_idata", lambda: validation.check_idata({"posterior": 1}), TypeError, "idata")
case(
    f"{V}.check_idata",
    lambda: validation.check_idata(other_idata(), groups=("posterior", "sample_stats")),
    ValueError,
    "idata",
)
case(f"{V}.check_dataframe", lambda: validation.check_dataframe([1], "tabla"), TypeError, "tabla")
case(
    f"{V}.check_dataframe",
    lambda: validation.check_dataframe(pd.DataFrame({"a": [1]}), "tabla", columns=("b",)),
    ValueError,
    "tabla",
)
case(
    f"{V}.check_dataframe",
    lambda: validation.check_dataframe(pd.DataFrame({"a": []}), "tabla"),
    ValueError,
    "tabla",
)
case(
    f"{V}.check_finite_array",
    lambda: validation.check_finite_array("abc", "valores"),
    TypeError,
    "valores",
)
case(
    f"{V}.check_finite_array",
    lambda: validation.check_finite_array([1.0, NAN], "valores"),
    ValueError,
    "valores",
)
case(
    f"{V}.check_finite_array",
    lambda: validation.check_finite_array([], "valores", min_size=1),
    ValueError,
    "valores",
)
case(f"{V}.check_interval", lambda: validation.check_interval("ab", "rango"), TypeError, "rango")
case(f"{V}.check_interval", lambda: validation.check_interval((1.0,), "rango"), ValueError, "rango")
case(f"{V}.check_interval", lambda: validation.check_interval((2, 1), "rango"), ValueError, "rango")
case(
    f"{V}.check_interval",
    lambda: validation.check_interval((0.0, 2.0), "rango", upper=1.0),
    ValueError,
    "rango",
)
case(
    f"{V}.check_interval", lambda: validation.check_interval((0, INF), "rango"), ValueError, "rango"
)
case(f"{V}.check_color", lambda: validation.check_color("nope"), ValueError, "color")
case(f"{V}.check_color", lambda: validation.check_color(0.5), ValueError, "color")
case(f"{V}.check_cmap", lambda: validation.check_cmap("nope"), ValueError, "cmap")
case(f"{V}.check_cmap", lambda: validation.check_cmap(3), TypeError, "cmap")
case(
    f"{V}.check_mapping",
    lambda: validation.check_mapping([1], "paneles", what="{título: valores}"),
    TypeError,
    "paneles",
)
case(
    f"{V}.check_mapping",
    lambda: validation.check_mapping({}, "paneles", what="{título: valores}"),
    ValueError,
    "paneles",
)
case(
    f"{V}.check_mapping",
    lambda: validation.check_mapping({"a": (1,)}, "paneles", what="{título: (x, y)}", item_len=2),
    ValueError,
    "paneles",
)
case(
    f"{V}.check_normal_prior",
    lambda: validation.check_normal_prior("ab", "previa"),
    TypeError,
    "previa",
)
case(
    f"{V}.check_normal_prior",
    lambda: validation.check_normal_prior((0.0, 0.0), "previa"),
    ValueError,
    "previa",
)
case(
    f"{V}.check_normal_prior",
    lambda: validation.check_normal_prior((0.0, 1.0, 2.0), "previa"),
    ValueError,
    "previa",
)

# ---------------------------------------------------------------- jerarquicos.data.loader

D = "data.loader"
case(f"{D}.cache_dir", lambda: loader.cache_dir(3), TypeError, "data_home")
case(f"{D}.cache_dir", lambda: loader.cache_dir("  "), ValueError, "data_home")
case(f"{D}.dataset_path", lambda: loader.dataset_path("inexistente"), ValueError, "name")
case(f"{D}.dataset_path", lambda: loader.dataset_path(3), TypeError, "name")
case(
    f"{D}.dataset_path",
    lambda: loader.dataset_path("radon", download="sí"),
    TypeError,
    "download",
)
case(
    f"{D}.dataset_path", lambda: loader.dataset_path("radon", data_home=3.5), TypeError, "data_home"
)
case(f"{D}.load_dataset", lambda: loader.load_dataset("radón"), ValueError, "name")
case(f"{D}.load_dataset", lambda: loader.load_dataset(None), TypeError, "name")
case(
    f"{D}.load_dataset", lambda: loader.load_dataset("radon", data_home=[]), TypeError, "data_home"
)
case(f"{D}.sha256_file", lambda: loader.sha256_file(3), TypeError, "path")
case(f"{D}.sha256_file", lambda: loader.sha256_file("/no/existe.csv"), ValueError, "path")
case(f"{D}.sha256_file", lambda: loader.sha256_file(PACKAGE_DIR), ValueError, "path")

# ---------------------------------------------------------------- jerarquicos.grid.beta

B = "grid.beta"
case(f"{B}.beta_from_mode", lambda: beta.beta_from_mode(1.5, 5), ValueError, "omega")
case(f"{B}.beta_from_mode", lambda: beta.beta_from_mode(NAN, 5), ValueError, "omega")
case(f"{B}.beta_from_mode", lambda: beta.beta_from_mode("0.5", 5), TypeError, "omega")
case(f"{B}.beta_from_mode", lambda: beta.beta_from_mode(True, 5), TypeError, "omega")
case(f"{B}.beta_from_mode", lambda: beta.beta_from_mode(0.5, 1), ValueError, "kappa")
case(f"{B}.beta_from_mode", lambda: beta.beta_from_mode(0.5, INF), ValueError, "kappa")
case(
    f"{B}.beta_from_mode",
    lambda: beta.beta_from_mode([0.2, 0.3], [5, 6, 7]),
    ValueError,
    "kappa",
)
case(f"{B}.mode_from_beta", lambda: beta.mode_from_beta(1, 1), ValueError, "'a'")
case(f"{B}.mode_from_beta", lambda: beta.mode_from_beta(0.5, 2), ValueError, "'a'")
case(f"{B}.mode_from_beta", lambda: beta.mode_from_beta("a", 2), TypeError, "'a'")
case(f"{B}.mode_from_beta", lambda: beta.mode_from_beta(2, [True]), TypeError, "'b'")
case(f"{B}.mode_from_beta", lambda: beta.mode_from_beta([2, 3], [2, 3, 4]), ValueError, "'b'")

# ---------------------------------------------------------------- jerarquicos.grid.brute_force

G = "grid.brute_force"
case(f"{G}.pi_names", lambda: brute_force.pi_names(0), ValueError, "n_subjects")
case(f"{G}.pi_names", lambda: brute_force.pi_names(-2), ValueError, "n_subjects")
case(f"{G}.pi_names", lambda: brute_force.pi_names(2.0), TypeError, "n_subjects")
case(f"{G}.pi_names", lambda: brute_force.pi_names(True), TypeError, "n_subjects")
case(f"{G}.pi_names", lambda: brute_force.pi_names("2"), TypeError, "n_subjects")
case(f"{G}.pi_names", lambda: brute_force.pi_names(10**9), ValueError, "n_subjects")
gp = api("grid.brute_force.grid_posterior")
case(f"{G}.grid_posterior", lambda: gp("5", 20, 2, 2, 5), TypeError, "'y'")
case(f"{G}.grid_posterior", lambda: gp(5, 20.0, 2, 2, 5), TypeError, "'N'")
case(f"{G}.grid_posterior", lambda: gp(25, 20, 2, 2, 5), ValueError, "'y'")
case(f"{G}.grid_posterior", lambda: gp([1, 2], [3], 2, 2, 5), ValueError, "'y'")
case(f"{G}.grid_posterior", lambda: gp(-1, 3, 2, 2, 5), ValueError, "'y'")
case(f"{G}.grid_posterior", lambda: gp([[1]], [[3]], 2, 2, 5), ValueError, "'y'")
case(f"{G}.grid_posterior", lambda: gp(5, 20, 0, 2, 5), ValueError, "A_omega")
case(f"{G}.grid_posterior", lambda: gp(5, 20, 2, INF, 5), ValueError, "B_omega")
case(f"{G}.grid_posterior", lambda: gp(5, 20, True, 2, 5), TypeError, "A_omega")
case(f"{G}.grid_posterior", lambda: gp(5, 20, 2, 2, 1), ValueError, "kappa")
case(f"{G}.grid_posterior", lambda: gp(5, 20, 2, 2, True), TypeError, "kappa")
case(f"{G}.grid_posterior", lambda: gp(5, 20, 2, 2, [5, 6]), TypeError, "kappa")
case(f"{G}.grid_posterior", lambda: gp(5, 20, 2, 2, 5, pi_grid=[0.5]), ValueError, "pi_grid")
case(f"{G}.grid_posterior", lambda: gp(5, 20, 2, 2, 5, pi_grid="0 1"), TypeError, "pi_grid")
case(
    f"{G}.grid_posterior",
    lambda: gp(5, 20, 2, 2, 5, omega_grid=[0.2, 0.1]),
    ValueError,
    "omega_grid",
)
case(
    f"{G}.grid_posterior",
    lambda: gp(5, 20, 0.5, 2, 5),  # densidad infinita en omega = 0, que está en la grilla
    ValueError,
    "omega_grid",
)
case(f"{G}.grid_posterior", lambda: gp(5, 20, 2, 2, 5, max_cells=0), ValueError, "max_cells")
case(f"{G}.grid_posterior", lambda: gp(5, 20, 2, 2, 5, max_cells="1e9"), TypeError, "max_cells")
case(f"{G}.grid_posterior", lambda: gp([1] * 5, [2] * 5, 2, 2, 5), ValueError, "max_cells")
case(f"{G}.GridPosterior.marginal", lambda: gp2().marginal("pi_3"), ValueError, "name")
case(f"{G}.GridPosterior.marginal", lambda: gp2().marginal(1), TypeError, "name")
case(
    f"{G}.GridPosterior.marginal",
    lambda: gp2().marginal("omega", which="post"),
    ValueError,
    "which",
)
case(f"{G}.GridPosterior.marginal", lambda: gp2().marginal("omega", which=None), TypeError, "which")
case(f"{G}.GridPosterior.joint", lambda: gp2().joint("omega"), ValueError, "name")
case(f"{G}.GridPosterior.joint", lambda: gp2().joint("pi_1", which=3), TypeError, "which")
case(
    f"{G}.GridPosterior.conditional",
    lambda: gp2().conditional("pi_1", omega=1.5),
    ValueError,
    "omega",
)
case(
    f"{G}.GridPosterior.conditional",
    lambda: gp2().conditional("pi_1", omega="0.5"),
    TypeError,
    "omega",
)
case(
    f"{G}.GridPosterior.conditional",
    lambda: gp2().conditional("pi_1", omega=NAN),
    ValueError,
    "omega",
)
case(
    f"{G}.GridPosterior.conditional",
    lambda: gp_narrow().conditional("pi_1", omega=0.05),
    ValueError,
    "omega",
)
case(
    f"{G}.GridPosterior.conditional",
    lambda: gp2().conditional("pi_1", which="x"),
    ValueError,
    "which",
)
case(f"{G}.GridPosterior.summary", lambda: gp2().summary(which="x"), ValueError, "which")
case(f"{G}.GridPosterior.summary", lambda: gp2().summary(prob=1.0), ValueError, "prob")
case(f"{G}.GridPosterior.summary", lambda: gp2().summary(prob="0.9"), TypeError, "prob")

# ---------------------------------------------------------------- jerarquicos.grid.collapsed

C = "grid.collapsed"
cpost = api("grid.collapsed.collapsed_posterior")
case(f"{C}.collapsed_posterior", lambda: cpost("1", 2, 2, 2, 5), TypeError, "'y'")
case(f"{C}.collapsed_posterior", lambda: cpost(Y, N, 2, 2, NAN), ValueError, "kappa")
case(f"{C}.collapsed_posterior", lambda: cpost(Y, N, True, 2, 5), TypeError, "A_omega")
case(f"{C}.collapsed_posterior", lambda: cpost(Y, N, 0.5, 2, 5), ValueError, "omega_grid")
case(
    f"{C}.collapsed_posterior", lambda: cpost(Y, N, 2, 2, 5, omega_grid=[0, 1]), ValueError, "omega"
)
case(f"{C}.collapsed_posterior", lambda: cpost(Y, N, 2, 2, 5, method="fast"), ValueError, "method")
case(f"{C}.collapsed_posterior", lambda: cpost(Y, N, 2, 2, 5, method=1), TypeError, "method")
case(
    f"{C}.collapsed_posterior",
    lambda: cpost(Y, N, 2, 2, 5, pi_grid=[0.0, 0.5, 1.0]),
    ValueError,
    "pi_grid",
)
case(
    f"{C}.collapsed_posterior",
    lambda: cpost(Y, N, 2, 2, 5, method="grid", pi_grid=[0.5, 0.4]),
    ValueError,
    "pi_grid",
)
case(
    f"{C}.collapsed_posterior",  # 2·10⁸ celdas omega × pi
    lambda: cpost(Y, N, 2, 2, 5, omega_grid=np.linspace(0, 1, 2_000_001), method="grid"),
    ValueError,
    "omega_grid",
)
case(
    f"{C}.collapsed_posterior",
    lambda: cpost(Y, N, 2, 2, 5, method="grid", pi_grid=np.linspace(0, 1, 10**6)),
    ValueError,
    "pi_grid",
)
case(
    f"{C}.collapsed_posterior",
    lambda: cpost(Y, N, 2, 2, 5, omega_grid=np.linspace(0, 1, 2 * 10**7)),
    ValueError,
    "omega_grid",
)
case(
    f"{C}.collapsed_posterior", lambda: cpost(Y, N, 2, 2, 5, max_cells=-1), ValueError, "max_cells"
)
CPO = f"{C}.CollapsedPosterior"
case(f"{CPO}.pi_density", lambda: cp().pi_density(0, 0.5), ValueError, "'s'")
case(f"{CPO}.pi_density", lambda: cp().pi_density(1.0, 0.5), TypeError, "'s'")
case(f"{CPO}.pi_density", lambda: cp().pi_density(True, 0.5), TypeError, "'s'")
case(f"{CPO}.pi_density", lambda: cp().pi_density(1, 1.5), ValueError, "'pi'")
case(f"{CPO}.pi_density", lambda: cp().pi_density(1, "x"), TypeError, "'pi'")
case(f"{CPO}.pi_density", lambda: cp().pi_density(1, [[0.5]]), ValueError, "'pi'")
case(f"{CPO}.pi_density", lambda: cpg().pi_density(1, 0.5), ValueError, "method")
case(f"{CPO}.pi_density", lambda: cp().pi_density(1, np.linspace(0, 1, 10**6)), ValueError, "'pi'")
case(f"{CPO}.pi_marginal", lambda: cp().pi_marginal(3), ValueError, "'s'")
case(f"{CPO}.pi_marginal", lambda: cp().pi_marginal(1, pi_grid=[0.5]), ValueError, "pi_grid")
case(
    f"{CPO}.pi_marginal",
    lambda: cpg().pi_marginal(1, pi_grid=[0.0, 0.5, 1.0]),
    ValueError,
    "pi_grid",
)
case(
    f"{CPO}.pi_marginal",
    lambda: cp().pi_marginal(1, pi_grid=np.linspace(0, 1, 10**6)),
    ValueError,
    "pi_grid",
)
case(f"{CPO}.summary", lambda: cp().summary(prob=0), ValueError, "prob")
case(f"{CPO}.summary", lambda: cp().summary(prob=True), TypeError, "prob")

# ---------------------------------------------------------------- jerarquicos.grid.predictive

P = "grid.predictive"
ecp, ncp = (
    api("grid.predictive.existing_coin_predictive"),
    api("grid.predictive.new_coin_predictive"),
)
ecm, ncm = api("grid.predictive.existing_coin_pmf"), api("grid.predictive.new_coin_pmf")
case(f"{P}.existing_coin_predictive", lambda: ecp("post", 1, 10), TypeError, "post")
case(f"{P}.existing_coin_predictive", lambda: ecp(cp(), 3, 10), ValueError, "'s'")
case(f"{P}.existing_coin_predictive", lambda: ecp(cp(), 1, 0), ValueError, "'n'")
case(f"{P}.existing_coin_predictive", lambda: ecp(cp(), 1, 2.5), TypeError, "'n'")
case(f"{P}.existing_coin_predictive", lambda: ecp(cp(), 1, 10, size=0), ValueError, "size")
case(f"{P}.existing_coin_predictive", lambda: ecp(cp(), 1, 10, size=10**10), ValueError, "size")
for seed, error in ((-1, ValueError), ("abc", TypeError), (2.5, TypeError), (True, TypeError)):
    case(
        f"{P}.existing_coin_predictive",
        lambda seed=seed: ecp(cp(), 1, 10, random_seed=seed),
        error,
        "random_seed",
    )
    case(
        f"{P}.new_coin_predictive",
        lambda seed=seed: ncp(gp2(), 10, random_seed=seed),
        error,
        "random_seed",
    )
case(f"{P}.new_coin_predictive", lambda: ncp(3, 10), TypeError, "post")
case(f"{P}.new_coin_predictive", lambda: ncp(cp(), True), TypeError, "'n'")
case(f"{P}.new_coin_predictive", lambda: ncp(cp(), 10, size=10**10), ValueError, "size")
case(f"{P}.new_coin_predictive", lambda: ncp(cp(), 10, size=2.0), TypeError, "size")
case(f"{P}.existing_coin_pmf", lambda: ecm(cp(), 0, 10), ValueError, "'s'")
case(f"{P}.existing_coin_pmf", lambda: ecm(cp(), 1, 10**9), ValueError, "'n'")
case(f"{P}.existing_coin_pmf", lambda: ecm(gp2(), 1, 10**9), ValueError, "'n'")
case(f"{P}.existing_coin_pmf", lambda: ecm(gp2(), 1, "10"), TypeError, "'n'")
case(f"{P}.existing_coin_pmf", lambda: ecm(da1(), 1, 10), TypeError, "post")
case(f"{P}.new_coin_pmf", lambda: ncm(cp(), 10**9), ValueError, "'n'")
case(f"{P}.new_coin_pmf", lambda: ncm(cpg(), 0), ValueError, "'n'")
case(f"{P}.new_coin_pmf", lambda: ncm([1], 5), TypeError, "post")

# ---------------------------------------------------------------- jerarquicos.grid.summaries

S = "grid.summaries"
case(f"{S}.grid_mean", lambda: summaries.grid_mean("x"), TypeError, "dist")
case(f"{S}.grid_mean", lambda: summaries.grid_mean([0, 1], [0.5]), ValueError, "masses")
case(f"{S}.grid_mean", lambda: summaries.grid_mean([0, 1], [-1, 2]), ValueError, "masses")
case(f"{S}.grid_mean", lambda: summaries.grid_mean([1, 0], [0.5, 0.5]), ValueError, "dist")
case(f"{S}.grid_mean", lambda: summaries.grid_mean([0, 1], [0, 0]), ValueError, "masses")
case(f"{S}.grid_sd", lambda: summaries.grid_sd(da2()), ValueError, "dist")
case(f"{S}.grid_sd", lambda: summaries.grid_sd([0, NAN], [1, 1]), ValueError, "dist")
case(f"{S}.grid_interval", lambda: summaries.grid_interval(da1(), prob=1.5), ValueError, "prob")
case(f"{S}.grid_interval", lambda: summaries.grid_interval(da1(), prob="x"), TypeError, "prob")
case(f"{S}.grid_interval", lambda: summaries.grid_interval([0, 1], ["a", "b"]), TypeError, "masses")
case(f"{S}.summarize", lambda: summaries.summarize(da1(), name=3), TypeError, "name")
case(f"{S}.summarize", lambda: summaries.summarize(da1(), prob=0), ValueError, "prob")
case(f"{S}.summarize", lambda: summaries.summarize([0, 1], [True, False]), TypeError, "masses")

# ---------------------------------------------------------------- jerarquicos.grid.sweeps

W = "grid.sweeps.marginals_by_kappa"
mbk = api("grid.sweeps.marginals_by_kappa")
case(W, lambda: mbk(Y, N, 2, 2, []), ValueError, "kappas")
case(W, lambda: mbk(Y, N, 2, 2, [5, 1]), ValueError, "kappas[1]")
case(W, lambda: mbk(Y, N, 2, 2, "5"), TypeError, "kappas")
case(W, lambda: mbk(Y, N, 2, 2, 5), ValueError, "kappas")
case(W, lambda: mbk(Y, N, 2, 2, [5], method="x"), ValueError, "method")
case(W, lambda: mbk(Y, N, 2, 2, np.full(10**6, 5.0)), ValueError, "kappas")
case(W, lambda: mbk([5, 4], [20], 2, 2, [5]), ValueError, "'y'")

# ---------------------------------------------------------------- jerarquicos.grid.james_stein

JS, JSP = "grid.james_stein", "grid/james_stein.py"
jsf = api("grid.james_stein.james_stein")
case(f"{JS}.james_stein", lambda: jsf("abcd"), TypeError, "'x'")
case(f"{JS}.james_stein", lambda: jsf([1.0, 2.0, 3.0]), ValueError, "'x'")
case(f"{JS}.james_stein", lambda: jsf([1, 2, 3, 4], sigma=0), ValueError, "sigma")
case(
    f"{JS}.james_stein",
    lambda: jsf([1, 2, 3, 4], center="median"),
    ValueError,
    "center",
)
case(
    f"{JS}.james_stein",
    lambda: jsf([1, 2, 3, 4], center=True),
    TypeError,
    "center",
)
case(
    f"{JS}.james_stein",
    lambda: jsf([1, 2, 3, 4], positive_part="sí"),
    TypeError,
    "positive_part",
)
case(f"{JS}.james_stein", lambda: jsf([1, 2, 3, INF]), ValueError, "'x'")
se = api("grid.james_stein.squared_errors")
case(f"{JS}.squared_errors", lambda: se([1, 2, 3], 10**13, rng()), ValueError, "n_sims")
case(f"{JS}.squared_errors", lambda: se([1, 2, 3, 4], 10, 1), TypeError, "rng")
case(f"{JS}.squared_errors", lambda: se([[1.0]], 10, rng()), ValueError, "theta")
case(f"{JS}.squared_errors", lambda: se([1, 2, 3, 4], 2.0, rng()), TypeError, "n_sims")
case(f"{JS}.squared_errors", lambda: se([1, 2, 3, 4], 0, rng()), ValueError, "n_sims")

# ---------------------------------------------------------------- jerarquicos.grid.kappa

K, KP = "grid.kappa", "grid/kappa.py"


def kappa_module():
    from jerarquicos.grid import kappa

    return kappa


case(f"{K}.default_omega_grid", lambda: kappa_module().default_omega_grid(0), ValueError, "points")
case(f"{K}.default_omega_grid", lambda: kappa_module().default_omega_grid(2.5), TypeError, "points")
case(
    f"{K}.default_omega_grid", lambda: kappa_module().default_omega_grid(HUGE), ValueError, "points"
)
case(
    f"{K}.default_kappa_grid",
    lambda: kappa_module().default_kappa_grid(lower=0),
    ValueError,
    "lower",
)
case(
    f"{K}.default_kappa_grid",
    lambda: kappa_module().default_kappa_grid(lower=10.0, upper=1.0),
    ValueError,
    "upper",
)
case(
    f"{K}.default_kappa_grid", lambda: kappa_module().default_kappa_grid(True), TypeError, "points"
)
case(f"{K}.trapezoid_weights", lambda: kappa_module().trapezoid_weights([0.0]), ValueError, "grid")
case(f"{K}.trapezoid_weights", lambda: kappa_module().trapezoid_weights("ab"), TypeError, "grid")


def okpost(**kwargs):
    return kappa_module().omega_kappa_posterior([3, 5], [10, 10], **kwargs)


case(f"{K}.omega_kappa_posterior", lambda: okpost(kappa_shape=0), ValueError, "kappa_shape")
case(f"{K}.omega_kappa_posterior", lambda: okpost(kappa_rate=True), TypeError, "kappa_rate")
case(f"{K}.omega_kappa_posterior", lambda: okpost(omega_grid=[0, 0.5]), ValueError, "omega_grid")
case(f"{K}.omega_kappa_posterior", lambda: okpost(kappa_grid=[1, 3]), ValueError, "kappa_grid")
case(
    f"{K}.omega_kappa_posterior",
    lambda: kappa_module().omega_kappa_posterior([3.0], [10]),
    TypeError,
    "'y'",
)
case(
    f"{K}.omega_kappa_posterior",
    lambda: okpost(
        omega_grid=np.linspace(0.01, 0.99, 10**7), kappa_grid=np.geomspace(2.1, 1e4, 10**7)
    ),
    ValueError,
    "kappa_grid",
)
OKP = f"{K}.OmegaKappaPosterior"
case(f"{OKP}.density", lambda: okp().density("pi"), ValueError, "dim")
case(f"{OKP}.density", lambda: okp().density(3), TypeError, "dim")
case(f"{OKP}.density", lambda: okp().density("kappa", log="sí"), TypeError, "log")
case(f"{OKP}.density", lambda: okp().density("omega", which="x"), ValueError, "which")
case(f"{OKP}.pi_density", lambda: okp().pi_density(0, 0.5), ValueError, "'s'")
case(f"{OKP}.pi_density", lambda: okp().pi_density(1, [2.0]), ValueError, "'pi'")
case(f"{OKP}.pi_marginal", lambda: okp().pi_marginal(1, pi_grid=[0.5, 0.2]), ValueError, "pi_grid")
case(f"{OKP}.pi_marginal", lambda: okp().pi_marginal(1.5), TypeError, "'s'")
case(f"{OKP}.summary", lambda: okp().summary(prob=1), ValueError, "prob")

# ---------------------------------------------------------------- jerarquicos.grid.partial_pooling

PP, PPP = "grid.partial_pooling", "grid/partial_pooling.py"


def pp_module():
    from jerarquicos.grid import partial_pooling

    return partial_pooling


case(f"{PP}.hyper_posterior", lambda: pp_module().hyper_posterior([1], [0.5]), TypeError, "'N'")
case(f"{PP}.hyper_posterior", lambda: pp_module().hyper_posterior(Y, N, 0), ValueError, "A_omega")
case(
    f"{PP}.hyper_posterior",
    lambda: pp_module().hyper_posterior(Y, N, kappa_grid=[1.0]),
    ValueError,
    "kappa_grid",
)
case(
    f"{PP}.hyper_posterior",
    lambda: pp_module().hyper_posterior(Y, N, kappa_grid="ab"),
    TypeError,
    "kappa_grid",
)
case(f"{PP}.pooling_estimates", lambda: pp_module().pooling_estimates([0], [0]), ValueError, "'N'")
case(
    f"{PP}.pooling_estimates",
    lambda: pp_module().pooling_estimates(Y, N, B_omega=-1),
    ValueError,
    "B_omega",
)


def sp(*args, **kwargs):
    return pp_module().simulate_pooling(*args, **kwargs)


case(f"{PP}.simulate_pooling", lambda: sp([10], 1, rng()), ValueError, "sizes")
case(f"{PP}.simulate_pooling", lambda: sp([10, 10], 0, rng()), ValueError, "n_sims")
case(f"{PP}.simulate_pooling", lambda: sp([10, 10], 1, 1), TypeError, "rng")
case(f"{PP}.simulate_pooling", lambda: sp([10, 10], 1, rng(), omega=1.5), ValueError, "omega")
case(f"{PP}.simulate_pooling", lambda: sp([10.0, 10.0], 1, rng()), TypeError, "sizes")
case(f"{PP}.simulate_pooling", lambda: sp([10, 10], HUGE, rng()), ValueError, "n_sims")
case(f"{PP}.simulate_pooling", lambda: sp([HUGE, 3], 1, rng()), ValueError, "sizes")
case(f"{PP}.mse_by_size", lambda: pp_module().mse_by_size("x"), TypeError, "simulation")
case(
    f"{PP}.mse_by_size",
    lambda: pp_module().mse_by_size(pd.DataFrame({"size": [1]})),
    ValueError,
    "simulation",
)

# ---------------------------------------------------------------- jerarquicos.models.fitting

F = "models.fitting"


def fit(**kwargs):
    kwargs.setdefault("random_seed", 1)
    return fitting.fit(kwargs.pop("model", None) or pm_model(), **kwargs)


def fit_no_seed():
    return fitting.fit(pm_model())


case(f"{F}.fit", fit_no_seed, TypeError, "random_seed")
case(f"{F}.fit", lambda: fit(random_seed=2**64), ValueError, "random_seed")
case(f"{F}.fit", lambda: fit(random_seed=-1), ValueError, "random_seed")
case(f"{F}.fit", lambda: fit(random_seed="1"), TypeError, "random_seed")
case(f"{F}.fit", lambda: fit(random_seed=1.0), TypeError, "random_seed")
case(f"{F}.fit", lambda: fit(random_seed=True), TypeError, "random_seed")
case(f"{F}.fit", lambda: fit(draws=0), ValueError, "draws")
case(f"{F}.fit", lambda: fit(draws=10.5), TypeError, "draws")
case(f"{F}.fit", lambda: fit(draws=True), TypeError, "draws")
case(f"{F}.fit", lambda: fit(draws=10**9), ValueError, "draws")
case(f"{F}.fit", lambda: fit(draws=1_000_000, chains=64), ValueError, "draws")
case(f"{F}.fit", lambda: fit(tune=-1), ValueError, "tune")
case(f"{F}.fit", lambda: fit(chains=0), ValueError, "chains")
case(f"{F}.fit", lambda: fit(sampler="stan"), ValueError, "sampler")
case(f"{F}.fit", lambda: fit(sampler=1), TypeError, "sampler")
case(f"{F}.fit", lambda: fit(compiler="numba"), ValueError, "compiler")
case(f"{F}.fit", lambda: fit(compiler=None), TypeError, "compiler")
case(f"{F}.fit", lambda: fit(progressbar="no"), TypeError, "progressbar")
case(f"{F}.fit", lambda: fit(bogus_kwarg=3), ValueError, "bogus_kwarg")
case(f"{F}.fit", lambda: fit(target_accept=1.5), ValueError, "target_accept")
case(f"{F}.fit", lambda: fit(target_accept=True), TypeError, "target_accept")
case(f"{F}.fit", lambda: fit(target_accept="0.9"), TypeError, "target_accept")
case(f"{F}.fit", lambda: fit(cores=0), ValueError, "cores")
case(f"{F}.fit", lambda: fitting.fit("modelo", random_seed=1), TypeError, "model")
case(f"{F}.fit", lambda: fit(model=bambi_model(), target_accept=0.0), ValueError, "target_accept")
case(f"{F}.fit", lambda: fit(model=bambi_model(), init="adapt_diag"), ValueError, "init")
sweep = api("models.fitting.fit_sweep")
case(
    f"{F}.fit_sweep",
    lambda: sweep(pm_model(), "nope", [1.0], random_seed=1),
    ValueError,
    "data_name",
)
case(f"{F}.fit_sweep", lambda: sweep(pm_model(), 3, [1.0], random_seed=1), TypeError, "data_name")
case(
    f"{F}.fit_sweep",
    lambda: sweep(pm_model(), "scale", [1.0], random_seed=1, compiler=0),
    TypeError,
    "compiler",
)
case(f"{F}.fit_sweep", lambda: sweep(pm_model(), "scale", [], random_seed=1), ValueError, "values")
case(f"{F}.fit_sweep", lambda: sweep(pm_model(), "scale", 5.0, random_seed=1), TypeError, "values")
case(
    f"{F}.fit_sweep",
    lambda: sweep(pm_model(), "scale", [[1.0, 2.0]], random_seed=1),
    ValueError,
    "values",
)
case(
    f"{F}.fit_sweep", lambda: sweep(pm_model(), "scale", ["a"], random_seed=1), TypeError, "values"
)
case(
    f"{F}.fit_sweep", lambda: sweep(pm_model(), "scale", [NAN], random_seed=1), ValueError, "values"
)
case(
    f"{F}.fit_sweep",
    lambda: sweep(pm_model(), "scale", [1.0], random_seed=1, target_accept=1.5),
    ValueError,
    "target_accept",
)
case(f"{F}.fit_sweep", lambda: sweep(pm_model(), "scale", [1.0]), TypeError, "random_seed")
case(
    f"{F}.fit_sweep",
    lambda: sweep(pm_model(), "scale", [1.0], random_seed=2**64),
    ValueError,
    "random_seed",
)
case(
    f"{F}.fit_sweep",
    lambda: sweep(pm_model(), "scale", [1.0], random_seed=1, draws=0),
    ValueError,
    "draws",
)
case(f"{F}.fit_sweep", lambda: sweep(bambi_model(), "x", [1.0], random_seed=1), TypeError, "model")
R = "models.convergence"
cc = api("models.convergence.check_convergence")
case(
    f"{R}.check_convergence", lambda: cc(convergence_idata(), rhat_max=INF), ValueError, "rhat_max"
)
case(
    f"{R}.check_convergence", lambda: cc(convergence_idata(), rhat_max=1.0), ValueError, "rhat_max"
)
case(f"{R}.check_convergence", lambda: cc(convergence_idata(), rhat_max="x"), TypeError, "rhat_max")
case(
    f"{R}.check_convergence", lambda: cc(convergence_idata(), rhat_max=True), TypeError, "rhat_max"
)
case(f"{R}.check_convergence", lambda: cc(convergence_idata(), min_ess=NAN), ValueError, "min_ess")
case(f"{R}.check_convergence", lambda: cc(convergence_idata(), min_ess=-1), ValueError, "min_ess")
case(f"{R}.check_convergence", lambda: cc(convergence_idata(), min_ess="400"), TypeError, "min_ess")
case(f"{R}.check_convergence", lambda: cc(convergence_idata(), min_ess=True), TypeError, "min_ess")
case(f"{R}.check_convergence", lambda: cc("idata"), TypeError, "idata")
case(
    f"{R}.check_convergence",
    lambda: cc(az.from_dict(sample_stats={"diverging": np.zeros((2, 5), bool)})),
    ValueError,
    "idata",
)
case(
    f"{R}.check_convergence",
    lambda: cc(convergence_idata(), var_names=["nada"]),
    ValueError,
    "var_names",
)
case(
    f"{R}.check_convergence", lambda: cc(convergence_idata(), var_names=[1]), TypeError, "var_names"
)
case(
    f"{R}.check_convergence", lambda: cc(convergence_idata(), var_names=[]), ValueError, "var_names"
)
case(f"{R}.check_convergence", lambda: cc(convergence_idata(), var_names=3), TypeError, "var_names")

rd = api("models.convergence.rank_diagnostics")
case(f"{R}.rank_diagnostics", lambda: rd([1.0, 2.0]), ValueError, "ary")
case(f"{R}.rank_diagnostics", lambda: rd(np.zeros((2, 0))), ValueError, "ary")
case(f"{R}.rank_diagnostics", lambda: rd([["a", "b"], ["c", "d"]]), TypeError, "ary")
dt = api("models.convergence.diagnostics_table")
case(f"{R}.diagnostics_table", lambda: dt(convergence_idata()), TypeError, "posterior")
case(
    f"{R}.diagnostics_table",
    lambda: dt(convergence_idata().posterior.rename(draw="sample")),
    ValueError,
    "posterior",
)
case(
    f"{R}.diagnostics_table",
    lambda: dt(convergence_idata().posterior, ["nada"]),
    ValueError,
    "var_names",
)
case(f"{R}.diagnostics_table", lambda: dt(convergence_idata().posterior, 3), TypeError, "var_names")

# ---------------------------------------------------------------- jerarquicos.models.groups

GR, GRP = "models.groups", "models/groups.py"
case(f"{GR}.posterior_group", lambda: groups.posterior_group("idata"), TypeError, "idata")
case(f"{GR}.posterior_group", lambda: groups.posterior_group(az.from_dict()), ValueError, "idata")
ge = api("models.groups.group_effect")
case(
    f"{GR}.group_effect",
    lambda: ge(radon_idata(), group_term="1|county", level="Z"),
    ValueError,
    "level",
)
case(
    f"{GR}.group_effect",
    lambda: ge(radon_idata(), group_term="1|tank", level="A"),
    ValueError,
    "group_term",
)
case(
    f"{GR}.group_effect",
    lambda: ge(radon_idata(), group_term=3, level="A"),
    TypeError,
    "group_term",
)
case(
    f"{GR}.group_effect",
    lambda: ge(radon_idata(), group_term="sigma", level="A"),
    ValueError,
    "group_term",
)
gs = api("models.groups.group_summary")
case(f"{GR}.group_summary", lambda: gs(radon_idata(), "nope"), ValueError, "term")
case(f"{GR}.group_summary", lambda: gs(radon_idata(), 3), TypeError, "term")
case(
    f"{GR}.group_summary",
    lambda: gs(radon_idata(), "1|county", intercept="zz"),
    ValueError,
    "intercept",
)
case(f"{GR}.group_summary", lambda: gs("idata", "a"), TypeError, "idata")
case(f"{GR}.group_summary", lambda: gs(radon_idata(), "sigma"), ValueError, "term")
nge = api("models.groups.new_group_effects")
SIG = "1|county_sigma"
case(
    f"{GR}.new_group_effects",
    lambda: nge(radon_idata(), group_sigma=SIG, n_new_groups=0),
    ValueError,
    "n_new_groups",
)
case(
    f"{GR}.new_group_effects",
    lambda: nge(radon_idata(), group_sigma=SIG, n_new_groups=True),
    TypeError,
    "n_new_groups",
)
case(
    f"{GR}.new_group_effects",
    lambda: nge(radon_idata(), group_sigma=SIG, n_new_groups=HUGE),
    ValueError,
    "n_new_groups",
)
for seed, error in ((-1, ValueError), ("abc", TypeError), (2.5, TypeError)):
    case(
        f"{GR}.new_group_effects",
        lambda seed=seed: nge(radon_idata(), group_sigma=SIG, random_seed=seed),
        error,
        "random_seed",
    )
case(
    f"{GR}.new_group_effects",
    lambda: nge(radon_idata(), group_sigma="sigma_missing"),
    ValueError,
    "group_sigma",
)
case(
    f"{GR}.new_group_effects",
    lambda: nge(radon_idata(), group_sigma="1|county"),
    ValueError,
    "group_sigma",
)

# ---------------------------------------------------------------- jerarquicos.models.radon

R, RP = "models.radon", "models/radon.py"
case(f"{R}.prepare_radon", lambda: radon.prepare_radon("tabla"), TypeError, "data")
case(
    f"{R}.prepare_radon",
    lambda: radon.prepare_radon(radon_df().drop(columns="floor")),
    ValueError,
    "floor",
)
case(
    f"{R}.prepare_radon",
    lambda: radon.prepare_radon(radon_df(log_radon=list("abcdef"))),
    TypeError,
    "log_radon",
)
case(
    f"{R}.prepare_radon",
    lambda: radon.prepare_radon(radon_df(log_radon=[1.0, INF, 1, 1, 1, 1])),
    ValueError,
    "log_radon",
)
case(
    f"{R}.prepare_radon",
    lambda: radon.prepare_radon(radon_df(floor=[0, 0.5, 1, 1, 0, 0])),
    ValueError,
    "floor",
)
case(
    f"{R}.prepare_radon",
    lambda: radon.prepare_radon(radon_df(log_radon=[1.0, NAN, 1, 1, 1, 1])),
    ValueError,
    "log_radon",
)
case(f"{R}.prepare_radon", lambda: radon.prepare_radon(radon_df().iloc[:0]), ValueError, "data")
case(
    f"{R}.complete_pooling_model",
    lambda: radon.complete_pooling_model(radon_df(), priors=[1]),
    TypeError,
    "priors",
)
case(
    f"{R}.complete_pooling_model",
    lambda: radon.complete_pooling_model(radon_df(), priors={"inexistente": bambi_prior()}),
    ValueError,
    "priors",
)
case(
    f"{R}.complete_pooling_model",
    lambda: radon.complete_pooling_model(radon_df().iloc[:0]),
    ValueError,
    "data",
)
case(
    f"{R}.complete_pooling_model",
    lambda: radon.complete_pooling_model(radon_df(log_radon=list("abcdef"))),
    TypeError,
    "log_radon",
)
case(
    f"{R}.no_pooling_model",
    lambda: radon.no_pooling_model(radon_df(), priors={"nope": bambi_prior()}),
    ValueError,
    "priors",
)
case(f"{R}.no_pooling_model", lambda: radon.no_pooling_model("x"), TypeError, "data")
case(
    f"{R}.varying_intercepts_model",
    lambda: radon.varying_intercepts_model(radon_df(), priors="x"),
    TypeError,
    "priors",
)
case(
    f"{R}.varying_intercepts_model",
    lambda: radon.varying_intercepts_model(radon_df(log_radon=[1.0, -INF, 1, 1, 1, 1])),
    ValueError,
    "log_radon",
)
case(
    f"{R}.floor_model",
    lambda: radon.floor_model(radon_df(), priors={"bogus": bambi_prior()}),
    ValueError,
    "priors",
)
case(
    f"{R}.floor_model",
    lambda: radon.floor_model(radon_df().drop(columns="floor")),
    ValueError,
    "floor",
)
case(
    f"{R}.uranium_model",
    lambda: radon.uranium_model(radon_df().drop(columns="log_uranium")),
    ValueError,
    "log_uranium",
)
case(f"{R}.uranium_model", lambda: radon.uranium_model(radon_df(), priors=3), TypeError, "priors")
case(
    f"{R}.varying_slopes_model",
    lambda: radon.varying_slopes_model(radon_df(), priors={"x": bambi_prior()}),
    ValueError,
    "priors",
)
case(f"{R}.varying_slopes_model", lambda: radon.varying_slopes_model(None), TypeError, "data")
fpm = api("models.radon.fixed_prior_model")
case(
    f"{R}.fixed_prior_model",
    lambda: fpm(radon_df(), prior_variance=True),
    TypeError,
    "prior_variance",
)
case(
    f"{R}.fixed_prior_model",
    lambda: fpm(radon_df(), prior_variance=0),
    ValueError,
    "prior_variance",
)
case(f"{R}.fixed_prior_model", lambda: fpm(radon_df(), prior_mean="0"), TypeError, "prior_mean")
case(f"{R}.fixed_prior_model", lambda: fpm(radon_df(), prior_mean=INF), ValueError, "prior_mean")
case(
    f"{R}.fixed_prior_model",
    lambda: fpm(radon_df(log_radon=list("abcdef"))),
    TypeError,
    "log_radon",
)
case(f"{R}.prior_sd", lambda: radon.prior_sd([1, -1]), ValueError, "variances")
case(f"{R}.prior_sd", lambda: radon.prior_sd("10"), TypeError, "variances")
case(f"{R}.prior_sd", lambda: radon.prior_sd(True), TypeError, "variances")
case(f"{R}.prior_sd", lambda: radon.prior_sd([]), ValueError, "variances")
case(
    f"{R}.county_uranium",
    lambda: radon.county_uranium(radon_df(log_uranium=[0.1, 0.2, 0, 0, 0, 0])),
    ValueError,
    "log_uranium",
)
case(f"{R}.county_uranium", lambda: radon.county_uranium("x"), TypeError, "data")
case(
    f"{R}.county_uranium",
    lambda: radon.county_uranium(radon_df(log_uranium=list("aabbcc"))),
    TypeError,
    "log_uranium",
)
prc, prn = api("models.radon.predict_radon_county"), api("models.radon.predict_radon_new_county")
case(f"{R}.predict_radon_county", lambda: prc(radon_idata(), "Z"), ValueError, "county")
for seed, error in ((-1, ValueError), ("abc", TypeError), (2.5, TypeError)):
    case(
        f"{R}.predict_radon_county",
        lambda seed=seed: prc(radon_idata(), "A", random_seed=seed),
        error,
        "random_seed",
    )
    case(
        f"{R}.predict_radon_new_county",
        lambda seed=seed: prn(radon_idata(), random_seed=seed),
        error,
        "random_seed",
    )
case(f"{R}.predict_radon_county", lambda: prc(radon_idata(True), "A", floor=2), ValueError, "floor")
case(
    f"{R}.predict_radon_county", lambda: prc(radon_idata(True), "A", floor=True), TypeError, "floor"
)
case(f"{R}.predict_radon_county", lambda: prc("idata", "A"), TypeError, "idata")
case(f"{R}.predict_radon_county", lambda: prc(other_idata(), "A"), ValueError, "idata")
case(
    f"{R}.predict_radon_new_county",
    lambda: prn(radon_idata(), n_new_groups=0),
    ValueError,
    "n_new_groups",
)
case(
    f"{R}.predict_radon_new_county",
    lambda: prn(radon_idata(), n_new_groups=2.0),
    TypeError,
    "n_new_groups",
)
case(
    f"{R}.predict_radon_new_county",
    lambda: prn(radon_idata(), n_new_groups=HUGE),
    ValueError,
    "n_new_groups",
)
case(f"{R}.predict_radon_new_county", lambda: prn(radon_idata(), floor=1), ValueError, "floor")
case(f"{R}.predict_radon_new_county", lambda: prn(radon_idata(True), floor=0.0), TypeError, "floor")

# ---------------------------------------------------------------- jerarquicos.models.runners

RU, RUP = "models.runners", "models/runners.py"
pr = api("models.runners.prepare_runners")
case(f"{RU}.prepare_runners", lambda: pr("x"), TypeError, "data")
case(f"{RU}.prepare_runners", lambda: pr(runners_raw(), age_center=INF), ValueError, "age_center")
case(
    f"{RU}.prepare_runners",
    lambda: pr(runners_raw(), age_center="55"),
    TypeError,
    "age_center",
)
case(
    f"{RU}.prepare_runners",
    lambda: pr(runners_raw(), age_center=True),
    TypeError,
    "age_center",
)
case(
    f"{RU}.prepare_runners",
    lambda: pr(runners_raw(age=[50, 51, 52, 53, INF, 55, 56, 57, 58])),
    ValueError,
    "age",
)
case(
    f"{RU}.prepare_runners",
    lambda: pr(runners_raw(net=list("abcdefghi"))),
    TypeError,
    "net",
)
case(f"{RU}.prepare_runners", lambda: pr(runners_raw().iloc[:0]), ValueError, "data")
case(f"{RU}.prepare_runners", lambda: pr(runners_raw().drop(columns="age")), ValueError, "age")
vsm = api("models.runners.varying_slopes_model")
case(f"{RU}.varying_slopes_model", lambda: vsm(runners_raw(), priors=3), TypeError, "priors")
case(
    f"{RU}.varying_slopes_model",
    lambda: vsm(runners_raw(), priors={"inexistente": bambi_prior()}),
    ValueError,
    "priors",
)
case(
    f"{RU}.varying_slopes_model",
    lambda: vsm(runners_raw(), age_center=INF),
    ValueError,
    "age_center",
)
cvs = api("models.runners.correlated_varying_slopes_model")
case(
    f"{RU}.correlated_varying_slopes_model",
    lambda: cvs(runners_raw(), lkj_eta=True),
    TypeError,
    "lkj_eta",
)
case(
    f"{RU}.correlated_varying_slopes_model",
    lambda: cvs(runners_raw(), lkj_eta=0),
    ValueError,
    "lkj_eta",
)
case(
    f"{RU}.correlated_varying_slopes_model",
    lambda: cvs(runners_raw(), lkj_eta="1"),
    TypeError,
    "lkj_eta",
)
case(
    f"{RU}.correlated_varying_slopes_model",
    lambda: cvs(runners_raw(), sigma_scale=True),
    TypeError,
    "sigma_scale",
)
case(
    f"{RU}.correlated_varying_slopes_model",
    lambda: cvs(runners_raw(), sigma_scale=-1),
    ValueError,
    "sigma_scale",
)
case(
    f"{RU}.correlated_varying_slopes_model",
    lambda: cvs(runners_raw(), centered="no"),
    TypeError,
    "centered",
)
case(
    f"{RU}.correlated_varying_slopes_model",
    lambda: cvs(runners_raw(), intercept_prior=(100, 0)),
    ValueError,
    "intercept_prior",
)
case(
    f"{RU}.correlated_varying_slopes_model",
    lambda: cvs(runners_raw(), slope_prior=(2.5, INF)),
    ValueError,
    "slope_prior",
)
case(
    f"{RU}.correlated_varying_slopes_model",
    lambda: cvs(runners_raw(), group_sd_scales=(1.0,)),
    ValueError,
    "group_sd_scales",
)
case(
    f"{RU}.correlated_varying_slopes_model",
    lambda: cvs(runners_raw(), intercept_prior="ab"),
    TypeError,
    "intercept_prior",
)
case(
    f"{RU}.correlated_varying_slopes_model",
    lambda: cvs(runners_raw(), age_center=INF),
    ValueError,
    "age_center",
)
cs = api("models.runners.correlation_summary")
case(f"{RU}.correlation_summary", lambda: cs(rho_idata(), prob=1.5), ValueError, "prob")
case(
    f"{RU}.correlation_summary",
    lambda: cs(rho_idata(), prob="0.9"),
    TypeError,
    "prob",
)
case(f"{RU}.correlation_summary", lambda: cs(other_idata()), ValueError, "idata")
case(f"{RU}.correlation_summary", lambda: cs("idata"), TypeError, "idata")
npl = api("models.runners.no_pooling_lines")
case(f"{RU}.no_pooling_lines", lambda: npl("x"), TypeError, "data")
case(f"{RU}.no_pooling_lines", lambda: npl(runners_raw()), ValueError, "age_c")
case(
    f"{RU}.no_pooling_lines",
    lambda: npl(pd.DataFrame({"runner": [1, 1], "age_c": [0.0, 0.0], "net": [80.0, 81.0]})),
    ValueError,
    "data",
)
case(f"{RU}.posterior_lines", lambda: runners.posterior_lines(other_idata()), ValueError, "idata")
case(f"{RU}.posterior_lines", lambda: runners.posterior_lines("idata"), TypeError, "idata")
case(f"{RU}.population_line", lambda: runners.population_line(other_idata()), ValueError, "idata")
case(f"{RU}.population_line", lambda: runners.population_line(3), TypeError, "idata")

# ---------------------------------------------------------------- jerarquicos.models.tadpoles

T, TP = "models.tadpoles", "models/tadpoles.py"
pt = api("models.tadpoles.prepare_tadpoles")
case(f"{T}.prepare_tadpoles", lambda: pt("x"), TypeError, "data")
case(f"{T}.prepare_tadpoles", lambda: pt(frogs_df(surv=[11, 10, 7, 20])), ValueError, "surv")
case(f"{T}.prepare_tadpoles", lambda: pt(frogs_df(surv=list("abcd"))), TypeError, "surv")
case(
    f"{T}.prepare_tadpoles", lambda: pt(frogs_df(density=[10, 10.5, 10, 25])), ValueError, "density"
)
case(f"{T}.prepare_tadpoles", lambda: pt(frogs_df().iloc[:0]), ValueError, "data")
tvi = api("models.tadpoles.varying_intercepts_model")
case(
    f"{T}.varying_intercepts_model",
    lambda: tvi(frogs_df(), sigma_rate=True),
    TypeError,
    "sigma_rate",
)
case(
    f"{T}.varying_intercepts_model", lambda: tvi(frogs_df(), sigma_rate=0), ValueError, "sigma_rate"
)
case(
    f"{T}.varying_intercepts_model",
    lambda: tvi(frogs_df(), sigma_rate="x"),
    TypeError,
    "sigma_rate",
)
case(
    f"{T}.varying_intercepts_model",
    lambda: tvi(frogs_df(), intercept_prior=(0,)),
    ValueError,
    "intercept_prior",
)
case(
    f"{T}.varying_intercepts_model",
    lambda: tvi(frogs_df(), intercept_prior=(0, -1)),
    ValueError,
    "intercept_prior",
)
case(
    f"{T}.varying_intercepts_model",
    lambda: tvi(frogs_df(), intercept_prior="ab"),
    TypeError,
    "intercept_prior",
)
case(f"{T}.varying_intercepts_model", lambda: tvi(frogs_df().iloc[:0]), ValueError, "data")
pnt, ptt = (
    api("models.tadpoles.predict_tadpoles_new_tank"),
    api("models.tadpoles.predict_tadpoles_tank"),
)
case(
    f"{T}.predict_tadpoles_new_tank", lambda: pnt(tadpole_idata(), density=0), ValueError, "density"
)
case(
    f"{T}.predict_tadpoles_new_tank",
    lambda: pnt(tadpole_idata(), density=2.5),
    TypeError,
    "density",
)
case(
    f"{T}.predict_tadpoles_new_tank",
    lambda: pnt(tadpole_idata(), density=True),
    TypeError,
    "density",
)
case(
    f"{T}.predict_tadpoles_new_tank",
    lambda: pnt(tadpole_idata(), density=10, n_new_groups=0),
    ValueError,
    "n_new_groups",
)
case(
    f"{T}.predict_tadpoles_new_tank",
    lambda: pnt(tadpole_idata(), density=10, random_seed=-1),
    ValueError,
    "random_seed",
)
case(f"{T}.predict_tadpoles_new_tank", lambda: pnt(other_idata(), density=10), ValueError, "idata")
case(f"{T}.predict_tadpoles_tank", lambda: ptt(tadpole_idata(), 99, density=10), ValueError, "tank")
case(
    f"{T}.predict_tadpoles_tank",
    lambda: ptt(tadpole_idata(), 1, density=10, random_seed="abc"),
    TypeError,
    "random_seed",
)
case(
    f"{T}.predict_tadpoles_tank",
    lambda: ptt(tadpole_idata(), 1, density=10, random_seed=2.5),
    TypeError,
    "random_seed",
)
case(
    f"{T}.predict_tadpoles_tank", lambda: ptt(tadpole_idata(), 1, density=-3), ValueError, "density"
)
case(f"{T}.predict_tadpoles_tank", lambda: ptt(object(), 1, density=10), TypeError, "idata")

# ---------------------------------------------------------------- jerarquicos.plots.grid

PG, PGP = "plots.grid", "plots/grid.py"
raster = api("plots.grid.plot_grid_raster")
case(f"{PG}.plot_grid_raster", lambda: raster("x"), TypeError, "'da'")
case(f"{PG}.plot_grid_raster", lambda: raster(da1()), ValueError, "'da'")
case(f"{PG}.plot_grid_raster", lambda: raster(da2(), y="kappa"), ValueError, "'y'")
case(f"{PG}.plot_grid_raster", lambda: raster(da2(), x="omega"), ValueError, "'x'")
case(f"{PG}.plot_grid_raster", lambda: raster(da2(), cmap="nope"), ValueError, "cmap")
case(f"{PG}.plot_grid_raster", lambda: raster(da2(), hlines=[NAN]), ValueError, "hlines")
case(f"{PG}.plot_grid_raster", lambda: raster(da2(), colorbar="no"), TypeError, "colorbar")
case(f"{PG}.plot_grid_raster", lambda: raster(da2(), relative="sí"), TypeError, "relative")
dist_plot = api("plots.grid.plot_grid_distribution")
case(f"{PG}.plot_grid_distribution", lambda: dist_plot(da2()), ValueError, "'da'")
case(f"{PG}.plot_grid_distribution", lambda: dist_plot([0.1, 0.9]), TypeError, "'da'")
case(f"{PG}.plot_grid_distribution", lambda: dist_plot(da1(), label=3), TypeError, "label")
bd = api("plots.grid.plot_beta_densities")
case(f"{PG}.plot_beta_densities", lambda: bd(1.5, [5]), ValueError, "omega")
case(f"{PG}.plot_beta_densities", lambda: bd(0.5, [1]), ValueError, "kappa")
case(f"{PG}.plot_beta_densities", lambda: bd(0.5, []), ValueError, "kappas")
case(f"{PG}.plot_beta_densities", lambda: bd(0.5, [5], points=2.5), TypeError, "points")
case(f"{PG}.plot_beta_densities", lambda: bd(0.5, [5], points=1), ValueError, "points")
case(f"{PG}.plot_beta_densities", lambda: bd(0.5, [5], points=True), TypeError, "points")
case(
    f"{PG}.beta_densities_figure",
    lambda: grid_plots.beta_densities_figure(0.5, [5], layout="ancha"),
    TypeError,
    "layout",
)
case(
    f"{PG}.beta_densities_figure",
    lambda: grid_plots.beta_densities_figure(-0.5, [5], layout=WIDE),
    ValueError,
    "omega",
)
case(
    f"{PG}.coin_prior_figure",
    lambda: grid_plots.coin_prior_figure(gp2(), layout=WIDE),
    ValueError,
    "res",
)
case(
    f"{PG}.coin_prior_figure",
    lambda: grid_plots.coin_prior_figure(gp1(), omegas=[1.5], layout=WIDE),
    ValueError,
    "omegas",
)
case(
    f"{PG}.coin_prior_figure",
    lambda: grid_plots.coin_prior_figure(gp1(), omegas="ab", layout=WIDE),
    TypeError,
    "omegas",
)
case(
    f"{PG}.coin_posterior_figure",
    lambda: grid_plots.coin_posterior_figure("x", layout=WIDE),
    TypeError,
    "res",
)
case(
    f"{PG}.coin_posterior_figure",
    lambda: grid_plots.coin_posterior_figure(gp1(), layout=None),
    TypeError,
    "layout",
)
case(
    f"{PG}.subject_rasters_figure",
    lambda: grid_plots.subject_rasters_figure(cp(), layout=WIDE),
    TypeError,
    "res",
)
case(
    f"{PG}.subject_marginals_figure",
    lambda: grid_plots.subject_marginals_figure(gp2(), layout="x"),
    TypeError,
    "layout",
)
kmf = api("plots.grid.kappa_marginals_figure")
case(f"{PG}.kappa_marginals_figure", lambda: kmf({}, [5], [], layout=WIDE), ValueError, "frames")
case(
    f"{PG}.kappa_marginals_figure",
    lambda: kmf(kappa_frames(), [5], [0.1], layout=WIDE),
    ValueError,
    "proportions",
)
case(
    f"{PG}.kappa_marginals_figure",
    lambda: kmf(kappa_frames(), [7], [0.25, 0.5], layout=WIDE),
    ValueError,
    "kappas",
)
case(
    f"{PG}.kappa_marginals_figure",
    lambda: kmf(kappa_frames(), [5], ["a", "b"], layout=WIDE),
    TypeError,
    "proportions",
)
case(
    f"{PG}.kappa_marginals_figure",
    lambda: kmf("frames", [5], [0.1], layout=WIDE),
    TypeError,
    "frames",
)

# ---------------------------------------------------------------- jerarquicos.plots.interactive

SL, IP = "plots.interactive.slider_figure_html", "plots/interactive.py"
case(SL, lambda: slider(initial=NAN), ValueError, "initial")
case(SL, lambda: slider(initial="1"), TypeError, "initial")
case(SL, lambda: slider(initial=100.0), ValueError, "initial")
case(SL, lambda: slider(frames={"a": [["x", "y", "z"], ["u", "v", "w"]]}), TypeError, "frames")
case(SL, lambda: slider(frames={"a": [[0.0, 1.0, NAN], [1.0, 0.0, 0.5]]}), ValueError, "frames")
case(SL, lambda: slider(frames={"a": [[0.0, 1.0]]}), ValueError, "frames")
case(SL, lambda: slider(frames=[1, 2]), TypeError, "frames")
case(SL, lambda: slider(slider_label=3), TypeError, "slider_label")
case(SL, lambda: slider(alt=""), ValueError, "alt")
case(SL, lambda: slider(alt=None), TypeError, "alt")
case(SL, lambda: slider(digits=-1), ValueError, "digits")
case(SL, lambda: slider(digits=2.5), TypeError, "digits")
case(SL, lambda: slider(x=[1.0, 0.5, 0.0]), ValueError, "'x'")
case(SL, lambda: slider(x="abc"), TypeError, "'x'")
case(SL, lambda: slider(slider_values=[1.0]), ValueError, "slider_values")
case(SL, lambda: slider(slider_values=["a", "b"]), TypeError, "slider_values")
case(SL, lambda: slider(panel_titles={"a": 3}), TypeError, "panel_titles")
case(SL, lambda: slider(panel_titles={"zz": "título"}), ValueError, "panel_titles")
case(SL, lambda: slider(x_label=None), TypeError, "x_label")

# ---------------------------------------------------------------- jerarquicos.plots.layout

L, LP = "plots.layout", "plots/layout.py"
case(f"{L}.show", lambda: layout.show(3), TypeError, "draw")
case(f"{L}.show", lambda: layout.show(lambda *, layout: "no es una figura"), TypeError, "Figure")
case(f"{L}.smallest_text_pt", lambda: layout.smallest_text_pt("fig"), TypeError, "fig")
case(f"{L}.subplots", lambda: layout.subplots(0, WIDE), ValueError, "n_panels")
case(f"{L}.subplots", lambda: layout.subplots(True, WIDE), TypeError, "n_panels")
case(f"{L}.subplots", lambda: layout.subplots(2.0, WIDE), TypeError, "n_panels")
case(f"{L}.subplots", lambda: layout.subplots(2, "wide"), TypeError, "layout")
case(f"{L}.subplots", lambda: layout.subplots(2, WIDE, cols=0), ValueError, "cols")
case(f"{L}.subplots", lambda: layout.subplots(2, WIDE, cols="2"), TypeError, "cols")
case(f"{L}.subplots", lambda: layout.subplots(2, WIDE, panel_aspect=-1), ValueError, "panel_aspect")
case(f"{L}.subplots", lambda: layout.subplots(2, WIDE, extra=NAN), ValueError, "extra")
case(f"{L}.Layout.figsize", lambda: WIDE.figsize(0), ValueError, "rows")
case(f"{L}.Layout.figsize", lambda: WIDE.figsize(1, panel_aspect="x"), TypeError, "panel_aspect")

# ---------------------------------------------------------------- jerarquicos.plots.style

case(
    "plots.style.axis_label",
    lambda: style.axis_label(3),
    TypeError,
    "dim",
)
case(
    "plots.style.axis_label",
    lambda: style.axis_label(None),
    TypeError,
    "dim",
)

# ---------------------------------------------------------------- jerarquicos.plots.pooling

PO, POP = "plots.pooling", "plots/pooling.py"
ps = api("plots.pooling.plot_prior_sweep")
case(f"{PO}.plot_prior_sweep", lambda: ps("x"), TypeError, "estimates")
case(f"{PO}.plot_prior_sweep", lambda: ps(prior_sweep_table()[[1.0]]), ValueError, "estimates")
case(f"{PO}.plot_prior_sweep", lambda: ps(prior_sweep_table(), sizes=[1]), ValueError, "sizes")
case(
    f"{PO}.plot_prior_sweep", lambda: ps(prior_sweep_table(), sizes=[1, 2, -3]), ValueError, "sizes"
)
case(f"{PO}.plot_prior_sweep", lambda: ps(prior_sweep_table(), hline="x"), TypeError, "hline")
case(
    f"{PO}.plot_prior_sweep", lambda: ps(prior_sweep_table(), colorbar="no"), TypeError, "colorbar"
)
case(
    f"{PO}.plot_prior_sweep",
    lambda: ps(prior_sweep_table().rename(columns={1.0: -1.0})),
    ValueError,
    "estimates",
)
ebs = api("plots.pooling.plot_estimates_by_size")
case(f"{PO}.plot_estimates_by_size", lambda: ebs([1, 2], [1]), ValueError, "means")
case(f"{PO}.plot_estimates_by_size", lambda: ebs(["a"], [1]), TypeError, "sizes")
case(f"{PO}.plot_estimates_by_size", lambda: ebs([1, 2], [1, 2], sds=[-1, 1]), ValueError, "sds")
case(f"{PO}.plot_estimates_by_size", lambda: ebs([1, 2], [1, 2], jitter="x"), TypeError, "jitter")
case(f"{PO}.plot_estimates_by_size", lambda: ebs([1, 2], [1, 2], jitter=True), TypeError, "jitter")
case(f"{PO}.plot_estimates_by_size", lambda: ebs([1, 2], [1, 2], jitter=-0.1), ValueError, "jitter")
case(
    f"{PO}.plot_estimates_by_size",
    lambda: ebs([1, 2], [1, 2], jitter=0.1, random_seed=-1),
    ValueError,
    "random_seed",
)
kf = api("plots.pooling.plot_kept_fraction")
case(f"{PO}.plot_kept_fraction", lambda: kf([1, 2], [0.5, 0.5], ratio=-1), ValueError, "ratio")
case(f"{PO}.plot_kept_fraction", lambda: kf([1, 2], [0.5, 0.5], ratio="x"), TypeError, "ratio")
case(f"{PO}.plot_kept_fraction", lambda: kf([0, 2], [0.5, 0.5]), ValueError, "sizes")
ag = api("plots.pooling.plot_agreement")
case(f"{PO}.plot_agreement", lambda: ag([1, 2], [1]), ValueError, "y")
case(f"{PO}.plot_agreement", lambda: ag([NAN], [1]), ValueError, "x")
case(f"{PO}.plot_agreement", lambda: ag([1, 2], [1, 2], xlabel=3), TypeError, "xlabel")
pcf = api("plots.pooling.plot_county_fits")
FITS = {"sin pooling": (1.0, -0.5)}
case(f"{PO}.plot_county_fits", lambda: pcf(radon_df(), "Z", FITS), ValueError, "county")
case(f"{PO}.plot_county_fits", lambda: pcf(radon_df(), "A", {}), ValueError, "fits")
case(f"{PO}.plot_county_fits", lambda: pcf(radon_df(), "A", {"x": (1.0,)}), ValueError, "fits")
case(f"{PO}.plot_county_fits", lambda: pcf(radon_df(), "A", FITS, jitter=-1), ValueError, "jitter")
case(f"{PO}.plot_county_fits", lambda: pcf("datos", "A", FITS), TypeError, "data")
case(f"{PO}.plot_county_fits", lambda: pcf(radon_df(), "A", [(1.0, 2.0)]), TypeError, "fits")
pte = api("plots.pooling.plot_tank_estimates")
case(
    f"{PO}.plot_tank_estimates",
    lambda: pte([10], [1.5], [0.5], population=0.5),
    ValueError,
    "observed",
)
case(
    f"{PO}.plot_tank_estimates",
    lambda: pte([10], [0.5], [0.5], population="x"),
    TypeError,
    "population",
)
case(
    f"{PO}.plot_tank_estimates",
    lambda: pte([10], [0.5], [0.5], population=True),
    TypeError,
    "population",
)
case(
    f"{PO}.plot_tank_estimates",
    lambda: pte([10], [0.5], [0.5], population=1.5),
    ValueError,
    "population",
)
case(f"{PO}.plain_log_ticks", lambda: pooling.plain_log_ticks("x"), TypeError, "axis")

sspread = api("plots.pooling.plot_sweep_spread")
case(f"{PO}.plot_sweep_spread", lambda: sspread([1, 10], [0.5]), ValueError, "spread")
case(f"{PO}.plot_sweep_spread", lambda: sspread([-1, 10], [0.5, 0.4]), ValueError, "variances")
case(f"{PO}.plot_sweep_spread", lambda: sspread("ab", [0.5, 0.4]), TypeError, "variances")
case(
    f"{PO}.plot_sweep_spread",
    lambda: sspread([1, 10], [0.5, 0.4], reference="x"),
    TypeError,
    "reference",
)
gpred = api("plots.pooling.plot_group_predictor")
case(
    f"{PO}.plot_group_predictor", lambda: gpred([0.1, 0.2], [1.0], line=(0, 1)), ValueError, "means"
)
case(f"{PO}.plot_group_predictor", lambda: gpred([0.1, 0.2], [1, 2], line=(0,)), ValueError, "line")
case(
    f"{PO}.plot_group_predictor",
    lambda: gpred([0.1, 0.2], [1, 2], sds=[-1, 1], line=(0, 1)),
    ValueError,
    "sds",
)
case(
    f"{PO}.plot_group_predictor",
    lambda: gpred([0.1, 0.2], [1, 2], line=(0, INF)),
    ValueError,
    "line",
)
psf = api("plots.pooling.prior_sweep_figure")
SWEEP = {"sizes": [1, 2, 3], "pooled": 1.0, "unpooled_spread": 0.5}
case(
    f"{PO}.prior_sweep_figure",
    lambda: psf(prior_sweep_table(), [0.1, 0.2], layout="x", **SWEEP),
    TypeError,
    "layout",
)
case(
    f"{PO}.prior_sweep_figure",
    lambda: psf(prior_sweep_table(), [0.1], layout=WIDE, **SWEEP),
    ValueError,
    "spread",
)
case(
    f"{PO}.prior_sweep_figure",
    lambda: psf(prior_sweep_table(), [0.1, 0.2], layout=WIDE, **(SWEEP | {"pooled": "x"})),
    TypeError,
    "pooled",
)
agf = api("plots.pooling.agreement_figure")
case(f"{PO}.agreement_figure", lambda: agf([1, 2], [1], layout=WIDE), ValueError, "y")
case(f"{PO}.agreement_figure", lambda: agf([1, 2], [1, 2], layout="x"), TypeError, "layout")
ebsf = api("plots.pooling.estimates_by_size_figure")
PANELS = {"sin pooling": ([1.0, 2.0], [0.1, 0.2], "C0")}
case(
    f"{PO}.estimates_by_size_figure",
    lambda: ebsf([1, 2], {}, center=1.0, layout=WIDE),
    ValueError,
    "panels",
)
case(
    f"{PO}.estimates_by_size_figure",
    lambda: ebsf([1, 2], {"a": ([1.0],)}, center=1.0, layout=WIDE),
    ValueError,
    "panels",
)
case(
    f"{PO}.estimates_by_size_figure",
    lambda: ebsf([1, 2], PANELS, center=1.0, layout="x"),
    TypeError,
    "layout",
)
case(
    f"{PO}.estimates_by_size_figure",
    lambda: ebsf([1, 2], PANELS, center=1.0, random_seed=-1, layout=WIDE),
    ValueError,
    "random_seed",
)
kff = api("plots.pooling.kept_fraction_figure")
case(f"{PO}.kept_fraction_figure", lambda: kff([1, 2], [0.5], layout=WIDE), ValueError, "kept")
case(
    f"{PO}.kept_fraction_figure", lambda: kff([1, 2], [0.5, 0.5], layout=None), TypeError, "layout"
)
cff = api("plots.pooling.county_fits_figure")
case(f"{PO}.county_fits_figure", lambda: cff(radon_df(), {}, layout=WIDE), ValueError, "lines")
case(
    f"{PO}.county_fits_figure",
    lambda: cff(radon_df(), {"Z": FITS}, layout=WIDE),
    ValueError,
    "county",
)
case(
    f"{PO}.county_fits_figure",
    lambda: cff(radon_df(), {"A": FITS}, layout="x"),
    TypeError,
    "layout",
)
gpf = api("plots.pooling.group_predictor_figure")
case(f"{PO}.group_predictor_figure", lambda: gpf([0.1, 0.2], {}, layout=WIDE), ValueError, "panels")
case(
    f"{PO}.group_predictor_figure",
    lambda: gpf([0.1, 0.2], {"a": ([1.0, 2.0], None, (0.0, 1.0), "recta")}, layout="x"),
    TypeError,
    "layout",
)
case(
    f"{PO}.group_predictor_figure",
    lambda: gpf([0.1, 0.2], {"a": ([1.0, 2.0],)}, layout=WIDE),
    ValueError,
    "panels",
)
tef = api("plots.pooling.tank_estimates_figure")
case(
    f"{PO}.tank_estimates_figure",
    lambda: tef([10], [1.5], [0.5], population=0.5, layout=WIDE),
    ValueError,
    "observed",
)
case(
    f"{PO}.tank_estimates_figure",
    lambda: tef([10], [0.5], [0.5], population=0.5, layout="x"),
    TypeError,
    "layout",
)
case(
    f"{PO}.plot_tank_estimates",
    lambda: pte([10], [0.5], [0.5], population=0.5, legend="no"),
    TypeError,
    "legend",
)

# ---------------------------------------------------------------- jerarquicos.plots.runners

PR, PRP = "plots.runners", "plots/runners.py"
case(f"{PR}.plot_runner_times", lambda: runner_plots.plot_runner_times("x"), TypeError, "data")
case(
    f"{PR}.plot_runner_times",
    lambda: runner_plots.plot_runner_times(runners_raw(), color="nope"),
    ValueError,
    "color",
)
case(
    f"{PR}.plot_runner_times",
    lambda: runner_plots.plot_runner_times(runners_raw().drop(columns="net")),
    ValueError,
    "net",
)
case(f"{PR}.plot_runner_panels", lambda: runner_panels(ncols=0), ValueError, "ncols")
case(f"{PR}.plot_runner_panels", lambda: runner_panels(ncols=2.5), TypeError, "ncols")
case(
    f"{PR}.plot_runner_panels",
    lambda: runner_panels(lines={"sin pooling": runner_lines().drop(index="1")}),
    ValueError,
    "lines",
)
case(f"{PR}.plot_runner_panels", lambda: runner_panels(runners=[]), ValueError, "runners")
case(f"{PR}.plot_runner_panels", lambda: runner_panels(runners=["99"]), ValueError, "runners")
case(f"{PR}.plot_runner_panels", lambda: runner_panels(age_center=INF), ValueError, "age_center")
case(f"{PR}.plot_runner_panels", lambda: runner_panels(lines="x"), TypeError, "lines")
case(f"{PR}.plot_runner_panels", lambda: runner_panels(population=(1.0,)), ValueError, "population")
case(f"{PR}.plot_runner_panels", lambda: runner_panels(data="x"), TypeError, "data")
case(f"{PR}.plot_shrinkage_plane", lambda: shrinkage_plane(probs=[1.5]), ValueError, "probs")
case(f"{PR}.plot_shrinkage_plane", lambda: shrinkage_plane(probs=["a"]), TypeError, "probs")
case(
    f"{PR}.plot_shrinkage_plane",
    lambda: shrinkage_plane(partial=runner_lines().drop(index="2")),
    ValueError,
    "partial",
)
case(
    f"{PR}.plot_shrinkage_plane",
    lambda: shrinkage_plane(cov=[[1.0, 2.0], [2.0, 1.0]]),
    ValueError,
    "cov",
)
case(f"{PR}.plot_shrinkage_plane", lambda: shrinkage_plane(cov=[1.0, 2.0]), ValueError, "cov")
case(f"{PR}.plot_shrinkage_plane", lambda: shrinkage_plane(center=(1.0,)), ValueError, "center")
case(f"{PR}.plot_shrinkage_plane", lambda: shrinkage_plane(no_pooling="x"), TypeError, "no_pooling")

# ---------------------------------------------------------------- jerarquicos.plots.exchangeability

EX, EXP = "plots.exchangeability", "plots/exchangeability.py"
pop = api("plots.exchangeability.plot_omega_posteriors")
case(
    f"{EX}.plot_omega_posteriors",
    lambda: pop(omega_da(), omega_da(), labels=("a",)),
    ValueError,
    "labels",
)
case(
    f"{EX}.plot_omega_posteriors",
    lambda: pop("x", omega_da(), labels=("a", "b")),
    TypeError,
    "first",
)
case(
    f"{EX}.plot_omega_posteriors",
    lambda: pop(omega_da(), da1().rename(omega="w"), labels=("a", "b")),
    TypeError,
    "second",
)
case(
    f"{EX}.plot_omega_posteriors",
    lambda: pop(omega_da(), omega_da(), labels=("a", "b"), dotted="no"),
    TypeError,
    "dotted",
)
case(
    f"{EX}.permutation_figure",
    lambda: exchangeability.permutation_figure(
        omega_da(), omega_da(), omega_da(), "x", layout=WIDE
    ),
    TypeError,
    "swapped",
)
case(
    f"{EX}.permutation_figure",
    lambda: exchangeability.permutation_figure(
        omega_da(), omega_da(), omega_da(), omega_da(), layout=3
    ),
    TypeError,
    "layout",
)
case(
    f"{EX}.plot_radon_by_uranium",
    lambda: exchangeability.plot_radon_by_uranium("x"),
    TypeError,
    "counties",
)
case(
    f"{EX}.plot_radon_by_uranium",
    lambda: exchangeability.plot_radon_by_uranium(county_table().drop(columns="houses")),
    ValueError,
    "counties",
)
case(
    f"{EX}.plot_radon_by_floor",
    lambda: exchangeability.plot_radon_by_floor(radon_df().drop(columns="floor")),
    ValueError,
    "radon",
)
case(
    f"{EX}.plot_radon_by_floor", lambda: exchangeability.plot_radon_by_floor(3), TypeError, "radon"
)
case(
    f"{EX}.uranium_floor_figure",
    lambda: exchangeability.uranium_floor_figure(county_table(), radon_df(), layout="x"),
    TypeError,
    "layout",
)
case(
    f"{EX}.uranium_floor_figure",
    lambda: exchangeability.uranium_floor_figure(county_table(), "x", layout=WIDE),
    TypeError,
    "radon",
)

# ---------------------------------------------------------------- jerarquicos.plots.shrinkage

SH, SHP = "plots.shrinkage", "plots/shrinkage.py"
case(
    f"{SH}.plot_dependency_graph",
    lambda: shrinkage_plots.plot_dependency_graph(ax="ejes"),
    TypeError,
    "ax",
)
case(
    f"{SH}.dependency_graph_figure",
    lambda: shrinkage_plots.dependency_graph_figure(layout=3),
    TypeError,
    "layout",
)
case(
    f"{SH}.james_stein_risk_figure",
    lambda: shrinkage_plots.james_stein_risk_figure(risk_table(), layout="x"),
    TypeError,
    "layout",
)
case(
    f"{SH}.james_stein_risk_figure",
    lambda: shrinkage_plots.james_stein_risk_figure("x", layout=WIDE),
    TypeError,
    "risk",
)
case(
    f"{SH}.pi1_by_y2_figure",
    lambda: shrinkage_plots.pi1_by_y2_figure(pi1_table(), layout="x"),
    TypeError,
    "layout",
)
case(
    f"{SH}.plot_james_stein_risk",
    lambda: shrinkage_plots.plot_james_stein_risk("x"),
    TypeError,
    "risk",
)
case(
    f"{SH}.plot_james_stein_risk",
    lambda: shrinkage_plots.plot_james_stein_risk(risk_table(), linthresh=0),
    ValueError,
    "linthresh",
)
case(
    f"{SH}.plot_james_stein_risk",
    lambda: shrinkage_plots.plot_james_stein_risk(risk_table()[["James–Stein"]]),
    ValueError,
    "risk",
)
case(
    f"{SH}.plot_mse_by_size",
    lambda: shrinkage_plots.plot_mse_by_size(mse_table().drop(columns="sin pooling")),
    ValueError,
    "mse",
)
case(f"{SH}.plot_mse_by_size", lambda: shrinkage_plots.plot_mse_by_size([1, 2]), TypeError, "mse")
peg = api("plots.shrinkage.plot_errors_by_group")
case(
    f"{SH}.plot_errors_by_group",
    lambda: peg(pooling_simulation(), methods=["zz"]),
    ValueError,
    "example",
)
case(
    f"{SH}.plot_errors_by_group",
    lambda: peg(pooling_simulation(), methods="sin pooling"),
    TypeError,
    "methods",
)
case(f"{SH}.plot_errors_by_group", lambda: peg("x"), TypeError, "example")
case(
    f"{SH}.plot_pi1_by_y2",
    lambda: shrinkage_plots.plot_pi1_by_y2(pd.DataFrame(index=[1, 2])),
    ValueError,
    "table",
)
case(
    f"{SH}.plot_pi1_by_y2",
    lambda: shrinkage_plots.plot_pi1_by_y2(pi1_table(), observed="x"),
    TypeError,
    "observed",
)
case(f"{SH}.plot_pi1_by_y2", lambda: shrinkage_plots.plot_pi1_by_y2("x"), TypeError, "table")
case(
    f"{SH}.plot_shrinkage_arrows",
    lambda: shrinkage_plots.plot_shrinkage_arrows(arrows_table(1).drop(columns="centro c")),
    ValueError,
    "rows",
)
case(
    f"{SH}.plot_shrinkage_arrows",
    lambda: shrinkage_plots.plot_shrinkage_arrows([1]),
    TypeError,
    "rows",
)
case(
    f"{SH}.plot_shrinkage_arrows",
    lambda: shrinkage_plots.plot_shrinkage_arrows(arrows_table(1), title=3),
    TypeError,
    "title",
)
case(
    f"{SH}.pooling_simulation_figure",
    lambda: shrinkage_plots.pooling_simulation_figure(pooling_simulation(), mse_table(), layout=3),
    TypeError,
    "layout",
)
case(
    f"{SH}.pooling_simulation_figure",
    lambda: shrinkage_plots.pooling_simulation_figure("x", mse_table(), layout=WIDE),
    TypeError,
    "example",
)
case(
    f"{SH}.shrinkage_arrows_figure",
    lambda: shrinkage_plots.shrinkage_arrows_figure(arrows_table(1), layout=WIDE),
    ValueError,
    "table",
)
case(
    f"{SH}.shrinkage_arrows_figure",
    lambda: shrinkage_plots.shrinkage_arrows_figure(arrows_table(), layout=WIDE, xlim=(1.0,)),
    ValueError,
    "xlim",
)

# ---------------------------------------------------------------- jerarquicos.models.beta_binomial

BB, BBP = "models.beta_binomial", "models/beta_binomial.py"


@functools.cache
def bb_idata():
    return az.from_dict(
        posterior={"omega": _draws(0.5), "kappa": _draws(20.0), "pi": _draws(0.4, 3)},
        coords={"subject": [1, 2, 3]},
        dims={"pi": ["subject"]},
    )


hm = api("models.beta_binomial.hierarchical_model")
gag = api("models.beta_binomial.grid_agreement")
case(f"{BB}.hierarchical_model", lambda: hm([1.5], [2]), TypeError, "'y'")
case(f"{BB}.hierarchical_model", lambda: hm(Y, N, kappa_rate=0), ValueError, "kappa_rate")
case(f"{BB}.hierarchical_model", lambda: hm(Y, N, A_omega="1"), TypeError, "A_omega")
case(f"{BB}.hierarchical_model", lambda: hm(Y, N, names=["a"]), ValueError, "names")
case(f"{BB}.hierarchical_model", lambda: hm(Y, N, names=3), TypeError, "names")
case(f"{BB}.hierarchical_model", lambda: hm(Y, N, names=["a", "a"]), ValueError, "names")
case(f"{BB}.grid_agreement", lambda: gag(other_idata(), okp()), ValueError, "idata")
case(f"{BB}.grid_agreement", lambda: gag(bb_idata(), "grilla"), TypeError, "grid_posterior")
case(f"{BB}.grid_agreement", lambda: gag("idata", okp()), TypeError, "idata")
case(
    f"{BB}.grid_agreement",
    lambda: gag(bb_idata(), kappa_module().omega_kappa_posterior([3, 5], [10, 10])),
    ValueError,
    "grid_posterior",
)

case(
    f"{RU}.intercept_slope_correlation",
    lambda: runners.intercept_slope_correlation(other_idata()),
    ValueError,
    "idata",
)
case(
    f"{RU}.intercept_slope_correlation",
    lambda: runners.intercept_slope_correlation("idata"),
    TypeError,
    "idata",
)

# ---------------------------------------------------------------- jerarquicos.plots.kappa

PK, PKP = "plots.kappa", "plots/kappa.py"


def kappa_plots():
    return importlib.import_module("jerarquicos.plots.kappa")


def batting_table():
    return pd.DataFrame({"antes": [0.30, 0.25, 0.20], "después": [0.28, 0.26, 0.24]})


BAT = (["antes", "después"], ["primeros turnos", "resto"])
case(
    f"{PK}.plot_joint_omega_kappa",
    lambda: kappa_plots().plot_joint_omega_kappa("x"),
    TypeError,
    "post",
)
case(
    f"{PK}.plot_joint_omega_kappa",
    lambda: kappa_plots().plot_joint_omega_kappa(okp(), kappa_limits=(3,)),
    ValueError,
    "kappa_limits",
)
case(
    f"{PK}.plot_joint_omega_kappa",
    lambda: kappa_plots().plot_joint_omega_kappa(okp(), omega_limits=(0.4, 0.1)),
    ValueError,
    "omega_limits",
)
case(f"{PK}.plot_marginal", lambda: kappa_plots().plot_marginal(okp(), "pi"), ValueError, "dim")
case(f"{PK}.plot_marginal", lambda: kappa_plots().plot_marginal(cp(), "omega"), TypeError, "post")
case(
    f"{PK}.plot_marginal",
    lambda: kappa_plots().plot_marginal(okp(), "omega", prior="no"),
    TypeError,
    "prior",
)
case(
    f"{PK}.plot_marginal",
    lambda: kappa_plots().plot_marginal(okp(), "omega", limits=(1.0,)),
    ValueError,
    "limits",
)
case(
    f"{PK}.omega_kappa_figure",
    lambda: kappa_plots().omega_kappa_figure(okp(), layout="x"),
    TypeError,
    "layout",
)
case(
    f"{PK}.omega_kappa_figure",
    lambda: kappa_plots().omega_kappa_figure("x", layout=WIDE),
    TypeError,
    "post",
)
case(
    f"{PK}.plot_batting_shrinkage",
    lambda: kappa_plots().plot_batting_shrinkage("x", *BAT),
    TypeError,
    "table",
)
case(
    f"{PK}.plot_batting_shrinkage",
    lambda: kappa_plots().plot_batting_shrinkage(batting_table(), ["antes"], ["A"]),
    ValueError,
    "columns",
)
case(
    f"{PK}.plot_batting_shrinkage",
    lambda: kappa_plots().plot_batting_shrinkage(batting_table(), ["antes", "zz"], ["A", "B"]),
    ValueError,
    "table",
)
case(
    f"{PK}.batting_shrinkage_figure",
    lambda: kappa_plots().batting_shrinkage_figure(batting_table(), *BAT, layout="x"),
    TypeError,
    "layout",
)
case(
    f"{PK}.batting_shrinkage_figure",
    lambda: kappa_plots().batting_shrinkage_figure(batting_table(), ["antes"], ["A"], layout=WIDE),
    ValueError,
    "columns",
)
case(
    f"{PK}.grid_vs_mcmc_figure",
    lambda: kappa_plots().grid_vs_mcmc_figure("x", bb_idata(), layout=WIDE),
    TypeError,
    "post",
)
case(
    f"{PK}.grid_vs_mcmc_figure",
    lambda: kappa_plots().grid_vs_mcmc_figure(okp(), "idata", layout=WIDE),
    TypeError,
    "idata",
)
case(
    f"{PK}.grid_vs_mcmc_figure",
    lambda: kappa_plots().grid_vs_mcmc_figure(okp(), other_idata(), layout=WIDE),
    ValueError,
    "idata",
)
case(f"{PK}.plot_pi_density", lambda: kappa_plots().plot_pi_density(okp(), 0), ValueError, "'s'")
case(
    f"{PK}.plot_pi_density",
    lambda: kappa_plots().plot_pi_density(okp(), 1, limits=(0.5, 0.1)),
    ValueError,
    "limits",
)
case(
    f"{PK}.plot_pi_density",
    lambda: kappa_plots().plot_pi_density(okp(), 1, marks={"observado": "x"}),
    TypeError,
    "marks",
)
case(
    f"{PK}.pi_marginals_figure",
    lambda: kappa_plots().pi_marginals_figure(okp(), [1], [], {}, layout=WIDE),
    ValueError,
    "subjects",
)
case(
    f"{PK}.pi_marginals_figure",
    lambda: kappa_plots().pi_marginals_figure(okp(), [1], ["t"], {"a": []}, layout=WIDE),
    ValueError,
    "marks",
)

# ---------------------------------------------------------------- jerarquicos.plots.predictive

PP2, PP2P = "plots.predictive", "plots/predictive.py"
pcd = api("plots.predictive.plot_count_distribution")
case(f"{PP2}.plot_count_distribution", lambda: pcd([0.5, -0.1]), ValueError, "probabilities")
case(f"{PP2}.plot_count_distribution", lambda: pcd("ab"), TypeError, "probabilities")
case(f"{PP2}.plot_count_distribution", lambda: pcd([]), ValueError, "probabilities")
case(f"{PP2}.plot_count_distribution", lambda: pcd([0.5, 0.5], width=-1), ValueError, "width")
case(f"{PP2}.plot_count_distribution", lambda: pcd([0.5, 0.5], alpha=2), ValueError, "alpha")
psd = api("plots.predictive.plot_sample_density")
case(f"{PP2}.plot_sample_density", lambda: psd([1.0, NAN]), ValueError, "samples")
case(f"{PP2}.plot_sample_density", lambda: psd([1.0, 2.0], bins=0), ValueError, "bins")
case(f"{PP2}.plot_sample_density", lambda: psd([1.0, 2.0], range_=(2, 1)), ValueError, "range_")
pnp = api("plots.predictive.plot_new_group_pairs")
case(f"{PP2}.plot_new_group_pairs", lambda: pnp([1.0, 2.0], [1.0]), ValueError, "second")
case(f"{PP2}.plot_new_group_pairs", lambda: pnp([1.0], [1.0], every=0), ValueError, "every")
case(f"{PP2}.plot_new_group_pairs", lambda: pnp([1.0], [1.0], every=2.0), TypeError, "every")
cpf = api("plots.predictive.coin_predictive_figure")
case(f"{PP2}.coin_predictive_figure", lambda: cpf({}, layout=WIDE), ValueError, "pmfs")
case(f"{PP2}.coin_predictive_figure", lambda: cpf([0.5, 0.5], layout=WIDE), TypeError, "pmfs")
case(
    f"{PP2}.coin_predictive_figure",
    lambda: cpf({"a": ([0.5, 0.5], "C0")}, layout="x"),
    TypeError,
    "layout",
)
case(
    f"{PP2}.coin_predictive_figure", lambda: cpf({"a": [0.5, 0.5]}, layout=WIDE), ValueError, "pmfs"
)
rpf = api("plots.predictive.radon_predictive_figure")
case(f"{PP2}.radon_predictive_figure", lambda: rpf("x", layout=WIDE), TypeError, "panels")
case(
    f"{PP2}.radon_predictive_figure",
    lambda: rpf({"a": {"b": ([1.0, 2.0], "C0", "-")}}, range_=(4.0, -1.0), layout=WIDE),
    ValueError,
    "range_",
)
case(
    f"{PP2}.radon_predictive_figure",
    lambda: rpf({"a": {"b": ([1.0, 2.0], "C0", "-")}}, layout="x"),
    TypeError,
    "layout",
)
ngf = api("plots.predictive.new_groups_figure")
case(f"{PP2}.new_groups_figure", lambda: ngf(3, layout=WIDE), TypeError, "panels")
case(
    f"{PP2}.new_groups_figure", lambda: ngf({"a": ([1.0], [1.0])}, layout="x"), TypeError, "layout"
)
case(f"{PP2}.new_groups_figure", lambda: ngf({"a": ([1.0],)}, layout=WIDE), ValueError, "panels")
tpf = api("plots.predictive.tank_predictive_figure")
case(
    f"{PP2}.tank_predictive_figure",
    lambda: tpf({"a": ([1, 2], "C0")}, density=0, layout=WIDE),
    ValueError,
    "density",
)
case(
    f"{PP2}.tank_predictive_figure",
    lambda: tpf({"a": ([1, 2], "C0")}, density=2.5, layout=WIDE),
    TypeError,
    "density",
)
case(
    f"{PP2}.tank_predictive_figure",
    lambda: tpf({"a": ([1, 20], "C0")}, density=10, layout=WIDE),
    ValueError,
    "samples",
)
case(
    f"{PP2}.tank_predictive_figure",
    lambda: tpf({"a": ([1, 2], "C0")}, density=10, layout="x"),
    TypeError,
    "layout",
)

# ---------------------------------------------------------------- módulos nuevos
# grid/kappa (métodos nuevos), models/beta_binomial.add_kappa, models/checks,
# models/geometry, models/variants, plots/checks, plots/geometry y las figuras nuevas de
# plots/runners.

case(f"{OKP}.sample", lambda: okp().sample(0), ValueError, "n_draws")
case(f"{OKP}.sample", lambda: okp().sample(2.5), TypeError, "n_draws")
case(f"{OKP}.sample", lambda: okp().sample(HUGE), ValueError, "n_draws")
case(f"{OKP}.sample", lambda: okp().sample(10, random_seed=-1), ValueError, "random_seed")
case(f"{OKP}.sample", lambda: okp().sample(10, random_seed="x"), TypeError, "random_seed")
case(f"{OKP}.predict_new", lambda: okp().predict_new([10], 0), ValueError, "n_draws")
case(f"{OKP}.predict_new", lambda: okp().predict_new([10], True), TypeError, "n_draws")
case(f"{OKP}.predict_new", lambda: okp().predict_new([10], HUGE), ValueError, "n_draws")
case(f"{OKP}.predict_new", lambda: okp().predict_new([1.5], 10), TypeError, "'N'")
case(f"{OKP}.predict_new", lambda: okp().predict_new("10", 10), TypeError, "'N'")
case(f"{OKP}.predict_new", lambda: okp().predict_new([-1], 10), ValueError, "'N'")
case(
    f"{OKP}.predict_new",
    lambda: okp().predict_new([10], 10, random_seed=2.5),
    TypeError,
    "random_seed",
)

add_kappa = api("models.beta_binomial.add_kappa")
case(f"{BB}.add_kappa", lambda: add_kappa("idata"), TypeError, "idata")
case(f"{BB}.add_kappa", lambda: add_kappa(other_idata()), ValueError, "idata")

MC = "models.checks"
HOUSES = pd.DataFrame(
    {"county": ["B", "A", "A", "B", "B", "C"], "log_radon": [1.0, 0.5, 1.5, 2.0, 3.0, -1.0]}
)


def checks_module():
    return importlib.import_module("jerarquicos.models.checks")


def geometry_module():
    return importlib.import_module("jerarquicos.models.geometry")


def house_stats():
    return geometry_module().county_statistics(HOUSES)


def checks_posterior():
    """Un ajuste sintético de ``pooling_model`` (nuevo en cada llamada: se modifica)."""
    return az.from_dict(
        posterior={
            "mu": _draws(1.0),
            "sigma_county": np.full((CHAINS, DRAWS), 0.5),
            "sigma": np.full((CHAINS, DRAWS), 0.8),
            "z": _draws(0.0, 3),
        },
        coords={"county": ["A", "B", "C"]},
        dims={"z": ["county"]},
    )


def alpha_idata():
    return checks_module().add_alpha(checks_posterior(), checks_module().PARTIAL)


@functools.cache
def ppc_idata():
    return checks_module().add_posterior_predictive(alpha_idata(), HOUSES, random_seed=0)


@functools.cache
def ppc_table():
    return checks_module().ppc_densities(
        ppc_idata(), np.linspace(-1.0, 3.0, 11), n_replicas=3, random_seed=0
    )


pmodel = api("models.checks.pooling_model")
case(f"{MC}.pooling_model", lambda: pmodel(HOUSES), TypeError, "stats")
case(f"{MC}.pooling_model", lambda: pmodel(house_stats(), pooling=(1, 1)), ValueError, "pooling")
case(f"{MC}.pooling_model", lambda: pmodel(house_stats(), pooling="PARTIAL"), TypeError, "pooling")
case(
    f"{MC}.pooling_model",
    lambda: pmodel(house_stats(), pooling=(1.0, 1.0, -1.0)),
    ValueError,
    "pooling",
)
case(
    f"{MC}.pooling_model",
    lambda: pmodel(house_stats(), mu_prior=(1.0, -2.0)),
    ValueError,
    "mu_prior",
)
case(f"{MC}.pooling_model", lambda: pmodel(house_stats(), mu_prior="ab"), TypeError, "mu_prior")
case(
    f"{MC}.pooling_model",
    lambda: pmodel(house_stats(), sigma_scale=0),
    ValueError,
    "sigma_scale",
)
case(
    f"{MC}.pooling_model",
    lambda: pmodel(house_stats(), sigma_county_scale="1"),
    TypeError,
    "sigma_county_scale",
)
ch_alpha = api("models.checks.add_alpha")
case(f"{MC}.add_alpha", lambda: ch_alpha("idata", (1.0, 1.0, 0.0)), TypeError, "idata")
case(f"{MC}.add_alpha", lambda: ch_alpha(checks_posterior(), (1.0, 1.0)), ValueError, "pooling")
case(f"{MC}.add_alpha", lambda: ch_alpha(other_idata(), (1.0, 1.0, 0.0)), ValueError, "idata")
all_ = api("models.checks.add_log_likelihood")
case(f"{MC}.add_log_likelihood", lambda: all_("idata", HOUSES), TypeError, "idata")
case(f"{MC}.add_log_likelihood", lambda: all_(alpha_idata(), "x"), TypeError, "data")
case(
    f"{MC}.add_log_likelihood",
    lambda: all_(alpha_idata(), HOUSES.assign(county=["X"] * 6)),
    ValueError,
    "data",
)
case(f"{MC}.add_log_likelihood", lambda: all_(checks_posterior(), HOUSES), ValueError, "idata")
app = api("models.checks.add_posterior_predictive")
case(f"{MC}.add_posterior_predictive", lambda: app("idata", HOUSES), TypeError, "idata")
case(
    f"{MC}.add_posterior_predictive",
    lambda: app(alpha_idata(), HOUSES[["county"]]),
    ValueError,
    "data",
)
case(
    f"{MC}.add_posterior_predictive",
    lambda: app(alpha_idata(), HOUSES, random_seed=-1),
    ValueError,
    "random_seed",
)
case(
    f"{MC}.add_posterior_predictive",
    lambda: app(alpha_idata(), HOUSES, random_seed="x"),
    TypeError,
    "random_seed",
)
cms = api("models.checks.county_mean_spread")
case(f"{MC}.county_mean_spread", lambda: cms("abc", [0]), TypeError, "values")
case(f"{MC}.county_mean_spread", lambda: cms([1.0, 2.0], [0.5, 1.0]), TypeError, "county_codes")
case(f"{MC}.county_mean_spread", lambda: cms([1.0, 2.0], [0]), ValueError, "county_codes")
case(f"{MC}.county_mean_spread", lambda: cms([1.0, 2.0], [0, -1]), ValueError, "county_codes")
case(f"{MC}.county_mean_spread", lambda: cms([], []), ValueError, "values")
ppcd = api("models.checks.ppc_densities")
case(f"{MC}.ppc_densities", lambda: ppcd("idata", [0.0, 1.0]), TypeError, "idata")
case(f"{MC}.ppc_densities", lambda: ppcd(checks_posterior(), [0.0, 1.0]), ValueError, "idata")
case(f"{MC}.ppc_densities", lambda: ppcd(ppc_idata(), "x"), TypeError, "grid")
case(f"{MC}.ppc_densities", lambda: ppcd(ppc_idata(), [0.0, INF]), ValueError, "grid")
case(
    f"{MC}.ppc_densities",
    lambda: ppcd(ppc_idata(), [0.0, 1.0], n_replicas=1000),
    ValueError,
    "n_replicas",
)
case(
    f"{MC}.ppc_densities",
    lambda: ppcd(ppc_idata(), [0.0, 1.0], n_replicas=2.5),
    TypeError,
    "n_replicas",
)
case(
    f"{MC}.ppc_densities",
    lambda: ppcd(ppc_idata(), [0.0, 1.0], random_seed="x"),
    TypeError,
    "random_seed",
)
PRIORS = {"mu_prior": (1.0, 2.0), "sigma_county_scale": 1.0, "sigma_scale": 1.0}
ppl = api("models.checks.prior_predictive_log_radon")
case(f"{MC}.prior_predictive_log_radon", lambda: ppl(**PRIORS, n_draws=0), ValueError, "n_draws")
case(f"{MC}.prior_predictive_log_radon", lambda: ppl(**PRIORS, n_draws=2.5), TypeError, "n_draws")
case(f"{MC}.prior_predictive_log_radon", lambda: ppl(**PRIORS, n_draws=HUGE), ValueError, "n_draws")
case(
    f"{MC}.prior_predictive_log_radon",
    lambda: ppl(**(PRIORS | {"mu_prior": (0.0,)}), n_draws=10),
    ValueError,
    "mu_prior",
)
case(
    f"{MC}.prior_predictive_log_radon",
    lambda: ppl(**(PRIORS | {"sigma_scale": "x"}), n_draws=10),
    TypeError,
    "sigma_scale",
)
case(
    f"{MC}.prior_predictive_log_radon",
    lambda: ppl(**PRIORS, n_draws=10, random_seed=-1),
    ValueError,
    "random_seed",
)
rst = api("models.checks.replicated_statistic")
case(f"{MC}.replicated_statistic", lambda: rst("idata", np.mean), TypeError, "idata")
case(f"{MC}.replicated_statistic", lambda: rst(checks_posterior(), np.mean), ValueError, "idata")
case(f"{MC}.replicated_statistic", lambda: rst(ppc_idata(), "mean"), TypeError, "statistic")

MG = "models.geometry"
cst = api("models.geometry.county_statistics")
case(f"{MG}.county_statistics", lambda: cst("x"), TypeError, "data")
case(f"{MG}.county_statistics", lambda: cst(HOUSES[["county"]]), ValueError, "data")
case(f"{MG}.county_statistics", lambda: cst(HOUSES, max_houses=0), ValueError, "max_houses")
case(f"{MG}.county_statistics", lambda: cst(HOUSES, max_houses=2.5), TypeError, "max_houses")
case(
    f"{MG}.county_statistics",
    lambda: cst(HOUSES.assign(log_radon=[1.0, NAN, 1.0, 1.0, 1.0, 1.0])),
    ValueError,
    "log_radon",
)
scs = api("models.geometry.simulate_county_statistics")
case(f"{MG}.simulate_county_statistics", lambda: scs([0.0], 1.0, 1), ValueError, "n_per_county")
case(f"{MG}.simulate_county_statistics", lambda: scs([0.0], 1.0, 2.5), TypeError, "n_per_county")
case(f"{MG}.simulate_county_statistics", lambda: scs(["a"], 1.0, 3), TypeError, "county_means")
case(f"{MG}.simulate_county_statistics", lambda: scs([NAN], 1.0, 3), ValueError, "county_means")
case(f"{MG}.simulate_county_statistics", lambda: scs([0.0], -1.0, 3), ValueError, "sigma")
case(
    f"{MG}.simulate_county_statistics",
    lambda: scs([0.0], 1.0, 3, random_seed="x"),
    TypeError,
    "random_seed",
)
im = api("models.geometry.intercepts_model")
case(f"{MG}.intercepts_model", lambda: im(HOUSES), TypeError, "stats")
case(f"{MG}.intercepts_model", lambda: im(house_stats(), centering=2), ValueError, "centering")
case(f"{MG}.intercepts_model", lambda: im(house_stats(), centering="x"), TypeError, "centering")
case(f"{MG}.intercepts_model", lambda: im(house_stats(), mu_prior=(1.0,)), ValueError, "mu_prior")
case(
    f"{MG}.intercepts_model",
    lambda: im(house_stats(), sigma_county_scale=0),
    ValueError,
    "sigma_county_scale",
)


def geometry_posterior():
    return az.from_dict(
        posterior={
            "mu": _draws(1.0),
            "sigma_county": np.full((CHAINS, DRAWS), 0.5),
            "sigma": np.full((CHAINS, DRAWS), 0.8),
            "alpha_raw": _draws(0.0, 3),
        },
        coords={"county": ["A", "B", "C"]},
        dims={"alpha_raw": ["county"]},
        sample_stats={"diverging": np.zeros((CHAINS, DRAWS), dtype=bool)},
    )


@functools.cache
def funnel_idata():
    return geometry_module().add_alpha(geometry_posterior(), 0.0)


gal = api("models.geometry.add_alpha")
case(f"{MG}.add_alpha", lambda: gal("idata", 0.5), TypeError, "idata")
case(f"{MG}.add_alpha", lambda: gal(geometry_posterior(), 1.5), ValueError, "centering")
case(f"{MG}.add_alpha", lambda: gal(geometry_posterior(), "x"), TypeError, "centering")
case(f"{MG}.add_alpha", lambda: gal(other_idata(), 0.5), ValueError, "idata")

MC = "models.compiling"
case(f"{MC}.compile_model", lambda: api(f"{MC}.compile_model")("modelo"), TypeError, "model")
case(f"{MC}.check_compiler", lambda: api(f"{MC}.check_compiler")("c"), ValueError, "compiler")
case(f"{MC}.check_compiler", lambda: api(f"{MC}.check_compiler")(1), TypeError, "compiler")
case(
    f"{MC}.compile_with", lambda: api(f"{MC}.compile_with")(pm_model(), "x"), ValueError, "compiler"
)
case(f"{MC}.compile_with", lambda: api(f"{MC}.compile_with")("m", "cached"), TypeError, "model")

MV = "models.variants"
fv = api("models.variants.fit_variants")
VAR = {"a": {"scale": 2.0}}
case(f"{MV}.fit_variants", lambda: fv("modelo", VAR, random_seed=1), TypeError, "model")
case(f"{MV}.fit_variants", lambda: fv(pm_model(), [VAR], random_seed=1), TypeError, "variants")
case(f"{MV}.fit_variants", lambda: fv(pm_model(), {}, random_seed=1), ValueError, "variants")
case(
    f"{MV}.fit_variants",
    lambda: fv(pm_model(), VAR, random_seed=1, compiler="c"),
    ValueError,
    "compiler",
)
case(
    f"{MV}.fit_variants",
    lambda: fv(pm_model(), {"a": {"otro": 1.0}}, random_seed=1),
    ValueError,
    "variants",
)
case(f"{MV}.fit_variants", lambda: fv(pm_model(), VAR, draws=0, random_seed=1), ValueError, "draws")
case(
    f"{MV}.fit_variants", lambda: fv(pm_model(), VAR, draws=2.5, random_seed=1), TypeError, "draws"
)
case(f"{MV}.fit_variants", lambda: fv(pm_model(), VAR, tune=-1, random_seed=1), ValueError, "tune")
case(
    f"{MV}.fit_variants",
    lambda: fv(pm_model(), VAR, chains=True, random_seed=1),
    TypeError,
    "chains",
)
case(
    f"{MV}.fit_variants",
    lambda: fv(pm_model(), VAR, random_seed=None),
    TypeError,
    "random_seed",
)
case(f"{MV}.fit_variants", lambda: fv(pm_model(), VAR, random_seed=-1), ValueError, "random_seed")
case(
    f"{MV}.fit_variants",
    lambda: fv(pm_model(), VAR, target_accept={"b": 0.9}, random_seed=1),
    ValueError,
    "target_accept",
)
case(
    f"{MV}.fit_variants",
    lambda: fv(pm_model(), VAR, target_accept=1.5, random_seed=1),
    ValueError,
    "target_accept",
)
case(
    f"{MV}.fit_variants",
    lambda: fv(pm_model(), VAR, target_accept="x", random_seed=1),
    TypeError,
    "target_accept",
)


@functools.cache
def variant_fit():
    return az.from_dict(
        posterior={"theta": _draws()},
        sample_stats={
            "n_steps": np.full((CHAINS, DRAWS), 7),
            "diverging": np.zeros((CHAINS, DRAWS), dtype=bool),
        },
    )


eft = api("models.variants.efficiency_table")
case(f"{MV}.efficiency_table", lambda: eft("fits", ["theta"]), TypeError, "fits")
case(f"{MV}.efficiency_table", lambda: eft({}, ["theta"]), ValueError, "fits")
case(f"{MV}.efficiency_table", lambda: eft({"a": "idata"}, ["theta"]), TypeError, "fits")
case(f"{MV}.efficiency_table", lambda: eft({"a": other_idata()}, ["theta"]), ValueError, "fits")
case(f"{MV}.efficiency_table", lambda: eft({"a": variant_fit()}, ["nope"]), ValueError, "var_names")
case(f"{MV}.efficiency_table", lambda: eft({"a": variant_fit()}, "theta"), TypeError, "var_names")
case(f"{MV}.efficiency_table", lambda: eft({"a": variant_fit()}, []), ValueError, "var_names")

PC = "plots.checks"


def check_plots():
    return importlib.import_module("jerarquicos.plots.checks")


def pc(name):
    return getattr(check_plots(), name)


STAT = {"media": (1.0, [0.8, 1.1, 1.3])}
case(
    f"{PC}.plot_prior_predictive",
    lambda: pc("plot_prior_predictive")(["a"], [1.0]),
    TypeError,
    "simulated",
)
case(
    f"{PC}.plot_prior_predictive",
    lambda: pc("plot_prior_predictive")([1.0, 2.0], []),
    ValueError,
    "observed",
)
case(
    f"{PC}.plot_prior_predictive",
    lambda: pc("plot_prior_predictive")([1.0, 2.0], [1.0], bins=0),
    ValueError,
    "bins",
)
case(
    f"{PC}.plot_prior_predictive",
    lambda: pc("plot_prior_predictive")([1.0, 2.0], [1.0], bins=2.5),
    TypeError,
    "bins",
)
case(
    f"{PC}.plot_prior_predictive",
    lambda: pc("plot_prior_predictive")([1.0, 2.0], [1.0], limits=(2.0, 1.0)),
    ValueError,
    "limits",
)
case(
    f"{PC}.prior_predictive_figure",
    lambda: pc("prior_predictive_figure")({}, [1.0], layout=WIDE),
    ValueError,
    "simulated",
)
case(
    f"{PC}.prior_predictive_figure",
    lambda: pc("prior_predictive_figure")("x", [1.0], layout=WIDE),
    TypeError,
    "simulated",
)
case(
    f"{PC}.prior_predictive_figure",
    lambda: pc("prior_predictive_figure")({"a": [1.0, 2.0]}, [1.0], layout="x"),
    TypeError,
    "layout",
)
case(f"{PC}.plot_ppc_densities", lambda: pc("plot_ppc_densities")("x"), TypeError, "densities")
case(
    f"{PC}.plot_ppc_densities",
    lambda: pc("plot_ppc_densities")(ppc_table().drop_vars("observed")),
    ValueError,
    "densities",
)
case(f"{PC}.ppc_figure", lambda: pc("ppc_figure")({}, layout=WIDE), ValueError, "densities")
case(
    f"{PC}.ppc_figure",
    lambda: pc("ppc_figure")({"a": ppc_table()}, layout="x"),
    TypeError,
    "layout",
)
case(
    f"{PC}.plot_replicated_statistic",
    lambda: pc("plot_replicated_statistic")("x", [1.0]),
    TypeError,
    "observed",
)
case(
    f"{PC}.plot_replicated_statistic",
    lambda: pc("plot_replicated_statistic")(1.0, []),
    ValueError,
    "replicated",
)
case(
    f"{PC}.plot_replicated_statistic",
    lambda: pc("plot_replicated_statistic")(1.0, [1.0, 2.0], bins=0),
    ValueError,
    "bins",
)
case(
    f"{PC}.plot_replicated_statistic",
    lambda: pc("plot_replicated_statistic")(1.0, [1.0, 2.0], limits=(1.0,)),
    ValueError,
    "limits",
)
case(
    f"{PC}.statistic_figure",
    lambda: pc("statistic_figure")(STAT, layout=WIDE, xlabel=3),
    TypeError,
    "xlabel",
)
case(
    f"{PC}.statistic_figure",
    lambda: pc("statistic_figure")({"media": (1.0,)}, layout=WIDE, xlabel="x"),
    ValueError,
    "statistics",
)
case(
    f"{PC}.statistic_figure",
    lambda: pc("statistic_figure")({}, layout=WIDE, xlabel="x"),
    ValueError,
    "statistics",
)
case(
    f"{PC}.statistic_figure",
    lambda: pc("statistic_figure")(STAT, layout="x", xlabel="x"),
    TypeError,
    "layout",
)
case(
    f"{PC}.statistic_figure",
    lambda: pc("statistic_figure")(STAT, layout=WIDE, xlabel="x", limits=(3.0, 1.0)),
    ValueError,
    "limits",
)
COMPARISON = pd.DataFrame(
    {"elpd_loo": [-10.0, -12.0], "se": [1.0, 1.5], "dse": [0.0, 0.8]}, index=["a", "b"]
)
case(f"{PC}.plot_elpd", lambda: pc("plot_elpd")("x"), TypeError, "comparison")
case(f"{PC}.plot_elpd", lambda: pc("plot_elpd")(COMPARISON[["elpd_loo"]]), ValueError, "comparison")
case(f"{PC}.elpd_figure", lambda: pc("elpd_figure")(COMPARISON, layout="x"), TypeError, "layout")
case(f"{PC}.elpd_figure", lambda: pc("elpd_figure")("x", layout=WIDE), TypeError, "comparison")
case(
    f"{PC}.plot_pareto_k",
    lambda: pc("plot_pareto_k")([0.1, 0.2], [1]),
    ValueError,
    "houses_in_county",
)
case(f"{PC}.plot_pareto_k", lambda: pc("plot_pareto_k")(["a"], [1]), TypeError, "'k'")
case(
    f"{PC}.plot_pareto_k",
    lambda: pc("plot_pareto_k")([0.1], [1], threshold="x"),
    TypeError,
    "threshold",
)
case(
    f"{PC}.pareto_k_figure",
    lambda: pc("pareto_k_figure")({}, [1], layout=WIDE),
    ValueError,
    "pareto_k",
)
case(
    f"{PC}.pareto_k_figure",
    lambda: pc("pareto_k_figure")({"a": [0.1]}, [1], layout="x"),
    TypeError,
    "layout",
)
tcf = api("plots.checks.tank_check_figure")
case(
    f"{PC}.tank_check_figure",
    lambda: tcf([0.5, 1.5], ["a", "b"], STAT, layout=WIDE, xlabel="x"),
    ValueError,
    "proportions",
)
case(
    f"{PC}.tank_check_figure",
    lambda: tcf([0.5], ["a", "b"], STAT, layout=WIDE, xlabel="x"),
    ValueError,
    "groups",
)
case(
    f"{PC}.tank_check_figure",
    lambda: tcf([0.5, 0.7], ["a", "b"], STAT, layout=WIDE, xlabel=None),
    TypeError,
    "xlabel",
)
case(
    f"{PC}.tank_check_figure",
    lambda: tcf([0.5, 0.7], ["a", "b"], STAT, layout="x", xlabel="x"),
    TypeError,
    "layout",
)
case(
    f"{PC}.tank_check_figure",
    lambda: tcf([0.5, 0.7], ["a", "b"], "x", layout=WIDE, xlabel="x"),
    TypeError,
    "statistics",
)

PGE = "plots.geometry"


def geometry_plots():
    return importlib.import_module("jerarquicos.plots.geometry")


def pge(name):
    return getattr(geometry_plots(), name)


def efficiency_frame():
    return pd.DataFrame(
        {"ess_per_1000_steps": [10.0, 50.0, 40.0, 20.0]},
        index=pd.MultiIndex.from_product([["pocos", "muchos"], ["centrada", "no centrada"]]),
    )


case(
    f"{PGE}.plot_funnel",
    lambda: pge("plot_funnel")("idata", "A", variable="alpha"),
    TypeError,
    "idata",
)
case(
    f"{PGE}.plot_funnel",
    lambda: pge("plot_funnel")(funnel_idata(), "Z", variable="alpha_raw"),
    ValueError,
    "county",
)
case(
    f"{PGE}.plot_funnel",
    lambda: pge("plot_funnel")(funnel_idata(), 3, variable="alpha_raw"),
    TypeError,
    "county",
)
case(
    f"{PGE}.plot_funnel",
    lambda: pge("plot_funnel")(funnel_idata(), "A", variable="beta"),
    ValueError,
    "variable",
)
case(
    f"{PGE}.plot_funnel",
    lambda: pge("plot_funnel")(funnel_idata(), "A", variable="alpha", label=3),
    TypeError,
    "label",
)
case(
    f"{PGE}.plot_funnel",
    lambda: pge("plot_funnel")(other_idata(), "A", variable="alpha"),
    ValueError,
    "idata",
)
case(
    f"{PGE}.funnel_figure",
    lambda: pge("funnel_figure")(funnel_idata(), funnel_idata(), "A", layout="x"),
    TypeError,
    "layout",
)
case(
    f"{PGE}.funnel_figure",
    lambda: pge("funnel_figure")("x", funnel_idata(), "A", layout=WIDE),
    TypeError,
    "idata",
)
case(f"{PGE}.plot_efficiency", lambda: pge("plot_efficiency")("x"), TypeError, "table")
case(
    f"{PGE}.plot_efficiency",
    lambda: pge("plot_efficiency")(efficiency_frame(), column="nope"),
    ValueError,
    "table",
)
case(
    f"{PGE}.plot_efficiency",
    lambda: pge("plot_efficiency")(efficiency_frame(), column=3),
    TypeError,
    "column",
)
case(
    f"{PGE}.plot_efficiency",
    lambda: pge("plot_efficiency")(efficiency_frame().reset_index()),
    ValueError,
    "table",
)
case(
    f"{PGE}.efficiency_figure",
    lambda: pge("efficiency_figure")(efficiency_frame(), layout="x"),
    TypeError,
    "layout",
)
case(
    f"{PGE}.efficiency_figure",
    lambda: pge("efficiency_figure")("x", layout=WIDE),
    TypeError,
    "table",
)
case(f"{PGE}.plot_sigma_posteriors", lambda: pge("plot_sigma_posteriors")("x"), TypeError, "fits")
case(f"{PGE}.plot_sigma_posteriors", lambda: pge("plot_sigma_posteriors")({}), ValueError, "fits")
case(
    f"{PGE}.plot_sigma_posteriors",
    lambda: pge("plot_sigma_posteriors")({"a": "idata"}),
    TypeError,
    "fits",
)
case(
    f"{PGE}.plot_sigma_posteriors",
    lambda: pge("plot_sigma_posteriors")({"a": other_idata()}),
    ValueError,
    "fits",
)
case(
    f"{PGE}.plot_sigma_posteriors",
    lambda: pge("plot_sigma_posteriors")({"a": funnel_idata()}, limits=(1.0, 0.0)),
    ValueError,
    "limits",
)
case(
    f"{PGE}.plot_sigma_posteriors",
    lambda: pge("plot_sigma_posteriors")({"a": funnel_idata()}, bins=0),
    ValueError,
    "bins",
)
case(
    f"{PGE}.sigma_prior_figure",
    lambda: pge("sigma_prior_figure")({}, layout=WIDE),
    ValueError,
    "fits_by_data",
)
case(
    f"{PGE}.sigma_prior_figure",
    lambda: pge("sigma_prior_figure")("x", layout=WIDE),
    TypeError,
    "fits_by_data",
)
case(
    f"{PGE}.sigma_prior_figure",
    lambda: pge("sigma_prior_figure")({"a": {"b": funnel_idata()}}, layout="x"),
    TypeError,
    "layout",
)

agf_r = api("plots.runners.agreement_figure")
NAMES = {"first_name": "a", "second_name": "b"}
case(
    f"{PR}.agreement_figure",
    lambda: agf_r(runner_lines(), runner_lines(), first_name=3, second_name="b", layout=WIDE),
    TypeError,
    "first_name",
)
case(
    f"{PR}.agreement_figure",
    lambda: agf_r("x", runner_lines(), **NAMES, layout=WIDE),
    TypeError,
    "first",
)
case(
    f"{PR}.agreement_figure",
    lambda: agf_r(runner_lines(), runner_lines()[["slope"]], **NAMES, layout=WIDE),
    ValueError,
    "second",
)
case(
    f"{PR}.agreement_figure",
    lambda: agf_r(runner_lines(), runner_lines(), **NAMES, layout="x"),
    TypeError,
    "layout",
)
prp = api("plots.runners.plot_rho_posterior")
case(f"{PR}.plot_rho_posterior", lambda: prp([2.0]), ValueError, "draws")
case(f"{PR}.plot_rho_posterior", lambda: prp([]), ValueError, "draws")
case(f"{PR}.plot_rho_posterior", lambda: prp(["a"]), TypeError, "draws")
case(f"{PR}.plot_rho_posterior", lambda: prp([0.1], eta=0), ValueError, "eta")
case(f"{PR}.plot_rho_posterior", lambda: prp([0.1], interval=(0.5, -0.5)), ValueError, "interval")
case(f"{PR}.plot_rho_posterior", lambda: prp([0.1], prob=1.5), ValueError, "prob")
case(f"{PR}.plot_rho_posterior", lambda: prp([0.1], bins=2.5), TypeError, "bins")
rpof = api("plots.runners.rho_posterior_figure")
case(f"{PR}.rho_posterior_figure", lambda: rpof([0.1], layout="x"), TypeError, "layout")
case(f"{PR}.rho_posterior_figure", lambda: rpof([2.0], layout=WIDE), ValueError, "draws")
rpnf = api("plots.runners.runner_panels_figure")
PANEL_ARGS = ({"sin pooling": runner_lines()}, ["1", "2"])
case(
    f"{PR}.runner_panels_figure",
    lambda: rpnf(runners_prepared(), *PANEL_ARGS, age_center=54.0, layout="x"),
    TypeError,
    "layout",
)
case(
    f"{PR}.runner_panels_figure",
    lambda: rpnf(runners_prepared(), *PANEL_ARGS, age_center=INF, layout=WIDE),
    ValueError,
    "age_center",
)
case(
    f"{PR}.runner_panels_figure",
    lambda: rpnf(runners_prepared(), PANEL_ARGS[0], "1", age_center=54.0, layout=WIDE),
    TypeError,
    "runners",
)
rtf = api("plots.runners.runner_times_figure")
case(f"{PR}.runner_times_figure", lambda: rtf(runners_raw(), layout="x"), TypeError, "layout")
case(f"{PR}.runner_times_figure", lambda: rtf("x", layout=WIDE), TypeError, "data")
spf = api("plots.runners.shrinkage_plane_figure")
case(
    f"{PR}.shrinkage_plane_figure",
    lambda: spf(runner_lines(), runner_lines(), center=(1.0,), layout=WIDE),
    ValueError,
    "center",
)
case(
    f"{PR}.shrinkage_plane_figure",
    lambda: spf(runner_lines(), runner_lines(), center=(95.0, 1.5), probs=[1.5], layout=WIDE),
    ValueError,
    "probs",
)
case(
    f"{PR}.shrinkage_plane_figure",
    lambda: spf(runner_lines(), runner_lines(), center=(95.0, 1.5), layout="x"),
    TypeError,
    "layout",
)


# ---------------------------------------------------------------- ax: ejes de matplotlib o None
# Todas las funciones de dibujo reciben ``ax=None``; cualquier otra cosa que no sean unos ejes
# debe rechazarse con TypeError (lo hace jerarquicos.validation.check_ax).

AX_CALLS = {
    f"{PG}.plot_grid_raster": (PGP, lambda ax: raster(da2(), ax=ax)),
    f"{PG}.plot_grid_distribution": (PGP, lambda ax: dist_plot(da1(), ax=ax)),
    f"{PG}.plot_beta_densities": (PGP, lambda ax: bd(0.5, [5], ax=ax)),
    f"{PO}.plot_prior_sweep": (POP, lambda ax: ps(prior_sweep_table(), ax=ax)),
    f"{PO}.plot_estimates_by_size": (POP, lambda ax: ebs([1, 2], [1, 2], ax=ax)),
    f"{PO}.plot_kept_fraction": (POP, lambda ax: kf([1, 2], [0.5, 0.5], ax=ax)),
    f"{PO}.plot_agreement": (POP, lambda ax: ag([1, 2], [1, 2], ax=ax)),
    f"{PO}.plot_county_fits": (POP, lambda ax: pcf(radon_df(), "A", FITS, ax=ax)),
    f"{PO}.plot_tank_estimates": (POP, lambda ax: pte([10], [0.5], [0.5], population=0.5, ax=ax)),
    f"{PO}.plot_sweep_spread": (POP, lambda ax: sspread([1, 10], [0.5, 0.4], ax=ax)),
    f"{PP2}.plot_count_distribution": (PP2P, lambda ax: pcd([0.5, 0.5], ax=ax)),
    f"{PP2}.plot_sample_density": (PP2P, lambda ax: psd([1.0, 2.0], ax=ax)),
    f"{PP2}.plot_new_group_pairs": (PP2P, lambda ax: pnp([1.0, 2.0], [1.0, 2.0], ax=ax)),
    f"{PO}.plot_group_predictor": (POP, lambda ax: gpred([0.1, 0.2], [1, 2], line=(0, 1), ax=ax)),
    f"{PR}.plot_runner_times": (
        PRP,
        lambda ax: runner_plots.plot_runner_times(runners_raw(), ax=ax),
    ),
    f"{PR}.plot_runner_panels": (PRP, lambda ax: runner_panels(axes=ax)),
    f"{PR}.plot_shrinkage_plane": (PRP, lambda ax: shrinkage_plane(ax=ax)),
    f"{EX}.plot_omega_posteriors": (
        EXP,
        lambda ax: pop(omega_da(), omega_da(), labels=("a", "b"), ax=ax),
    ),
    f"{EX}.plot_radon_by_uranium": (
        EXP,
        lambda ax: exchangeability.plot_radon_by_uranium(county_table(), ax=ax),
    ),
    f"{EX}.plot_radon_by_floor": (
        EXP,
        lambda ax: exchangeability.plot_radon_by_floor(radon_df(), ax=ax),
    ),
    f"{SH}.plot_james_stein_risk": (
        SHP,
        lambda ax: shrinkage_plots.plot_james_stein_risk(risk_table(), ax=ax),
    ),
    f"{SH}.plot_mse_by_size": (
        SHP,
        lambda ax: shrinkage_plots.plot_mse_by_size(mse_table(), ax=ax),
    ),
    f"{SH}.plot_errors_by_group": (SHP, lambda ax: peg(pooling_simulation(), ax=ax)),
    f"{SH}.plot_pi1_by_y2": (SHP, lambda ax: shrinkage_plots.plot_pi1_by_y2(pi1_table(), ax=ax)),
    f"{PK}.plot_joint_omega_kappa": (
        PKP,
        lambda ax: kappa_plots().plot_joint_omega_kappa(okp(), ax=ax),
    ),
    f"{PK}.plot_marginal": (PKP, lambda ax: kappa_plots().plot_marginal(okp(), "omega", ax=ax)),
    f"{PK}.plot_batting_shrinkage": (
        PKP,
        lambda ax: kappa_plots().plot_batting_shrinkage(batting_table(), *BAT, ax=ax),
    ),
    f"{PK}.plot_pi_density": (PKP, lambda ax: kappa_plots().plot_pi_density(okp(), 1, ax=ax)),
    f"{SH}.plot_shrinkage_arrows": (
        SHP,
        lambda ax: shrinkage_plots.plot_shrinkage_arrows(arrows_table(1), ax=ax),
    ),
    f"{PC}.plot_prior_predictive": (
        "plots/checks.py",
        lambda ax: pc("plot_prior_predictive")([1.0, 2.0], [1.0], ax=ax),
    ),
    f"{PC}.plot_ppc_densities": (
        "plots/checks.py",
        lambda ax: pc("plot_ppc_densities")(ppc_table(), ax=ax),
    ),
    f"{PC}.plot_replicated_statistic": (
        "plots/checks.py",
        lambda ax: pc("plot_replicated_statistic")(1.0, [1.0, 2.0], ax=ax),
    ),
    f"{PC}.plot_elpd": ("plots/checks.py", lambda ax: pc("plot_elpd")(COMPARISON, ax=ax)),
    f"{PC}.plot_pareto_k": ("plots/checks.py", lambda ax: pc("plot_pareto_k")([0.1], [1], ax=ax)),
    f"{PGE}.plot_funnel": (
        "plots/geometry.py",
        lambda ax: pge("plot_funnel")(funnel_idata(), "A", variable="alpha", ax=ax),
    ),
    f"{PGE}.plot_efficiency": (
        "plots/geometry.py",
        lambda ax: pge("plot_efficiency")(efficiency_frame(), ax=ax),
    ),
    f"{PGE}.plot_sigma_posteriors": (
        "plots/geometry.py",
        lambda ax: pge("plot_sigma_posteriors")({"a": funnel_idata()}, ax=ax),
    ),
    f"{PR}.plot_rho_posterior": ("plots/runners.py", lambda ax: prp([0.1, 0.2], ax=ax)),
}
# Cada entrada: (archivo del dibujante, llamada con el ``ax`` dado).
for _target, (_file, _call) in AX_CALLS.items():
    fragment = "axes" if _target.endswith("plot_runner_panels") else "ax"
    case(_target, lambda _call=_call: _call("ejes"), TypeError, fragment)

#: Funciones públicas sin casos, con el motivo.
EXEMPT = {
    "validation.format_value": "acepta cualquier objeto: sólo lo representa para un mensaje",
}


# --------------------------------------------------------------------------- las pruebas

#: Fragmentos típicos de mensajes en inglés (de Python, numpy, pandas, matplotlib, PyMC).
ENGLISH = re.compile(
    r"\b(must|should|expected|invalid|got|cannot|could not|unexpected|unsupported|"
    r"not supported|has no attribute|is not|missing|required|the|only|object of type|"
    r"argument of type|takes|positional)\b",
    re.IGNORECASE,
)
SPANISH = re.compile(r"\b(el|la|los|las|de|del|que|se|debe|deben|no|una?|con|para|es)\b", re.I)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("bad", CASES)
def test_bad_input_gives_a_clear_error(bad: Case):
    with pytest.raises(bad.error) as info:
        bad.call()
    message = str(info.value)
    assert bad.fragment in message, f"el mensaje no nombra {bad.fragment!r}: {message}"
    assert not ENGLISH.search(message), f"mensaje en inglés: {message}"
    assert SPANISH.search(message), f"mensaje sin la forma del paquete: {message}"
    raised_in = Path(str(info.traceback[-1].path)).resolve()
    assert PACKAGE_DIR in raised_in.parents, (
        f"la excepción la lanzó {raised_in}, no el paquete (validación de frontera ausente): "
        f"{message}"
    )


def _public_targets() -> dict[str, object]:
    """Funciones y métodos públicos del paquete que reciben argumentos."""
    found = {}
    for info in pkgutil.walk_packages(jerarquicos.__path__, "jerarquicos."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        module = importlib.import_module(info.name)
        short = info.name.removeprefix("jerarquicos.")
        names = getattr(module, "__all__", None)
        if names is None:
            names = [n for n in vars(module) if not n.startswith("_")]
        for name in names:
            obj = getattr(module, name, None)  # un nombre de __all__ aún sin definir: se omite
            if getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    if attr.startswith("_"):
                        continue
                    if isinstance(member, staticmethod | classmethod):
                        member = member.__func__
                    if inspect.isfunction(member) and _takes_arguments(member, skip_first=True):
                        found[f"{short}.{name}.{attr}"] = member
            elif inspect.isfunction(obj) and _takes_arguments(obj):
                found[f"{short}.{name}"] = obj
    return found


def _takes_arguments(func, *, skip_first: bool = False) -> bool:
    params = list(inspect.signature(func).parameters.values())
    if skip_first:
        params = params[1:]
    return bool(params)


def test_every_public_function_has_cases():
    public = set(_public_targets())
    missing = sorted(public - target_names() - set(EXEMPT))
    assert not missing, (
        "Funciones o métodos públicos sin casos en tests/test_bad_inputs.py (agregue casos "
        f"de argumentos inválidos o, con un motivo, a EXEMPT): {missing}"
    )


def test_table_targets_exist():
    """Cada caso nombra una función que existe (la tabla no queda vieja tras un cambio)."""
    public = set(_public_targets())
    stale = sorted(target_names() - public)
    assert not stale, f"Casos de funciones que ya no son públicas o no existen: {stale}"
    assert set(EXEMPT) <= public, f"EXEMPT nombra funciones que no existen: {set(EXEMPT) - public}"


def test_table_size():
    assert len(CASES) >= 200
    assert len(target_names()) >= 100
