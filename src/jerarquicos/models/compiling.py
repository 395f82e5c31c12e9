"""Dos maneras de compilar un modelo de PyMC para nutpie, y cuándo conviene cada una.

``nutpie.compile_pymc_model`` (compilador ``"nutpie"``) compila el logp y su
gradiente con el modo NUMBA de PyTensor, que numba guarda en su caché de disco,
y después los envuelve en dos funciones de C con ``numba.cfunc``: nutpie las
llama sin pasar por Python. Esos envoltorios no se guardan en caché (son
clausuras: numba no reconoce la misma función en otro proceso) y son casi todo
lo que cuesta: 7-10 s por modelo y por proceso, contra medio segundo de
muestreo.

:func:`compile_model` (compilador ``"cached"``, el de
:func:`~jerarquicos.models.fitting.fit`, ``fit_sweep`` y ``fit_variants``) arma
el mismo modelo compilado de nutpie, con las mismas piezas (las funciones de
PyTensor, el punto inicial, los nombres, las coordenadas y el código de los
envoltorios), pero define los envoltorios desde su texto y con una clave de caché
que parte de la que PyTensor da a su función de logp, como hace PyTensor con las
suyas: en el proceso siguiente numba los encuentra en su caché de disco. Las
extracciones son idénticas, número a número, con la misma semilla, y muestrear
cuesta lo mismo; compilar cuesta lo mismo la primera vez y 2-3 s las siguientes.

Si PyTensor no guarda en caché la función de logp (lo que pasa cuando llama a
funciones de SciPy compiladas, como ``betaln`` en el beta-binomial de la
fábrica), el envoltorio tampoco se puede guardar. Entonces :func:`compile_model`
no lo compila: nutpie llama a la función de numba a través de Python, como hace
con JAX. Cada evaluación del gradiente cuesta unos 40 µs más, que en un ajuste
de unas 50 000 evaluaciones es mucho menos que los 7-10 s del envoltorio; las
extracciones, otra vez, son las mismas.

``benchmarks/bench_compile.py`` mide las dos en modelos del libro.
"""

from __future__ import annotations

import contextlib
import hashlib
import warnings
from collections.abc import Iterable

import numpy as np

from ..validation import check_choice

__all__ = [
    "COMPILERS",
    "check_compiler",
    "compile_model",
    "compile_with",
    "nutpie_compiles_with_cache",
]

#: Compiladores admitidos: ``"cached"`` (:func:`compile_model`) y ``"nutpie"``.
COMPILERS = ("cached", "nutpie")

# Los envoltorios de nutpie 0.16 (``nutpie.compile_pymc._make_c_logp_func`` y
# ``_make_c_expand_func``), como texto y sin clausura: ``n_dim``, ``n_expanded`` y
# ``extract`` son globales del módulo que se arma con el texto.
_LOGP_SRC = """
def logp_numba(dim, x_, out_, logp_, user_data_):
    if dim != n_dim:
        return -1
    try:
        x = numba.carray(x_, (n_dim,))
        out = numba.carray(out_, (n_dim,))
        logp = numba.carray(logp_, ())
        logp_val, grad = extract(x, user_data_)
        logp[()] = logp_val
        out[...] = grad
        if not np.all(np.isfinite(out)):
            return 3
        if not np.isfinite(logp_val):
            return 4
    except Exception:
        return 1
    return 0
"""
_EXPAND_SRC = """
def expand_numba(dim, expanded, x_, out_, user_data_):
    if dim != n_dim:
        return -1
    if expanded != n_expanded:
        return -1
    try:
        x = numba.carray(x_, (n_dim,))
        out = numba.carray(out_, (n_expanded,))
        (values,) = extract(x, user_data_)
        out[...] = values
    except Exception:
        return -2
    return 0
"""


def check_compiler(compiler) -> str:
    """``compiler`` validado: uno de :data:`COMPILERS`, o un error en castellano."""
    return check_choice(compiler, "compiler", COMPILERS)


def _signature(kind: str):
    """Firma de C que nutpie espera para el envoltorio ``"logp"`` o ``"expand"``."""
    from numba import types

    first = (types.uint64,) if kind == "logp" else (types.uint64, types.uint64)
    middle = (types.CPointer(types.double),) * (3 if kind == "logp" else 2)
    return types.int64(*first, *middle, types.voidptr)


