"""Validadores compartidos por todo el paquete: motores de grilla, modelos y figuras.

Cada función comprueba un tipo de argumento y devuelve su versión normalizada
(por ejemplo, un ``numpy.ndarray`` de ``float64``). Los errores siguen una sola
convención:

* ``TypeError`` cuando el *tipo* no sirve (un ``float`` donde se espera un conteo
  entero, un ``bool``, una cadena de texto, ...);
* ``ValueError`` cuando el tipo es correcto pero el *valor* no lo es (negativo,
  fuera de rango, no finito, longitudes distintas, ...).

Todos los mensajes están en español y nombran el argumento, el valor recibido y
lo que se admite, por ejemplo::

    El argumento 'kappa' debe ser un número finito mayor o igual que 2;
    se recibió kappa=1.5.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence

import numpy as np

__all__ = [
    "DEFAULT_MAX_ELEMENTS",
    "MAX_SEED",
    "check_ax",
    "check_bool",
    "check_choice",
    "check_cmap",
    "check_color",
    "check_counts",
    "check_dataframe",
    "check_finite_array",
    "check_finite_scalar",
    "check_grid",
    "check_idata",
    "check_integer",
    "check_interval",
    "check_kappa",
    "check_layout",
    "check_mapping",
    "check_normal_prior",
    "check_memory",
    "check_positive_finite",
    "check_prob",
    "check_random_seed",
    "check_real_array",
    "check_real_scalar",
    "check_subject",
    "check_text",
    "check_unit_interval",
    "format_bytes",
    "format_value",
    "raise_first_invalid",
]

#: Elementos por arreglo que se admiten por omisión antes de reservar memoria
#: (2·10⁷ valores ``float64`` son unos 160 MB).
DEFAULT_MAX_ELEMENTS = 20_000_000

#: Semilla más grande admitida: la de NumPy y PyMC es un entero de 32 bits sin signo.
MAX_SEED = 2**32 - 1


def format_value(value: object) -> str:
    """Representa un valor de forma legible para un mensaje de error.

    Parameters
    ----------
    value : object
        Valor a mostrar. Los escalares de NumPy se convierten a ``int`` o
        ``float`` de Python para evitar representaciones como
        ``np.float64(1.5)``.

    Returns
    -------
    str
        Representación corta del valor.
    """
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return format_value(value.item())
        text = np.array2string(value, threshold=8, separator=", ")
        return text
    text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return text


def _is_bool(value: object) -> bool:
    return isinstance(value, bool | np.bool_)


def _format_count(n: float) -> str:
    """Entero con separador de miles: ``1.000.000``."""
    return f"{int(n):,}".replace(",", ".")


def _type_name(value: object) -> str:
    return type(value).__name__


def format_bytes(n_bytes: float) -> str:
    """Escribe una cantidad de bytes con la unidad adecuada (kB, MB, GB, TB).

    Parameters
    ----------
    n_bytes : float
        Cantidad de bytes (no negativa).

    Returns
    -------
    str
        Por ejemplo ``"1.6 GB"``.

    Raises
    ------
    TypeError
        Si ``n_bytes`` no es un número real.
    ValueError
        Si es negativo o no es finito.
    """
    n = check_finite_scalar(n_bytes, "n_bytes")
    if n < 0:
        raise ValueError(
            "El argumento 'n_bytes' debe ser un número finito no negativo; se recibió "
            f"n_bytes={format_value(n)}."
        )
    for unit, size in (("PB", 1e15), ("TB", 1e12), ("GB", 1e9), ("MB", 1e6)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n / 1e3:.1f} kB"


def check_integer(
    value: object,
    name: str,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int:
    """Comprueba que ``value`` sea un número entero (no ``bool``) en un rango.

    Parameters
    ----------
    value : object
        Valor a comprobar. Se admiten ``int`` de Python y enteros de NumPy
        (también arreglos de dimensión 0); no se admiten ``float`` aunque
        tengan valor entero (``2.0``), ni ``bool``.
    name : str
        Nombre del argumento, para el mensaje de error.
    minimum, maximum : int, optional
        Cotas admitidas (incluidas).

    Returns
    -------
    int
        El valor como ``int`` de Python.

    Raises
    ------
    TypeError
        Si no es un entero.
    ValueError
        Si está fuera de ``[minimum, maximum]``.
    """
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if minimum is not None and maximum is not None:
        allowed = f"un número entero entre {minimum} y {maximum}"
    elif minimum is not None:
        allowed = f"un número entero mayor o igual que {minimum}"
    elif maximum is not None:
        allowed = f"un número entero menor o igual que {maximum}"
    else:
        allowed = "un número entero"
    if _is_bool(value) or not isinstance(value, numbers.Integral):
        hint = ""
        if isinstance(value, numbers.Real) and not _is_bool(value):
            hint = " Si el valor es entero pero está guardado como float, use int(...)."
        raise TypeError(
            f"El argumento '{name}' debe ser {allowed}; se recibió "
            f"{name}={format_value(value)} (de tipo {_type_name(value)}).{hint}"
        )
    number = int(value)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise ValueError(f"El argumento '{name}' debe ser {allowed}; se recibió {name}={number}.")
    return number


def check_bool(value: object, name: str) -> bool:
    """Comprueba que ``value`` sea ``True`` o ``False``.

    Una cadena como ``"no"`` es verdadera para Python; aquí se rechaza en vez
    de tomarla como ``True``.

    Parameters
    ----------
    value : object
        Valor a comprobar (``bool`` o ``numpy.bool_``).
    name : str
        Nombre del argumento.

    Returns
    -------
    bool

    Raises
    ------
    TypeError
        Si no es un booleano.
    """
    if not _is_bool(value):
        raise TypeError(
            f"El argumento '{name}' debe ser True o False; se recibió "
            f"{name}={format_value(value)} (de tipo {_type_name(value)})."
        )
    return bool(value)


def check_finite_scalar(value: object, name: str) -> float:
    """Comprueba que ``value`` sea un número real finito (no ``bool``).

    Parameters
    ----------
    value : object
        Valor a comprobar.
    name : str
        Nombre del argumento.

    Returns
    -------
    float

    Raises
    ------
    TypeError
        Si no es un número real.
    ValueError
        Si es infinito o NaN.
    """
    x = check_real_scalar(value, name)
    if not np.isfinite(x):
        raise ValueError(
            f"El argumento '{name}' debe ser un número finito; se recibió {name}={format_value(x)}."
        )
    return x


def check_random_seed(
    value: object,
    name: str = "random_seed",
    *,
    allow_none: bool = True,
    allow_generator: bool = True,
):
    """Comprueba una semilla: un entero entre 0 y :data:`MAX_SEED`.

    Parameters
    ----------
    value : object
        Semilla, ``None`` (si ``allow_none``) o un ``numpy.random.Generator``
        (si ``allow_generator``).
    name : str, optional
        Nombre del argumento (por omisión ``"random_seed"``).
    allow_none : bool, optional
        Si se admite ``None`` (una semilla tomada del sistema).
    allow_generator : bool, optional
        Si se admite un ``numpy.random.Generator`` ya creado.

    Returns
    -------
    int, None or numpy.random.Generator
        El valor recibido (los enteros, como ``int`` de Python).

    Raises
    ------
    TypeError
        Si no es un entero (``2.5``, ``"abc"``, ``True``) ni lo demás admitido.
    ValueError
        Si es negativo o mayor que :data:`MAX_SEED`.
    """
    options = [f"un entero entre 0 y {MAX_SEED} (2**32 - 1)"]
    if allow_generator:
        options.append("un numpy.random.Generator")
    if allow_none:
        options.append("None")
    allowed = ", ".join(options[:-1]) + " o " + options[-1] if len(options) > 1 else options[0]
    if value is None and allow_none:
        return None
    if allow_generator and isinstance(value, np.random.Generator):
        return value
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if _is_bool(value) or not isinstance(value, numbers.Integral):
        required = ""
        if value is None:
            required = " La semilla es obligatoria para que los resultados sean reproducibles."
        raise TypeError(
            f"El argumento '{name}' debe ser {allowed}; se recibió "
            f"{name}={format_value(value)} (de tipo {_type_name(value)}).{required}"
        )
    seed = int(value)
    if not 0 <= seed <= MAX_SEED:
        raise ValueError(f"El argumento '{name}' debe ser {allowed}; se recibió {name}={seed}.")
    return seed


def check_memory(
    n_elements: int,
    name: str,
    *,
    what: str,
    limit: float = DEFAULT_MAX_ELEMENTS,
    bytes_per_element: int = 8,
    limit_name: str | None = None,
) -> None:
    """Rechaza un cálculo demasiado grande ANTES de reservar la memoria.

    Parameters
    ----------
    n_elements : int
        Elementos del arreglo más grande que haría falta.
    name : str
        Argumento que determina el tamaño (para el mensaje).
    what : str
        Descripción del arreglo («la tabla de probabilidades de 0..n», ...).
    limit : float, optional
        Máximo de elementos admitido (por omisión :data:`DEFAULT_MAX_ELEMENTS`).
    bytes_per_element : int, optional
        Bytes por elemento (8 para ``float64``).
    limit_name : str, optional
        Cómo subir el límite, si se puede (por ejemplo ``"max_cells"`` o
        ``"el argumento max_cells de collapsed_posterior"``).

    Raises
    ------
    TypeError
        Si ``n_elements`` no es un entero o ``limit`` no es un número.
    ValueError
        Si ``n_elements > limit``; el mensaje dice cuánta memoria haría falta.
    """
    n_elements = check_integer(n_elements, "n_elements", minimum=0)
    limit = check_real_scalar(limit, "limit")
    if n_elements <= limit:
        return
    need = format_bytes(float(n_elements) * bytes_per_element)
    cap = format_bytes(float(limit) * bytes_per_element)
    hint = f", o aumente {limit_name} si tiene memoria suficiente" if limit_name else ""
    raise ValueError(
        f"El argumento '{name}' pide un cálculo demasiado grande: {what} tendría "
        f"{_format_count(n_elements)} elementos (unos {need} de memoria) y se admiten "
        f"como mucho {_format_count(limit)} (unos {cap}). Reduzca '{name}'{hint}."
    )


def _reject_bools_in_sequence(value: object, name: str, what: str) -> None:
    """NumPy convierte ``[1, True]`` en ``[1, 1]`` sin avisar: se revisa antes."""
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            if _is_bool(item):
                raise TypeError(
                    f"El argumento '{name}' debe contener {what}, no valores booleanos; "
                    f"se recibió {name}[{i}]={item!r}."
                )
            _reject_bools_in_sequence(item, name, what)


def check_real_scalar(value: object, name: str) -> float:
    """Comprueba que ``value`` sea un número real escalar (no ``bool``).

    Parameters
    ----------
    value : object
        Valor a comprobar. Se admiten ``int``, ``float``, escalares de NumPy
        enteros o reales y arreglos de dimensión 0 de esos tipos.
    name : str
        Nombre del argumento, para el mensaje de error.

    Returns
    -------
    float
        El valor convertido a ``float`` (puede no ser finito; eso se comprueba
        aparte).

    Raises
    ------
    TypeError
        Si el valor es booleano, complejo, una cadena, una secuencia u otro
        objeto no numérico.
    """
    if _is_bool(value):
        raise TypeError(
            f"El argumento '{name}' debe ser un número real; se recibió "
            f"{name}={value!r} (de tipo bool)."
        )
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_):
        return float(value)
    raise TypeError(
        f"El argumento '{name}' debe ser un número real escalar; se recibió "
        f"{name}={format_value(value)} (de tipo {type(value).__name__})."
    )


def check_positive_finite(value: object, name: str) -> float:
    """Comprueba que ``value`` sea un número real finito y estrictamente positivo.

    Se usa para los parámetros de forma ``A_omega`` y ``B_omega`` de la previa
    ``Beta(A_omega, B_omega)`` de :math:`\\omega`.

    Parameters
    ----------
    value : object
        Valor a comprobar.
    name : str
        Nombre del argumento.

    Returns
    -------
    float
        El valor como ``float``.

    Raises
    ------
    TypeError
        Si no es un número real.
    ValueError
        Si no es finito o no es mayor que 0.
    """
    x = check_real_scalar(value, name)
    if not (np.isfinite(x) and x > 0):
        raise ValueError(
            f"El argumento '{name}' debe ser un número finito mayor que 0; "
            f"se recibió {name}={format_value(x)}."
        )
    return x


def check_kappa(value: object, name: str = "kappa") -> float:
    """Comprueba la concentración :math:`\\kappa` (finita y ``>= 2``).

    Con :math:`\\kappa = 2` la beta por moda y concentración es la uniforme
    ``Beta(1, 1)``; valores menores darían parámetros de forma menores que 1.

    Parameters
    ----------
    value : object
        Valor a comprobar.
    name : str, optional
        Nombre del argumento (por defecto ``"kappa"``).

    Returns
    -------
    float
        El valor como ``float``.

    Raises
    ------
    TypeError
        Si no es un número real.
    ValueError
        Si no es finito o es menor que 2.
    """
    x = check_real_scalar(value, name)
    if not (np.isfinite(x) and x >= 2):
        raise ValueError(
            f"El argumento '{name}' debe ser un número finito mayor o igual que 2; "
            f"se recibió {name}={format_value(x)}."
        )
    return x


def check_prob(value: object, name: str = "prob") -> float:
    """Comprueba una probabilidad de intervalo, estrictamente entre 0 y 1.

    Parameters
    ----------
    value : object
        Valor a comprobar.
    name : str, optional
        Nombre del argumento (por defecto ``"prob"``).

    Returns
    -------
    float
        El valor como ``float``.

    Raises
    ------
    TypeError
        Si no es un número real.
    ValueError
        Si no está en el intervalo abierto (0, 1).
    """
    x = check_real_scalar(value, name)
    if not (0 < x < 1):
        raise ValueError(
            f"El argumento '{name}' debe ser un número estrictamente entre 0 y 1; "
            f"se recibió {name}={format_value(x)}."
        )
    return x


def check_real_array(value: object, name: str) -> np.ndarray:
    """Convierte ``value`` en un arreglo ``float64`` comprobando el tipo.

    Parameters
    ----------
    value : object
        Escalar, secuencia o arreglo de números reales.
    name : str
        Nombre del argumento.

    Returns
    -------
    numpy.ndarray
        Copia ``float64`` de los valores (puede contener valores no finitos;
        eso se comprueba aparte).

    Raises
    ------
    TypeError
        Si los valores son booleanos, complejos, cadenas u objetos no numéricos.
    """
    if _is_bool(value):
        raise TypeError(
            f"El argumento '{name}' debe contener números reales; se recibió "
            f"{name}={value!r} (de tipo bool)."
        )
    _reject_bools_in_sequence(value, name, "números reales")
    try:
        arr = np.asarray(value)
    except Exception as exc:  # pragma: no cover - objetos muy exóticos
        raise TypeError(
            f"El argumento '{name}' debe contener números reales; se recibió un "
            f"objeto de tipo {type(value).__name__}."
        ) from exc
    if arr.dtype.kind == "O":
        flat = arr.ravel()
        for item in flat:
            if _is_bool(item) or not isinstance(item, numbers.Real):
                raise TypeError(
                    f"El argumento '{name}' debe contener números reales; se "
                    f"encontró el valor {format_value(item)} (de tipo "
                    f"{type(item).__name__})."
                )
        arr = arr.astype(np.float64)
    elif arr.dtype.kind == "b":
        raise TypeError(
            f"El argumento '{name}' debe contener números reales, no valores "
            f"booleanos; se recibió {name}={format_value(arr)}."
        )
    elif arr.dtype.kind not in "iuf":
        raise TypeError(
            f"El argumento '{name}' debe contener números reales; se recibió "
            f"{name}={format_value(value)} (tipo de dato {arr.dtype})."
        )
    return np.array(arr, dtype=np.float64)


def check_unit_interval(value: object, name: str) -> np.ndarray:
    """Comprueba que todos los valores sean reales finitos en ``[0, 1]``.

    Parameters
    ----------
    value : object
        Escalar o arreglo.
    name : str
        Nombre del argumento.

    Returns
    -------
    numpy.ndarray
        Valores como ``float64`` (con la forma original; dimensión 0 si era un
        escalar).

    Raises
    ------
    TypeError
        Si los valores no son números reales.
    ValueError
        Si algún valor no es finito o está fuera de ``[0, 1]``.
    """
    arr = check_real_array(value, name)
    bad = ~(np.isfinite(arr) & (arr >= 0) & (arr <= 1))
    if np.any(bad):
        raise_first_invalid(arr, bad, name, "un número finito entre 0 y 1 (ambos incluidos)")
    return arr


def raise_first_invalid(arr: np.ndarray, bad: np.ndarray, name: str, allowed: str) -> None:
    """Lanza ``ValueError`` mostrando el primer elemento inválido de ``arr``.

    Parameters
    ----------
    arr : numpy.ndarray
        Valores recibidos (dimensión 0 para un escalar).
    bad : numpy.ndarray of bool
        Máscara de los valores inválidos, con la forma de ``arr``.
    name : str
        Nombre del argumento.
    allowed : str
        Descripción de lo que se admite («un número finito entre 0 y 1», ...).

    Raises
    ------
    ValueError
        Siempre.
    """
    if arr.ndim == 0:
        raise ValueError(
            f"El argumento '{name}' debe ser {allowed}; se recibió "
            f"{name}={format_value(arr.item())}."
        )
    idx = tuple(int(i) for i in np.argwhere(bad)[0])
    where = idx[0] if len(idx) == 1 else idx
    raise ValueError(
        f"Cada valor del argumento '{name}' debe ser {allowed}; se recibió "
        f"{name}[{where}]={format_value(arr[idx])}."
    )


def _as_count_array(value: object, name: str) -> np.ndarray:
    """Convierte conteos a un arreglo 1-D de ``int64`` comprobando el tipo."""
    if _is_bool(value):
        raise TypeError(
            f"El argumento '{name}' debe contener números enteros no negativos; "
            f"se recibió {name}={value!r} (de tipo bool)."
        )
    if isinstance(value, str | bytes):
        raise TypeError(
            f"El argumento '{name}' debe contener números enteros no negativos; "
            f"se recibió la cadena {name}={value!r}."
        )
    _reject_bools_in_sequence(value, name, "números enteros no negativos")
    arr = np.asarray(value)
    if arr.size == 0:
        raise ValueError(
            f"El argumento '{name}' debe contener al menos un conteo (S >= 1); "
            "se recibió una secuencia vacía."
        )
    kind = arr.dtype.kind
    if kind == "O":
        for item in arr.ravel():
            _check_count_item_type(item, name)
        arr = arr.astype(np.int64)
    elif kind == "b":
        raise TypeError(
            f"El argumento '{name}' debe contener números enteros no negativos, no "
            f"valores booleanos; se recibió {name}={format_value(arr)}."
        )
    elif kind == "f":
        flat = arr.ravel()
        first = flat[0] if flat.size else arr
        raise TypeError(
            f"El argumento '{name}' debe contener números enteros no negativos; se "
            f"recibió un valor de tipo float ({name}={format_value(first)}). Si los "
            "conteos son enteros guardados como float, conviértalos con int(...) o "
            ".astype(int)."
        )
    elif kind not in "iu":
        raise TypeError(
            f"El argumento '{name}' debe contener números enteros no negativos; se "
            f"recibió {name}={format_value(value)} (tipo de dato {arr.dtype})."
        )
    if arr.ndim > 1:
        raise ValueError(
            f"El argumento '{name}' debe ser un escalar o una secuencia 1-D de "
            f"conteos; se recibió un arreglo de forma {arr.shape}."
        )
    scalar_input = arr.ndim == 0
    arr = np.atleast_1d(arr)
    if kind == "u" and arr.dtype.itemsize >= 8 and np.any(arr > np.iinfo(np.int64).max):
        raise ValueError(f"El argumento '{name}' contiene conteos demasiado grandes.")
    arr = arr.astype(np.int64)
    negative = arr < 0
    if np.any(negative):
        if scalar_input:
            raise_first_invalid(arr[0], negative[0], name, "un número entero no negativo")
        raise_first_invalid(arr, negative, name, "un número entero no negativo")
    return arr


def _check_count_item_type(item: object, name: str) -> None:
    if _is_bool(item) or not isinstance(item, numbers.Integral):
        kind = type(item).__name__
        extra = ""
        if isinstance(item, numbers.Real):
            extra = (
                " Si los conteos son enteros guardados como float, conviértalos con "
                "int(...) o .astype(int)."
            )
        raise TypeError(
            f"El argumento '{name}' debe contener números enteros no negativos; se "
            f"encontró el valor {format_value(item)} (de tipo {kind}).{extra}"
        )


def check_counts(y: object, N: object) -> tuple[np.ndarray, np.ndarray]:
    """Comprueba los éxitos ``y`` y los ensayos ``N`` de los ``S`` sujetos.

    Parameters
    ----------
    y : int or sequence of int
        Número de éxitos de cada sujeto. Un escalar equivale a ``S = 1``.
    N : int or sequence of int
        Número de ensayos de cada sujeto, con la misma longitud que ``y``.

    Returns
    -------
    y, N : numpy.ndarray
        Arreglos 1-D de ``int64`` de longitud ``S``.

    Raises
    ------
    TypeError
        Si algún conteo no es entero (``2.5``, ``2.0``, ``True``, ``"3"``, ...).
        Se aceptan ``int`` de Python y enteros de NumPy.
    ValueError
        Si algún conteo es negativo, si ``y`` y ``N`` tienen longitudes
        distintas, si la secuencia está vacía o si ``y_s > N_s`` para algún
        sujeto.
    """
    y_arr = _as_count_array(y, "y")
    n_arr = _as_count_array(N, "N")
    if y_arr.shape != n_arr.shape:
        raise ValueError(
            "Los argumentos 'y' y 'N' deben tener la misma longitud (un valor por "
            f"sujeto); se recibió len(y)={y_arr.size} y len(N)={n_arr.size}."
        )
    too_big = y_arr > n_arr
    if np.any(too_big):
        s = int(np.argmax(too_big))
        raise ValueError(
            "Cada conteo de éxitos 'y' debe ser menor o igual que su número de "
            f"ensayos 'N'; para el sujeto {s + 1} se recibió y={int(y_arr[s])} y "
            f"N={int(n_arr[s])}."
        )
    return y_arr, n_arr


def check_grid(grid: object, name: str) -> np.ndarray:
    """Comprueba una grilla de valores de probabilidad (``pi_grid``, ``omega_grid``).

    Parameters
    ----------
    grid : array_like
        Valores de la grilla.
    name : str
        Nombre del argumento.

    Returns
    -------
    numpy.ndarray
        Copia 1-D ``float64`` de la grilla.

    Raises
    ------
    TypeError
        Si la grilla no es numérica (o es booleana).
    ValueError
        Si no es 1-D, tiene menos de 2 puntos, contiene valores no finitos o
        fuera de ``[0, 1]``, o no es estrictamente creciente.
    """
    if grid is None or isinstance(grid, str | bytes):
        raise TypeError(
            f"El argumento '{name}' debe ser una secuencia 1-D de números entre 0 y "
            f"1; se recibió {name}={grid!r}."
        )
    arr = check_real_array(grid, name)
    if arr.ndim != 1:
        raise ValueError(
            f"El argumento '{name}' debe ser una grilla 1-D; se recibió un arreglo "
            f"de forma {arr.shape}."
        )
    if arr.size < 2:
        raise ValueError(
            f"El argumento '{name}' debe tener al menos 2 puntos; se recibieron {arr.size}."
        )
    bad = ~(np.isfinite(arr) & (arr >= 0) & (arr <= 1))
    if np.any(bad):
        raise_first_invalid(arr, bad, name, "un número finito entre 0 y 1 (ambos incluidos)")
    steps = np.diff(arr)
    if np.any(steps <= 0):
        i = int(np.argmax(steps <= 0))
        raise ValueError(
            f"El argumento '{name}' debe ser estrictamente creciente; se recibió "
            f"{name}[{i}]={format_value(arr[i])} seguido de "
            f"{name}[{i + 1}]={format_value(arr[i + 1])}."
        )
    return arr


def check_subject(s: object, n_subjects: int, name: str = "s") -> int:
    """Comprueba un índice de sujeto, numerado desde 1 como en los capítulos.

    Parameters
    ----------
    s : int
        Índice del sujeto, entre 1 y ``n_subjects``.
    n_subjects : int
        Número de sujetos ``S``.
    name : str, optional
        Nombre del argumento.

    Returns
    -------
    int
        El índice como ``int`` de Python (desde 1).

    Raises
    ------
    TypeError
        Si no es un entero (o es ``bool``).
    ValueError
        Si está fuera de ``1..S``.
    """
    if _is_bool(s) or not isinstance(s, numbers.Integral):
        raise TypeError(
            f"El argumento '{name}' debe ser un número entero entre 1 y {n_subjects}; "
            f"se recibió {name}={format_value(s)} (de tipo {type(s).__name__})."
        )
    s_int = int(s)
    if not 1 <= s_int <= n_subjects:
        raise ValueError(
            f"El argumento '{name}' debe ser un número entero entre 1 y {n_subjects} "
            f"(los sujetos se numeran desde 1); se recibió {name}={s_int}."
        )
    return s_int


def check_choice(value: object, name: str, allowed: Sequence[str]) -> str:
    """Comprueba que ``value`` sea una de las cadenas permitidas.

    Parameters
    ----------
    value : object
        Valor a comprobar.
    name : str
        Nombre del argumento.
    allowed : sequence of str
        Valores admitidos.

    Returns
    -------
    str
        El valor recibido.

    Raises
    ------
    TypeError
        Si no es una cadena.
    ValueError
        Si no es uno de los valores admitidos.
    """
    options = ", ".join(repr(a) for a in allowed)
    if not isinstance(value, str):
        raise TypeError(
            f"El argumento '{name}' debe ser una cadena, una de {options}; se "
            f"recibió {name}={format_value(value)} (de tipo {type(value).__name__})."
        )
    if value not in allowed:
        raise ValueError(
            f"El argumento '{name}' debe ser uno de {options}; se recibió {name}={value!r}."
        )
    return value


def check_text(value: object, name: str, *, allow_none: bool = False) -> str | None:
    """Comprueba que ``value`` sea una cadena de texto (o ``None`` si se admite).

    Parameters
    ----------
    value : object
        Valor a comprobar.
    name : str
        Nombre del argumento.
    allow_none : bool, optional
        Si se admite ``None``.

    Returns
    -------
    str or None
        El valor recibido.

    Raises
    ------
    TypeError
        Si no es una cadena (ni ``None`` cuando se admite).
    """
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        allowed = "una cadena de texto o None" if allow_none else "una cadena de texto"
        raise TypeError(
            f"El argumento '{name}' debe ser {allowed}; se recibió "
            f"{name}={format_value(value)} (de tipo {_type_name(value)})."
        )
    return value


def check_ax(value: object, name: str = "ax", *, allow_none: bool = True):
    """Comprueba que ``value`` sean unos ejes de matplotlib (o ``None``).

    Parameters
    ----------
    value : object
        Ejes donde dibujar (``matplotlib.axes.Axes``) o ``None`` para crear
        una figura nueva (si ``allow_none``).
    name : str, optional
        Nombre del argumento (por omisión ``"ax"``).
    allow_none : bool, optional
        Si se admite ``None``.

    Returns
    -------
    matplotlib.axes.Axes or None
        El valor recibido.

    Raises
    ------
    TypeError
        Si no es un ``matplotlib.axes.Axes`` (ni ``None`` cuando se admite).
    """
    from matplotlib.axes import Axes

    if (value is None and allow_none) or isinstance(value, Axes):
        return value
    allowed = "unos ejes de matplotlib (matplotlib.axes.Axes)"
    if allow_none:
        allowed += " o None"
    raise TypeError(
        f"El argumento '{name}' debe ser {allowed}; se recibió "
        f"{name}={format_value(value)} (de tipo {_type_name(value)})."
    )


def check_layout(value: object, name: str = "layout"):
    """Comprueba que ``value`` sea una diagramación de :mod:`jerarquicos.plots.layout`.

    Parameters
    ----------
    value : object
        ``jerarquicos.plots.layout.WIDE`` o ``NARROW`` (un ``Layout``).
    name : str, optional
        Nombre del argumento (por omisión ``"layout"``).

    Returns
    -------
    jerarquicos.plots.layout.Layout
        El valor recibido.

    Raises
    ------
    TypeError
        Si no es un ``Layout``.
    """
    from jerarquicos.plots.layout import Layout

    if not isinstance(value, Layout):
        raise TypeError(
            f"El argumento '{name}' debe ser jerarquicos.plots.layout.WIDE o NARROW (un "
            f"Layout); se recibió {name}={format_value(value)} (de tipo {_type_name(value)})."
        )
    return value


def check_idata(value: object, name: str = "idata", *, groups: Sequence[str] = ("posterior",)):
    """Comprueba que ``value`` sea un ``arviz.InferenceData`` con los grupos pedidos.

    Parameters
    ----------
    value : object
        Resultado de un ajuste (:func:`jerarquicos.models.fitting.fit`).
    name : str, optional
        Nombre del argumento (por omisión ``"idata"``).
    groups : sequence of str, optional
        Grupos que debe tener (por omisión sólo ``"posterior"``).

    Returns
    -------
    arviz.InferenceData
        El valor recibido.

    Raises
    ------
    TypeError
        Si no es un ``InferenceData``.
    ValueError
        Si le falta alguno de los grupos.
    """
    from arviz import InferenceData

    if not isinstance(value, InferenceData):
        raise TypeError(
            f"El argumento '{name}' debe ser un arviz.InferenceData (el resultado de "
            f"jerarquicos.models.fitting.fit); se recibió {name}={format_value(value)} "
            f"(de tipo {_type_name(value)})."
        )
    missing = [group for group in groups if group not in value.groups()]
    if missing:
        raise ValueError(
            f"El argumento '{name}' no tiene los grupos {missing}: se admite un "
            f"InferenceData con {list(groups)}; tiene {value.groups()}."
        )
    return value


def check_dataframe(
    value: object,
    name: str,
    *,
    columns: Sequence[str] = (),
    min_rows: int = 1,
):
    """Comprueba que ``value`` sea un ``pandas.DataFrame`` con columnas y filas.

    No copia los datos.

    Parameters
    ----------
    value : object
        Tabla a comprobar.
    name : str
        Nombre del argumento.
    columns : sequence of str, optional
        Columnas que debe tener.
    min_rows : int, optional
        Filas mínimas (por omisión 1: una tabla vacía se rechaza).

    Returns
    -------
    pandas.DataFrame
        El valor recibido.

    Raises
    ------
    TypeError
        Si no es un ``DataFrame``.
    ValueError
        Si le faltan columnas o tiene menos de ``min_rows`` filas.
    """
    import pandas as pd

    cols = list(columns)
    wanted = f" con las columnas {cols}" if cols else ""
    if not isinstance(value, pd.DataFrame):
        raise TypeError(
            f"El argumento '{name}' debe ser un pandas.DataFrame{wanted}; se recibió "
            f"{name}={format_value(value)} (de tipo {_type_name(value)})."
        )
    missing = [c for c in cols if c not in value.columns]
    if missing:
        raise ValueError(
            f"Al argumento '{name}' le faltan las columnas {missing}: se admite un "
            f"pandas.DataFrame{wanted}; tiene {list(value.columns)}."
        )
    if len(value) < min_rows:
        raise ValueError(
            f"El argumento '{name}' debe tener al menos {min_rows} fila(s); se recibió una "
            f"tabla con {len(value)}."
        )
    return value


def check_finite_array(value: object, name: str, *, min_size: int = 0) -> np.ndarray:
    """Comprueba que ``value`` tenga sólo números reales finitos.

    Parameters
    ----------
    value : object
        Escalar, secuencia o arreglo de números reales.
    name : str
        Nombre del argumento.
    min_size : int, optional
        Cantidad mínima de valores (por omisión 0).

    Returns
    -------
    numpy.ndarray
        Los valores como ``float64``.

    Raises
    ------
    TypeError
        Si los valores no son números reales (o son booleanos o cadenas).
    ValueError
        Si hay menos de ``min_size`` valores o alguno no es finito.
    """
    if isinstance(value, str | bytes):
        raise TypeError(
            f"El argumento '{name}' debe contener números reales; se recibió la cadena "
            f"{name}={value!r}."
        )
    arr = check_real_array(value, name)
    if arr.size < min_size:
        raise ValueError(
            f"El argumento '{name}' debe tener al menos {min_size} valor(es); se recibieron "
            f"{arr.size}."
        )
    bad = ~np.isfinite(arr)
    if np.any(bad):
        raise_first_invalid(arr, bad, name, "un número finito")
    return arr


def check_interval(
    value: object,
    name: str,
    *,
    lower: float = -np.inf,
    upper: float = np.inf,
) -> tuple[float, float]:
    """Comprueba un intervalo ``(inicio, fin)`` finito y creciente.

    Parameters
    ----------
    value : object
        Par de números reales con ``inicio < fin``.
    name : str
        Nombre del argumento.
    lower, upper : float, optional
        Cotas que el intervalo no puede pasar (incluidas).

    Returns
    -------
    tuple of float
        ``(inicio, fin)``.

    Raises
    ------
    TypeError
        Si no es un par de números reales.
    ValueError
        Si no tiene dos valores, no son finitos, ``inicio >= fin`` o se sale
        de ``[lower, upper]``.
    """
    if isinstance(value, str | bytes) or not isinstance(value, Sequence | np.ndarray):
        raise TypeError(
            f"El argumento '{name}' debe ser un par (inicio, fin) de números; se recibió "
            f"{name}={format_value(value)} (de tipo {_type_name(value)})."
        )
    if len(value) != 2:
        raise ValueError(
            f"El argumento '{name}' debe ser un par (inicio, fin) de números; se recibió "
            f"{name}={format_value(value)}, con {len(value)} valor(es)."
        )
    lo = check_finite_scalar(value[0], f"{name}[0]")
    hi = check_finite_scalar(value[1], f"{name}[1]")
    if not lo < hi:
        raise ValueError(
            f"El argumento '{name}' debe ser un intervalo (inicio, fin) con inicio < fin; se "
            f"recibió {name}={format_value(value)}."
        )
    if lo < lower or hi > upper:
        raise ValueError(
            f"El argumento '{name}' debe quedar dentro de [{format_value(lower)}, "
            f"{format_value(upper)}]; se recibió {name}={format_value(value)}."
        )
    return lo, hi


def check_color(value: object, name: str = "color"):
    """Comprueba que ``value`` sea un color que matplotlib entiende (``"C0"``, ``"#1f77b4"``…).

    Parameters
    ----------
    value : object
        Color de matplotlib.
    name : str, optional
        Nombre del argumento.

    Returns
    -------
    object
        El valor recibido.

    Raises
    ------
    ValueError
        Si matplotlib no lo reconoce como color.
    """
    from matplotlib.colors import is_color_like

    if not is_color_like(value):
        raise ValueError(
            f"El argumento '{name}' debe ser un color de matplotlib (p. ej. 'C0', 'black' o "
            f"'#1f77b4'); se recibió {name}={format_value(value)}."
        )
    return value


def check_cmap(value: object, name: str = "cmap"):
    """Comprueba que ``value`` sea un mapa de colores de matplotlib (nombre u objeto).

    Parameters
    ----------
    value : object
        Nombre registrado (``"viridis"``) o un ``matplotlib.colors.Colormap``.
    name : str, optional
        Nombre del argumento.

    Returns
    -------
    object
        El valor recibido.

    Raises
    ------
    TypeError
        Si no es una cadena ni un ``Colormap``.
    ValueError
        Si el nombre no está registrado.
    """
    import matplotlib as mpl
    from matplotlib.colors import Colormap

    if isinstance(value, Colormap):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"El argumento '{name}' debe ser el nombre de un mapa de colores de matplotlib o "
            f"un Colormap; se recibió {name}={format_value(value)} (de tipo "
            f"{_type_name(value)})."
        )
    if value not in mpl.colormaps:
        raise ValueError(
            f"El argumento '{name}' debe ser un mapa de colores registrado en matplotlib "
            f"(p. ej. 'viridis' o 'magma'); se recibió {name}={value!r}."
        )
    return value


def check_mapping(value: object, name: str, *, what: str, item_len: int | None = None):
    """Comprueba un dict no vacío y, si se pide, que cada valor sea una tupla de largo fijo.

    Parameters
    ----------
    value : object
        Diccionario recibido.
    name : str
        Nombre del argumento.
    what : str
        Forma admitida, para el mensaje (``"{título: (medias, color)}"``).
    item_len : int, optional
        Largo exacto de cada valor (una tupla o lista).

    Returns
    -------
    collections.abc.Mapping
        El valor recibido.

    Raises
    ------
    TypeError
        Si no es un dict (``Mapping``), o algún valor no es una tupla o lista
        cuando se pide ``item_len``.
    ValueError
        Si está vacío o algún valor no tiene ``item_len`` elementos.
    """
    from collections.abc import Mapping

    if not isinstance(value, Mapping):
        raise TypeError(
            f"El argumento '{name}' debe ser un dict {what}; se recibió "
            f"{name}={format_value(value)} (de tipo {_type_name(value)})."
        )
    if not value:
        raise ValueError(
            f"El argumento '{name}' debe ser un dict no vacío {what}; se recibió {{}}."
        )
    if item_len is not None:
        for key, item in value.items():
            if isinstance(item, str | bytes) or not isinstance(item, Sequence):
                raise ValueError(
                    f"Cada valor del argumento '{name}' debe ser una tupla {what}; se recibió "
                    f"{name}[{key!r}]={format_value(item)} (de tipo {_type_name(item)})."
                )
            if len(item) != item_len:
                raise ValueError(
                    f"Cada valor del argumento '{name}' debe tener {item_len} elementos {what}; "
                    f"se recibió {name}[{key!r}] con {len(item)}."
                )
    return value


def check_normal_prior(value: object, name: str) -> tuple[float, float]:
    """Comprueba una previa normal escrita como par ``(media, desviación típica)``.

    Parameters
    ----------
    value : object
        Par de números reales: media finita y desviación típica finita y positiva.
    name : str
        Nombre del argumento.

    Returns
    -------
    tuple of float
        ``(media, desviación típica)``.

    Raises
    ------
    TypeError
        Si no es un par de números reales.
    ValueError
        Si no tiene dos valores, la media no es finita o la desviación típica no es positiva.
    """
    if isinstance(value, str | bytes) or not isinstance(value, Sequence | np.ndarray):
        raise TypeError(
            f"El argumento '{name}' debe ser un par (media, desviación típica) de números; "
            "se recibió "
            f"{name}={format_value(value)} (de tipo {_type_name(value)})."
        )
    if len(value) != 2:
        raise ValueError(
            f"El argumento '{name}' debe ser un par (media, desviación típica) de números; "
            "se recibió "
            f"{name}={format_value(value)}, con {len(value)} valor(es)."
        )
    return check_finite_scalar(value[0], f"{name}[0]"), check_positive_finite(
        value[1], f"{name}[1]"
    )
