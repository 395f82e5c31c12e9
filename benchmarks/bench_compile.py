"""Banco de pruebas de los dos compiladores de nutpie (no es una prueba automática).

Uso::

    JERARQUICOS_DATA_DIR=../shared/data python benchmarks/bench_compile.py [repeticiones]

Para cuatro casos del libro (los interceptos variables del radón, el
beta-binomial de la fábrica desconocida, el modelo de tres variantes de
pooling de la verificación y el barrido de seis previas fijas del radón, con
``fit_sweep``) compila con ``"cached"``
(:func:`jerarquicos.models.compiling.compile_model`) y con ``"nutpie"``
(``nutpie.compile_pymc_model``) y muestrea 2 cadenas de 1000 + 2000
iteraciones (por ajuste). Cada medición corre en un proceso nuevo, como un capítulo: lo que
sobrevive entre procesos (la caché de numba en disco) cuenta, lo que vive en la
memoria de un proceso no. La primera repetición calienta esa caché y no se
cuenta; se imprime la mediana de las demás.

Imprime, por modelo y compilador: segundos de compilación, de muestreo, las
evaluaciones del gradiente (pasos de NUTS, con la adaptación) y el costo por
evaluación; al final, cuánto ahorra ``"cached"`` en un ajuste.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys

MODELS = ("radon", "fabrica", "verificacion", "barrido")
COMPILERS = ("cached", "nutpie")

CHILD = r"""
import json, sys, time, warnings
warnings.simplefilter("ignore")
import numpy as np, nutpie
from jerarquicos.models.compiling import compile_with

name, compiler = sys.argv[1], sys.argv[2]
if name == "radon":
    from jerarquicos.data import load_dataset
    from jerarquicos.models import radon
    model = radon.varying_intercepts_model(radon.prepare_radon(load_dataset("radon")))
    model.build()
    model, variants = model.backend.model, [{}]
elif name == "fabrica":
    from jerarquicos.data import load_dataset
    from jerarquicos.models.beta_binomial import hierarchical_model
    bat = load_dataset("efron_morris")
    model = hierarchical_model(
        bat["hits"].to_numpy(), bat["at_bats"].to_numpy(), kappa_shape=1.0, kappa_rate=0.01
    )
    variants = [{}]
elif name == "barrido":
    from jerarquicos.data import load_dataset
    from jerarquicos.models import radon
    model = radon.fixed_prior_model(radon.prepare_radon(load_dataset("radon")))
    sds = radon.prior_sd([1e6, 0.01, 0.1, 1.0, 10.0, 1000.0])
    variants = [{radon.PRIOR_SD: np.asarray(sd)} for sd in sds]
else:
    from jerarquicos.data import load_dataset
    from jerarquicos.models import checks
    from jerarquicos.models.geometry import county_statistics
    model = checks.pooling_model(county_statistics(load_dataset("radon")))
    variants = [{"pooling": np.array(k)} for k in checks.POOLINGS.values()]
start = time.perf_counter()
compiled = compile_with(model, compiler)
compile_s = time.perf_counter() - start
sample_s, steps = 0.0, 0
for update in variants:
    start = time.perf_counter()
    idata = nutpie.sample(
        compiled.with_data(**update) if update else compiled, draws=2000, tune=1000,
        chains=2, seed=1, progress_bar=False,
    )
    sample_s += time.perf_counter() - start
    steps += int(idata.sample_stats["n_steps"].sum())
    steps += int(idata.warmup_sample_stats["n_steps"].sum())
print(json.dumps({"compile": compile_s, "sample": sample_s, "steps": steps}))
"""


def measure(name: str, compiler: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, name, compiler],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(f"mediana de {repeats} corridas (más una para calentar la caché de numba)\n")
    print(
        f"{'modelo':<13} {'compilador':<10} {'compila s':>9} {'muestrea s':>10} "
        f"{'total s':>8} {'evaluaciones':>12} {'µs/evaluación':>13}"
    )
    totals = {}
    for name in MODELS:
        for compiler in COMPILERS:
            measure(name, compiler)  # calienta la caché de disco
            runs = [measure(name, compiler) for _ in range(repeats)]
            row = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            total = row["compile"] + row["sample"]
            totals[name, compiler] = total
            print(
                f"{name:<13} {compiler:<10} {row['compile']:9.2f} {row['sample']:10.2f} "
                f"{total:8.2f} {int(row['steps']):12d} {row['sample'] / row['steps'] * 1e6:13.1f}"
            )
    print()
    for name in MODELS:
        saved = totals[name, "nutpie"] - totals[name, "cached"]
        print(f"{name}: 'cached' ahorra {saved:.1f} s de {totals[name, 'nutpie']:.1f} s")


if __name__ == "__main__":
    main()
