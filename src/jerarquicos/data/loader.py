"""Cargador de los conjuntos de datos del curso, con verificación SHA-256.

Dónde se busca cada archivo, en este orden:

1. la carpeta de la variable de entorno ``JERARQUICOS_DATA_DIR``, si está
   definida: copias locales de sólo lectura (en CI apunta a ``shared/data``);
2. los conjuntos **incluidos** se leen del propio paquete con
   :mod:`importlib.resources` (funciona igual desde una copia del repositorio,
   una rueda instalada, Colab o Binder);
3. los conjuntos **externos** se buscan en la caché del usuario (el argumento
   ``data_home``, la variable ``JERARQUICOS_CACHE_DIR`` o
   ``pooch.os_cache("jerarquicos")``) y, si faltan, se descargan con
   :func:`pooch.retrieve` (``known_hash``: el archivo se baja a un temporal de
   la misma carpeta y sólo se coloca en su lugar si su SHA-256 es el
   registrado). ``JERARQUICOS_OFFLINE=1`` prohíbe toda descarga.

Todo archivo que se use, venga de donde venga, se verifica contra el SHA-256
del registro (:data:`jerarquicos.data.registry.DATASETS`). Este módulo nunca
borra ni sobrescribe un archivo que no pueda reemplazar por otro verificado:
una copia dañada se informa con su ruta y con cómo arreglarla.

Examples
--------
>>> from jerarquicos.data import load_dataset
>>> load_dataset("radon").shape
(919, 4)
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import warnings
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pandas as pd

from .registry import DATASETS, DatasetInfo

__all__ = [
    "CACHE_DIR_ENV",
    "DATA_DIR_ENV",
    "OFFLINE_ENV",
    "DatasetError",
    "cache_dir",
    "dataset_path",
    "list_datasets",
    "load_dataset",
    "sha256_file",
]

#: Variable de entorno con una carpeta de copias ya descargadas (sólo lectura).
DATA_DIR_ENV = "JERARQUICOS_DATA_DIR"
#: Variable de entorno que cambia la carpeta de caché de descargas.
CACHE_DIR_ENV = "JERARQUICOS_CACHE_DIR"
#: Si vale "1", ningún conjunto se descarga (CI: todo debe estar en disco).
OFFLINE_ENV = "JERARQUICOS_OFFLINE"


class DatasetError(RuntimeError):
    """Un conjunto de datos no se pudo localizar, descargar, verificar o leer."""


# --------------------------------------------------------------------------- utilidades


def sha256_file(path: str | os.PathLike[str]) -> str:
    """Calcula el SHA-256 de un archivo.

    Parameters
    ----------
    path : str or os.PathLike
        Archivo a resumir.

    Returns
    -------
    str
        Resumen hexadecimal (64 caracteres).

    Raises
    ------
    TypeError
        Si ``path`` no es una ruta (``str`` o ``os.PathLike``); en particular, un
        entero no se toma como descriptor de archivo.
    ValueError
        Si ``path`` no nombra un archivo existente.
    """
    file = _check_folder_argument(path, "path")
    if not file.is_file():
        what = "es una carpeta" if file.is_dir() else "no existe"
        raise ValueError(
            f"El argumento 'path' debe ser un archivo existente; se recibió path={str(path)!r}, "
            f"que {what}."
        )
    digest = hashlib.sha256()
    with open(file, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _check_folder_argument(value, argument: str) -> Path:
    if not isinstance(value, str | os.PathLike):
        raise TypeError(
            f"El argumento '{argument}' debe ser una ruta (str o pathlib.Path); se recibió "
            f"{argument}={value!r} (de tipo {type(value).__name__})."
        )
    if isinstance(value, str) and not value.strip():
        raise ValueError(
            f"El argumento '{argument}' debe ser una ruta no vacía; se recibió "
            f"{argument}={value!r}."
        )
    return Path(value).expanduser()


def cache_dir(data_home: str | os.PathLike[str] | None = None) -> Path:
    """Devuelve (sin crearla) la carpeta de caché de las descargas.

    Parameters
    ----------
    data_home : str or os.PathLike, optional
        Carpeta explícita. Si es ``None`` se usa la variable de entorno
        ``JERARQUICOS_CACHE_DIR`` o, si no está definida,
        ``pooch.os_cache("jerarquicos")`` (la carpeta de caché del sistema:
        ``~/.cache/jerarquicos`` en Linux).

    Returns
    -------
    pathlib.Path
        Ruta absoluta.

    Raises
    ------
    TypeError, ValueError
        Si ``data_home`` no es una ruta válida.
    """
    if data_home is not None:
        return _check_folder_argument(data_home, "data_home").resolve()
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    import pooch

    return Path(pooch.os_cache("jerarquicos")).resolve()


def _info(name: object) -> DatasetInfo:
    known = ", ".join(repr(n) for n in sorted(DATASETS))
    if not isinstance(name, str):
        raise TypeError(
            f"El argumento 'name' debe ser el nombre de un conjunto (texto), uno de {known}; "
            f"se recibió name={name!r} (de tipo {type(name).__name__})."
        )
    if name not in DATASETS:
        raise ValueError(f"El argumento 'name' debe ser uno de {known}; se recibió name={name!r}.")
    return DATASETS[name]


def _mismatch(path: Path, info: DatasetInfo, found: str) -> str:
    return (
        f"El archivo {path} del conjunto {info.name!r} tiene SHA-256 {found}, pero el "
        f"registrado es {info.sha256}."
    )


def _verify(path: Path, info: DatasetInfo, fix: str) -> Path:
    found = sha256_file(path)
    if found != info.sha256:
        raise DatasetError(f"{_mismatch(path, info, found)} No se usa ni se toca. {fix}")
    return path


def _how_to_get(info: DatasetInfo) -> str:
    return (
        f"Para obtenerlo: (1) conéctese a internet para que se descargue de "
        f"{info.source_url}, o (2) defina la variable de entorno {DATA_DIR_ENV} con una "
        f"carpeta que contenga una copia de {info.filename!r} (SHA-256 {info.sha256})."
    )


@contextlib.contextmanager
def _quiet_pooch() -> Iterator[None]:
    import pooch

    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel("WARNING")
    try:
        yield
    finally:
        logger.setLevel(level)


def _writable_folder(folder: Path) -> None:
    """Crea ``folder`` si hace falta y comprueba que se pueda escribir en ella."""
    fix = (
        f"Elija otra carpeta con el argumento data_home o con la variable {CACHE_DIR_ENV}, "
        f"o ponga una copia del archivo en la carpeta de {DATA_DIR_ENV}."
    )
    if folder.exists() and not folder.is_dir():
        raise DatasetError(f"La carpeta de caché {folder} existe pero no es una carpeta. {fix}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".prueba-", delete=True):
            pass
    except OSError as exc:
        raise DatasetError(
            f"No se puede escribir en la carpeta de caché {folder} ({exc.strerror or exc}). {fix}"
        ) from exc


def _download(info: DatasetInfo, folder: Path) -> Path:
    """Descarga con pooch a ``folder``; un fallo deja la carpeta como estaba."""
    import pooch
    import requests

    _writable_folder(folder)
    try:
        with _quiet_pooch():
            fetched = pooch.retrieve(
                info.source_url,
                known_hash=f"sha256:{info.sha256}",
                fname=info.filename,
                path=folder,
                progressbar=False,
            )
    except ValueError as exc:  # SHA-256 de la descarga distinto del registrado
        raise DatasetError(
            f"La descarga de {info.source_url} (conjunto {info.name!r}) no tiene el SHA-256 "
            f"registrado {info.sha256}; se descartó y {folder} quedó como estaba."
        ) from exc
    except (requests.exceptions.RequestException, OSError) as exc:
        raise DatasetError(
            f"Falló la descarga del conjunto {info.name!r} desde {info.source_url} ({exc}); "
            f"{folder} quedó como estaba. {_how_to_get(info)}"
        ) from exc
    return Path(fetched)


# --------------------------------------------------------------------------- API


def dataset_path(
    name: str,
    *,
    data_home: str | os.PathLike[str] | None = None,
    download: bool = True,
) -> Path:
    """Localiza (y si hace falta descarga) el archivo de un conjunto de datos.

    Parameters
    ----------
    name : str
        Nombre registrado en :data:`jerarquicos.data.registry.DATASETS`.
    data_home : str or os.PathLike, optional
        Carpeta de caché para las descargas (ver :func:`cache_dir`).
    download : bool, default True
        Si es ``False`` nunca se accede a la red. La variable de entorno
        ``JERARQUICOS_OFFLINE=1`` tiene el mismo efecto para todas las llamadas.

    Returns
    -------
    pathlib.Path
        Ruta de un archivo cuyo SHA-256 coincide con el registrado.

    Raises
    ------
    TypeError, ValueError
        Si ``name``, ``data_home`` o ``download`` no son válidos.
    DatasetError
        Si una copia tiene otro SHA-256 y no se puede reemplazar por una
        verificada, si la descarga falla o si el archivo no está en ningún
        sitio y no se puede descargar. El mensaje nombra la ruta y la solución.
    """
    info = _info(name)
    if not isinstance(download, bool):
        raise TypeError(
            f"El argumento 'download' debe ser True o False; se recibió download={download!r} "
            f"(de tipo {type(download).__name__})."
        )
    folder = cache_dir(data_home)  # valida data_home también para los incluidos

    env_dir = os.environ.get(DATA_DIR_ENV)
    if env_dir:
        copies = Path(env_dir).expanduser()
        if not copies.is_dir():
            raise DatasetError(
                f"La variable de entorno {DATA_DIR_ENV}={env_dir!r} no nombra una carpeta "
                "existente: debe ser una carpeta con copias de los archivos, o no estar definida."
            )
        candidate = copies / info.filename
        if candidate.is_file():
            return _verify(
                candidate,
                info,
                f"Reemplácelo por una copia correcta o quítelo de {copies} ({DATA_DIR_ENV}).",
            )

    if info.bundled:
        resource = resources.files(__package__).joinpath(info.filename)
        if not resource.is_file():
            raise DatasetError(
                f"La instalación del paquete jerarquicos no trae el archivo {info.filename!r} "
                f"del conjunto {info.name!r}: reinstale el paquete (pip install --force-reinstall "
                "jerarquicos) o regenere el archivo con python scripts/derive_data.py."
            )
        # Una instalación con pip (rueda o editable) deja los archivos en disco.
        return _verify(
            Path(str(resource)),
            info,
            "La instalación está dañada: reinstale el paquete o regenere el archivo con "
            "python scripts/derive_data.py.",
        )

    candidate = folder / info.filename
    damaged = None
    if candidate.is_file():
        found = sha256_file(candidate)
        if found == info.sha256:
            return candidate
        damaged = _mismatch(candidate, info, found)
    offline = os.environ.get(OFFLINE_ENV) == "1"
    if not download or offline:
        reason = "download=False" if not download else f"{OFFLINE_ENV}=1"
        if damaged:
            raise DatasetError(
                f"{damaged} No se borra ni se vuelve a descargar ({reason} prohíbe "
                f"descargar). Bórrelo a mano para que se descargue de nuevo, o defina "
                f"{DATA_DIR_ENV} con una carpeta que tenga una copia correcta."
            )
        raise DatasetError(
            f"El conjunto {info.name!r} no está en {folder} y {reason} prohíbe descargarlo. "
            + _how_to_get(info)
        )
    if damaged:
        warnings.warn(
            f"{damaged} Se descarga de nuevo; sólo se reemplaza si la descarga se verifica.",
            UserWarning,
            stacklevel=2,
        )
    return _download(info, folder)


def _read_rda(path: Path, info: DatasetInfo) -> pd.DataFrame:
    import rdata

    with warnings.catch_warnings():
        # Los tibbles de R («tbl_df», «tbl») se leen como data.frame: es lo que queremos.
        warnings.filterwarnings(
            "ignore", message=r'Missing constructor for R class "tbl', category=UserWarning
        )
        objects = rdata.read_rda(str(path))
    if info.rda_object not in objects:
        raise DatasetError(
            f"El archivo {path} no contiene el objeto {info.rda_object!r}; contiene: "
            f"{', '.join(map(str, objects))}."
        )
    frame = pd.DataFrame(objects[info.rda_object]).reset_index(drop=True)
    # Los enteros de R llegan como enteros con nulos («Int32»); si no hay nulos se
    # pasan a int64 corriente, que es lo que esperan Bambi y formulae.
    for column in frame.columns:
        dtype = frame[column].dtype
        if pd.api.types.is_integer_dtype(dtype) and pd.api.types.is_extension_array_dtype(dtype):
            if not frame[column].isna().any():
                frame[column] = frame[column].astype("int64")
    return frame


def load_dataset(
    name: str,
    *,
    data_home: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Carga un conjunto de datos del curso, verificando su SHA-256.

    Parameters
    ----------
    name : str
        Uno de :data:`jerarquicos.data.registry.DATASETS` (ver
        :func:`list_datasets`).
    data_home : str or os.PathLike, optional
        Carpeta de caché para las descargas (ver :func:`cache_dir`). No afecta a
        los conjuntos incluidos en el paquete.

    Returns
    -------
    pandas.DataFrame
        Los datos tal cual: mismas filas y columnas que el archivo. En los
        ``.rda`` las columnas enteras sin nulos se convierten a ``int64`` y el
        índice empieza en 0.

    Raises
    ------
    TypeError, ValueError, DatasetError
        Ver :func:`dataset_path`.

    Notes
    -----
    ``cherry_blossom_sample`` se devuelve con las 67 filas sin ``net``; para
    ajustar modelos use :func:`jerarquicos.models.runners.prepare_runners`.
    """
    info = _info(name)
    path = dataset_path(name, data_home=data_home)
    if info.reader == "rda":
        return _read_rda(path, info)
    return pd.read_csv(path, dtype=dict(info.csv_dtypes) or None)


def list_datasets() -> pd.DataFrame:
    """Tabla de los conjuntos disponibles con su procedencia.

    Returns
    -------
    pandas.DataFrame
        Una fila por conjunto (índice ``name``) con las columnas ``filename``,
        ``origin`` (``"incluido en el paquete"`` o la dirección de descarga),
        ``licence``, ``sha256``, ``description`` y ``citation``.
    """
    rows = [
        {
            "name": info.name,
            "filename": info.filename,
            "origin": "incluido en el paquete" if info.bundled else info.source_url,
            "licence": info.licence,
            "sha256": info.sha256,
            "description": info.description,
            "citation": info.citation,
        }
        for info in DATASETS.values()
    ]
    return pd.DataFrame(rows).set_index("name")