def _cache_key(pytensor_key: str, src: str, constants: dict) -> str:
    """Clave de caché de un envoltorio: la función de PyTensor que llama, su texto y versiones.

    Parameters
    ----------
    pytensor_key : str
        Clave con que PyTensor guarda en caché la función de numba del logp (o de las
        variables que se guardan): describe el grafo del modelo, con sus constantes.
    src : str
        Texto del envoltorio (cambiarlo cambia la clave).
    constants : dict
        Las globales del texto que no son funciones (dimensiones, forma y tipo de los
        ``pm.Data``).

    Returns
    -------
    str
        Un SHA-256 en hexadecimal.
    """
    import numba
    import nutpie

    parts = (
        "jerarquicos.models.compiling",
        hashlib.sha256(src.encode()).hexdigest(),
        pytensor_key,
        sorted(constants.items()),
        nutpie.__version__,
        numba.__version__,
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _cfunc(src: str, name: str, pytensor_fn, extract, constants: dict, key_extra: str):
    """``numba.cfunc`` de ``src``, en la caché de disco si PyTensor guarda ``pytensor_fn``."""
    import numba
    from pytensor.link.numba.cache import CACHED_SRC_FUNCTIONS, compile_numba_function_src

    pytensor_key = CACHED_SRC_FUNCTIONS.get(pytensor_fn.py_func)
    key = None
    if pytensor_key is not None:
        key = _cache_key(pytensor_key, src, {**constants, "shared": key_extra})
    scope = {"__name__": __name__, "numba": numba, "np": np, "extract": extract, **constants}
    fn = compile_numba_function_src(src, name, scope, cache_key=key)
    kind = "logp" if name == "logp_numba" else "expand"
    with warnings.catch_warnings():
        # Si aun así numba no puede guardarlo, compila sin caché (como nutpie, que calla
        # el mismo aviso): más lento, nunca otro resultado, y sin un aviso en el libro.
        warnings.filterwarnings(
            "ignore", message="Cannot cache compiled function", category=numba.NumbaWarning
        )
        return numba.cfunc(_signature(kind), cache=key is not None)(fn)


def compile_model(model, *, var_names: Iterable[str] | None = None):
    """Compila ``model`` para ``nutpie.sample``, con los envoltorios de C en la caché de numba.

    Parameters
    ----------
    model : pymc.Model
        Modelo sin ajustar.
    var_names : iterable of str, optional
        Variables que se guardan en el resultado (por omisión, todas), como en
        ``nutpie.compile_pymc_model``.

    Returns
    -------
    nutpie.compile_pymc.CompiledPyMCModel or nutpie.compiled_pyfunc.PyFuncModel
        Lo que devuelve ``nutpie.compile_pymc_model`` o, si PyTensor no guarda en
        caché la función de logp, un modelo que nutpie muestrea a través de Python;
        con los dos, ``with_data`` reemplaza los ``pm.Data`` sin recompilar.

    Raises
    ------
    TypeError
        Si ``model`` no es un ``pymc.Model``.
    """
    import pymc as pm
    from nutpie import compile_pymc as nc
    from pymc.initial_point import make_initial_point_fn
    from pytensor.link.numba.cache import CACHED_SRC_FUNCTIONS

    if not isinstance(model, pm.Model):
        raise TypeError(
            "El argumento 'model' debe ser un pymc.Model sin ajustar; se recibió un objeto "
            f"de tipo {type(model).__name__}."
        )
    # Lo mismo que nutpie.compile_pymc_model(model) con backend="numba", por omisión.
    initial_point = nc._wrap_with_lock(
        make_initial_point_fn(
            model=model,
            default_strategy="support_point",
            jitter_rvs=set(model.free_RVs),
            return_transformed=True,
        )
    )
    n_dim, n_expanded, logp_pt, expand_pt, initial_point_fn, shape_info = nc._make_functions(
        model,
        mode="NUMBA",
        compute_grad=True,
        join_expanded=True,
        pymc_initial_point_fn=initial_point,
        var_names=var_names,
    )
    shared_data, shared_vars = {}, {}
    for var in (*logp_pt.get_shared(), *expand_pt.get_shared()):
        if var.name in shared_vars and shared_vars[var.name] is not var:
            raise ValueError(
                f"Los pm.Data del modelo deben tener nombres distintos; se repite {var.name!r}."
            )
        shared_data[var.name] = np.array(var.get_value(), order="C", copy=True)
        shared_vars[var.name] = var
    for value in shared_data.values():
        value.flags.writeable = False
    dims, coords = nc._prepare_dims_and_coords(model, shape_info)
    if CACHED_SRC_FUNCTIONS.get(logp_pt.vm.jit_fn.py_func) is None:
        return _through_python(
            n_dim, logp_pt, expand_pt, initial_point_fn, shape_info, shared_data, dims, coords
        )
    user_data = nc.make_user_data(shared_vars, shared_data)  # sólo lo leen los envoltorios

    def wrapper(src, name, function, constants):
        names = [var.name for var in function.get_shared()]
        jit_fn = function.vm.jit_fn
        extract = nc.make_extraction_fn(jit_fn, shared_data, names, user_data.dtype)
        layout = [(n, shared_data[n].shape, str(shared_data[n].dtype)) for n in names]
        key_extra = repr((layout, str(user_data.dtype)))
        return _cfunc(src, name, jit_fn, extract, constants, key_extra)

    logp = wrapper(_LOGP_SRC, "logp_numba", logp_pt, {"n_dim": n_dim})
    expand = wrapper(
        _EXPAND_SRC, "expand_numba", expand_pt, {"n_dim": n_dim, "n_expanded": n_expanded}
    )
    return nc.CompiledPyMCModel(
        _n_dim=n_dim,
        dims=dims,
        _coords=coords,
        _shapes={name: tuple(shape) for name, _, shape in zip(*shape_info, strict=True)},
        compiled_logp_func=logp,
        compiled_expand_func=expand,
        initial_point_func=initial_point_fn,
        shared_data=shared_data,
        user_data=user_data,
        n_expanded=n_expanded,
        shape_info=shape_info,
        logp_func=logp_pt,
        expand_func=expand_pt,
    )


def _through_python(n_dim, logp_pt, expand_pt, initial_point_fn, shape_info, shared, dims, coords):
    """Un modelo de nutpie que llama a las funciones de numba de PyTensor a través de Python."""
    from nutpie.compiled_pyfunc import from_pyfunc

    names, _, shapes = shape_info
    logp_jit, expand_jit = logp_pt.vm.jit_fn, expand_pt.vm.jit_fn
    logp_names = [var.name for var in logp_pt.get_shared()]
    expand_names = [var.name for var in expand_pt.get_shared()]
    ends = np.cumsum([int(np.prod(shape)) for shape in shapes])
    # Una primera llamada en este hilo: si la primera es en un hilo de nutpie, cada
    # llamada siguiente desde ese hilo tarda ~7 veces más (53 µs contra 8 µs, medido).
    start = initial_point_fn(0)
    logp_jit(start, *(shared[n] for n in logp_names))
    expand_jit(start, *(shared[n] for n in expand_names))

    def make_logp_fn():
        def logp(x, **data):
            value, grad = logp_jit(x, *(data[n] for n in logp_names))
            return float(value), grad

        return logp

    def make_expand_fn(seed1, seed2, chain):
        def expand(x, **data):
            (joined,) = expand_jit(x, *(data[n] for n in expand_names))
            parts = np.split(np.asarray(joined, dtype="float64"), ends[:-1])
            return {
                name: np.ascontiguousarray(part).reshape(shape)
                for name, part, shape in zip(names, parts, shapes, strict=True)
            }

        return expand

    return from_pyfunc(
        ndim=n_dim,
        make_logp_fn=make_logp_fn,
        make_expand_fn=make_expand_fn,
        make_initial_point_fn=initial_point_fn,
        expanded_dtypes=[np.dtype("float64")] * len(names),
        expanded_shapes=shapes,
        expanded_names=names,
        shared_data=shared,
        dims=dims,
        coords=coords,
    )


def compile_with(model, compiler: str):
    """Compila ``model`` para nutpie con ``compiler`` (uno de :data:`COMPILERS`)."""
    import nutpie

    if check_compiler(compiler) == "cached":
        return compile_model(model)
    return nutpie.compile_pymc_model(model)


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
