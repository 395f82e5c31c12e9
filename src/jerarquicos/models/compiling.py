"""Dos maneras de compilar un modelo de PyMC para nutpie, y cuándo conviene cada una.

``nutpie.compile_pymc_model`` (compilador ``"nutpie"``) compila el logp y su
gradiente con el modo NUMBA de PyTensor, que numba guarda en su caché de disco,
y después los envuelve en una función de C con ``numba.cfunc``. Ese envoltorio
no se puede guardar en caché (usa variables globales dinámicas) y es casi todo
lo que cuesta: unos 10 s para el modelo de interceptos variables del radón o el
beta-binomial de la fábrica, contra medio segundo de muestreo.

:func:`compile_model` (compilador ``"cached"``) arma, con las mismas piezas de
nutpie (las funciones de PyTensor, el punto inicial, los nombres y las
coordenadas), un modelo que nutpie muestrea llamando a la función de numba a
través de Python, como hace nutpie con JAX. No hay nada que compilar fuera de la
caché de numba (2-4 s), pero cada evaluación del gradiente cuesta unos 40 µs
más. Las extracciones son idénticas, número a número, con la misma semilla: la
función de logp es la misma.

``benchmarks/bench_compile.py`` mide las dos en modelos del libro. En esta
máquina (2 núcleos): ``"cached"`` ≈ 2-4 s + 45-55 µs por evaluación;
``"nutpie"`` ≈ 10-13 s + 5-11 µs por evaluación. Un ajuste con 2 cadenas de
1000 + 2000 iteraciones hace unas 50 000 evaluaciones, y ``"cached"`` ahorra
6-7 s de 11-13 s. Con unas 250 000 evaluaciones o más sobre el mismo modelo
compilado (el barrido de seis previas del radón, el estudio de la geometría,
con casi un millón) conviene ``"nutpie"``, cuyos tiempos de muestreo son además
los de nutpie tal como lo usa cualquiera.

Como con ``"cached"`` las llamadas pasan por Python, dos cadenas en hilos se
turnan el GIL y se estorban: :data:`CACHED_CORES` pide a nutpie que las muestree
de a una.
"""

from __future__ import annotations

import contextlib
import operator
from collections.abc import Iterable

import numpy as np

from ..validation import check_choice

__all__ = [
    "CACHED_CORES",
    "COMPILERS",
    "check_compiler",
    "compile_model",
    "compile_with",
    "nutpie_compiles_with_cache",
    "sample_kwargs_for",
]

#: Compiladores admitidos: ``"cached"`` (:func:`compile_model`) y ``"nutpie"``.
COMPILERS = ("cached", "nutpie")

#: Cadenas que nutpie muestrea a la vez con un modelo de :func:`compile_model`.
CACHED_CORES = 1


def check_compiler(compiler) -> str:
    """``compiler`` validado: uno de :data:`COMPILERS`, o un error en castellano."""
    return check_choice(compiler, "compiler", COMPILERS)


