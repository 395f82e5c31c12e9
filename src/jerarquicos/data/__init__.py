"""Datos del curso: registro con procedencia, archivos incluidos y descargas verificadas.

* :mod:`~jerarquicos.data.registry` — la ficha de cada conjunto (archivo,
  SHA-256, origen, licencia, cita);
* :mod:`~jerarquicos.data.loader` — :func:`load_dataset` y
  :func:`dataset_path`: leen los CSV incluidos en el paquete
  (:mod:`importlib.resources`) y descargan con pooch los que no se pueden
  redistribuir.

Los CSV incluidos y su ``README.md`` (procedencia y columnas) están en esta
misma carpeta.
"""

from .loader import (
    CACHE_DIR_ENV,
    DATA_DIR_ENV,
    OFFLINE_ENV,
    DatasetError,
    cache_dir,
    dataset_path,
    list_datasets,
    load_dataset,
    sha256_file,
)
from .registry import DATASETS, DatasetInfo

__all__ = [
    "CACHE_DIR_ENV",
    "DATASETS",
    "DATA_DIR_ENV",
    "OFFLINE_ENV",
    "DatasetError",
    "DatasetInfo",
    "cache_dir",
    "dataset_path",
    "list_datasets",
    "load_dataset",
    "sha256_file",
]