def compile_model(model, *, var_names: Iterable[str] | None = None):
    """Compila ``model`` para ``nutpie.sample`` sin el envoltorio de C de nutpie.

    Parameters
    ----------
    model : pymc.Model
        Modelo sin ajustar.
    var_names : iterable of str, optional
        Variables que se guardan en el resultado (por omisión, todas), como en
        ``nutpie.compile_pymc_model``.

    Returns
    -------
    nutpie.compiled_pyfunc.PyFuncModel
        Un modelo que ``nutpie.sample`` acepta; ``with_data`` reemplaza los
        ``pm.Data`` como en un modelo compilado por nutpie.

    Raises
    ------
    TypeError
        Si ``model`` no es un ``pymc.Model``.
    """
    import pymc as pm
    from nutpie.compile_pymc import _make_functions, _prepare_dims_and_coords, _wrap_with_lock
    from nutpie.compiled_pyfunc import from_pyfunc
    from pymc.initial_point import make_initial_point_fn

    if not isinstance(model, pm.Model):
        raise TypeError(
            "El argumento 'model' debe ser un pymc.Model sin ajustar; se recibió un objeto "
            f"de tipo {type(model).__name__}."
        )
    # Los mismos valores iniciales que nutpie.compile_pymc_model por omisión.
    initial_point = _wrap_with_lock(
        make_initial_point_fn(
            model=model,
            default_strategy="support_point",
            jitter_rvs=set(model.free_RVs),
            return_transformed=True,
        )
    )
    n_dim, _, logp_pt, expand_pt, initial_point_fn, shape_info = _make_functions(
        model,
        mode="NUMBA",
        compute_grad=True,
        join_expanded=False,
        pymc_initial_point_fn=initial_point,
        var_names=var_names,
    )
    names, _, shapes = shape_info
    logp_jit = logp_pt.vm.jit_fn
    expand_jit = expand_pt.vm.jit_fn
    logp_shared = _getter([v.name for v in logp_pt.get_shared()])
    expand_shared = _getter([v.name for v in expand_pt.get_shared()])
    shared_data = {
        v.name: np.asarray(v.get_value()) for v in (*logp_pt.get_shared(), *expand_pt.get_shared())
    }
    # Una primera llamada en este hilo: si la primera es en un hilo de nutpie, cada
    # llamada siguiente desde ese hilo tarda ~7 veces más (53 µs contra 8 µs, medido).
    start = initial_point_fn(0)
    logp_jit(start, *logp_shared(shared_data))
    expand_jit(start, *expand_shared(shared_data))

    def make_logp_fn():
        def logp(x, **shared):
            value, grad = logp_jit(x, *logp_shared(shared))
            return float(value), grad

        return logp

    def make_expand_fn(seed1, seed2, chain):
        def expand(x, **shared):
            values = expand_jit(x, *expand_shared(shared))
            return {
                name: np.asarray(value, dtype="float64", order="C").reshape(shape)
                for name, value, shape in zip(names, values, shapes, strict=True)
            }

        return expand

    dims, coords = _prepare_dims_and_coords(model, shape_info)
    return from_pyfunc(
        ndim=n_dim,
        make_logp_fn=make_logp_fn,
        make_expand_fn=make_expand_fn,
        make_initial_point_fn=initial_point_fn,
        expanded_dtypes=[np.dtype("float64")] * len(names),
        expanded_shapes=shapes,
        expanded_names=names,
        shared_data=shared_data,
        dims=dims,
        coords=coords,
    )


def _getter(names: list[str]):
    """Función que saca de un dict los valores de ``names``, en orden, como tupla."""
    if not names:
        return lambda shared: ()
    if len(names) == 1:
        name = names[0]
        return lambda shared: (shared[name],)
    return operator.itemgetter(*names)


def compile_with(model, compiler: str):
    """Compila ``model`` para nutpie con ``compiler`` (uno de :data:`COMPILERS`)."""
    import nutpie

    if check_compiler(compiler) == "cached":
        return compile_model(model)
    return nutpie.compile_pymc_model(model)


def sample_kwargs_for(compiler: str) -> dict:
    """Argumentos de ``nutpie.sample`` que van con ``compiler`` (las cadenas a la vez)."""
    return {"cores": CACHED_CORES} if check_compiler(compiler) == "cached" else {}


@contextlib.contextmanager
def nutpie_compiles_with_cache():
    """Dentro del bloque, ``pymc.sample(nuts_sampler="nutpie")`` compila con :func:`compile_model`.

    PyMC (y Bambi, que lo llama) compila con ``nutpie.compile_pymc_model`` y
    después agrega al resultado los datos observados y constantes; este
    contexto cambia sólo la compilación, así el resultado es el mismo.
    """
    import nutpie

    original = nutpie.compile_pymc_model

    def compile_pymc_model(model, *, var_names=None, **kwargs):
        if kwargs:  # otro backend u opciones que compile_model no conoce
            return original(model, var_names=var_names, **kwargs)
        return compile_model(model, var_names=var_names)

    nutpie.compile_pymc_model = compile_pymc_model
    try:
        yield
    finally:
        nutpie.compile_pymc_model = original
