"""Pruebas del cargador de datos con procedencia (sin red)."""

from __future__ import annotations

import hashlib
import os
import urllib.error
from pathlib import Path

import pandas as pd
import pytest

from jerarquicos import datasets
from jerarquicos.datasets import DATASETS, DatasetError, DatasetInfo, load_dataset

REPO_ROOT = Path(__file__).resolve().parents[1]
PAYLOAD = b"a,b\n1,x\n2,y\n"
PAYLOAD_SHA = hashlib.sha256(PAYLOAD).hexdigest()
FAKE_URL = "https://example.invalid/datos/toy.csv"
_REAL_DOWNLOAD = datasets._download  # antes de que las pruebas lo sustituyan


def _shared_data_dir() -> Path | None:
    """Carpeta con copias descargadas: JERARQUICOS_DATA_DIR o ``../shared/data``."""
    env = os.environ.get(datasets.DATA_DIR_ENV)
    if env:
        return Path(env)
    candidate = REPO_ROOT.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


@pytest.fixture
def isolated(monkeypatch, tmp_path):
    """Registro falso, caché temporal y descarga falsa que cuenta las llamadas."""
    monkeypatch.delenv(datasets.DATA_DIR_ENV, raising=False)
    monkeypatch.delenv(datasets.OFFLINE_ENV, raising=False)
    cache = tmp_path / "cache"
    monkeypatch.setenv(datasets.CACHE_DIR_ENV, str(cache))
    info = DatasetInfo(
        name="toy",
        filename="toy.csv",
        sha256=PAYLOAD_SHA,
        description="juguete",
        citation="ninguna",
        licence="CC0",
        source_url=FAKE_URL,
        csv_dtypes=(("a", "int64"), ("b", "str")),
    )
    monkeypatch.setattr(datasets, "DATASETS", {"toy": info})
    calls = []

    def fake_download(url, destination):
        calls.append((url, Path(destination)))
        Path(destination).write_bytes(PAYLOAD)

    monkeypatch.setattr(datasets, "_download", fake_download)
    return {"info": info, "cache": cache, "calls": calls, "tmp": tmp_path}


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_unknown_name_lists_known_names():
    with pytest.raises(DatasetError) as err:
        load_dataset("no_existe")
    message = str(err.value)
    assert "desconocido" in message and "'no_existe'" in message
    for name in DATASETS:
        assert name in message


def test_download_verifies_and_caches(isolated):
    df = load_dataset("toy")
    assert list(df.columns) == ["a", "b"] and len(df) == 2
    assert isolated["calls"] == [(FAKE_URL, isolated["calls"][0][1])]
    assert _leftovers(isolated["cache"]) == ["toy.csv"]
    # segunda vez: desde la caché, sin descargar
    load_dataset("toy")
    assert len(isolated["calls"]) == 1


def test_data_home_argument_overrides_cache(isolated):
    other = isolated["tmp"] / "otra"
    load_dataset("toy", data_home=other)
    assert _leftovers(other) == ["toy.csv"]
    assert _leftovers(isolated["cache"]) == []


def test_wrong_checksum_raises_and_leaves_nothing(isolated, monkeypatch):
    def corrupt(url, destination):
        Path(destination).write_bytes(PAYLOAD + b"basura")

    monkeypatch.setattr(datasets, "_download", corrupt)
    with pytest.raises(DatasetError) as err:
        load_dataset("toy")
    assert "SHA-256" in str(err.value) and PAYLOAD_SHA in str(err.value)
    assert _leftovers(isolated["cache"]) == []


def test_interrupted_download_leaves_nothing(isolated, monkeypatch):
    def partial_then_fail(url, destination):
        Path(destination).write_bytes(PAYLOAD[:3])
        raise urllib.error.URLError("conexión cortada")

    monkeypatch.setattr(datasets, "_download", partial_then_fail)
    with pytest.raises(DatasetError):
        load_dataset("toy")
    assert _leftovers(isolated["cache"]) == []


def test_offline_error_names_both_fixes(isolated, monkeypatch):
    def offline(url, destination):
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(datasets, "_download", offline)
    with pytest.raises(DatasetError) as err:
        load_dataset("toy")
    message = str(err.value)
    assert datasets.DATA_DIR_ENV in message
    assert FAKE_URL in message
    assert "internet" in message
    assert _leftovers(isolated["cache"]) == []


def test_download_false_never_touches_network(isolated):
    with pytest.raises(DatasetError) as err:
        datasets.dataset_path("toy", download=False)
    assert datasets.DATA_DIR_ENV in str(err.value) and FAKE_URL in str(err.value)
    assert isolated["calls"] == []


def test_offline_env_forbids_download(isolated, monkeypatch):
    monkeypatch.setenv(datasets.OFFLINE_ENV, "1")
    with pytest.raises(DatasetError) as err:
        datasets.dataset_path("toy")
    message = str(err.value)
    assert datasets.OFFLINE_ENV in message
    assert datasets.DATA_DIR_ENV in message and FAKE_URL in message
    assert isolated["calls"] == []
    assert _leftovers(isolated["cache"]) == []


def test_local_dir_used_without_download(isolated, monkeypatch):
    local = isolated["tmp"] / "local"
    local.mkdir()
    (local / "toy.csv").write_bytes(PAYLOAD)
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(local))

    def forbidden(url, destination):
        raise AssertionError("no debía descargar")

    monkeypatch.setattr(datasets, "_download", forbidden)
    assert datasets.dataset_path("toy") == local / "toy.csv"
    assert len(load_dataset("toy")) == 2
    assert _leftovers(isolated["cache"]) == []


def test_local_dir_with_wrong_checksum_is_an_error(isolated, monkeypatch):
    local = isolated["tmp"] / "local"
    local.mkdir()
    (local / "toy.csv").write_bytes(b"otra cosa\n")
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(local))
    with pytest.raises(DatasetError) as err:
        load_dataset("toy")
    assert str(local / "toy.csv") in str(err.value)
    assert isolated["calls"] == []


def test_local_dir_without_the_file_falls_back_to_download(isolated, monkeypatch):
    local = isolated["tmp"] / "local"
    local.mkdir()
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(local))
    load_dataset("toy")
    assert len(isolated["calls"]) == 1


def test_missing_local_dir_is_an_error(isolated, monkeypatch):
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(isolated["tmp"] / "no_existe"))
    with pytest.raises(DatasetError) as err:
        load_dataset("toy")
    assert datasets.DATA_DIR_ENV in str(err.value) and "no_existe" in str(err.value)


def test_corrupted_cache_is_replaced(isolated):
    isolated["cache"].mkdir(parents=True)
    (isolated["cache"] / "toy.csv").write_bytes(b"estropeado\n")
    with pytest.warns(UserWarning, match="SHA-256"):
        df = load_dataset("toy")
    assert len(df) == 2 and len(isolated["calls"]) == 1
    assert datasets.sha256_file(isolated["cache"] / "toy.csv") == PAYLOAD_SHA


def test_real_download_function_with_file_url(isolated, monkeypatch):
    """``_download`` real, con una URL file:// (urllib, sin red)."""
    source = isolated["tmp"] / "origen.csv"
    source.write_bytes(PAYLOAD)
    info = DatasetInfo(**{**isolated["info"].__dict__, "source_url": source.as_uri()})
    monkeypatch.setattr(datasets, "DATASETS", {"toy": info})
    monkeypatch.setattr(datasets, "_download", _REAL_DOWNLOAD)
    assert len(load_dataset("toy")) == 2
    assert _leftovers(isolated["cache"]) == ["toy.csv"]


def test_bundled_file_missing_explains_fix(monkeypatch, tmp_path):
    monkeypatch.delenv(datasets.DATA_DIR_ENV, raising=False)
    monkeypatch.setattr(datasets, "BUNDLED_DATA_DIR", tmp_path)
    with pytest.raises(DatasetError) as err:
        load_dataset("radon")
    message = str(err.value)
    assert "radon.csv" in message and "derive_data.py" in message
    assert datasets.DATA_DIR_ENV in message


def test_list_datasets_has_provenance():
    table = datasets.list_datasets()
    assert set(table.index) == set(DATASETS)
    assert {"filename", "origin", "licence", "sha256", "description", "citation"} <= set(
        table.columns
    )
    assert table.loc["cherry_blossom_sample", "origin"].startswith("https://")
    assert table.loc["radon", "origin"] == "data/"


# --------------------------------------------------------------------------- archivos reales


@pytest.mark.parametrize("name", ["radon", "reedfrogs"])
def test_committed_csv_matches_registry(name):
    info = DATASETS[name]
    path = REPO_ROOT / "data" / info.filename
    assert path.is_file(), f"falta {path}"
    assert datasets.sha256_file(path) == info.sha256
    # el README de data/ documenta el mismo SHA-256
    assert info.sha256 in (REPO_ROOT / "data" / "README.md").read_text(encoding="utf-8")


def test_radon_shape_and_coding(monkeypatch):
    monkeypatch.delenv(datasets.DATA_DIR_ENV, raising=False)
    radon = load_dataset("radon")
    assert radon.shape == (919, 4)
    assert list(radon.columns) == ["county", "floor", "log_radon", "log_uranium"]
    assert radon["county"].nunique() == 85
    # Gelman y Hill: floor = 0 (sótano) en 766 de las 919 casas
    assert (radon["floor"] == 0).sum() == 766 and set(radon["floor"]) == {0, 1}
    assert (radon.groupby("county")["log_uranium"].nunique() == 1).all()
    assert radon.loc[0, "county"] == "AITKIN"
    assert not radon.isna().any().any()


def test_reedfrogs_shape(monkeypatch):
    monkeypatch.delenv(datasets.DATA_DIR_ENV, raising=False)
    frogs = load_dataset("reedfrogs")
    assert frogs.shape == (48, 6)
    assert list(frogs.columns) == ["tank", "density", "pred", "size", "surv", "propsurv"]
    assert frogs["tank"].tolist() == list(range(1, 49))
    assert ((frogs["surv"] >= 0) & (frogs["surv"] <= frogs["density"])).all()
    assert (frogs["propsurv"] - frogs["surv"] / frogs["density"]).abs().max() < 1e-12
    assert int(frogs["surv"].sum()) == 783 and int(frogs["density"].sum()) == 1120


def test_cherry_file_is_not_committed():
    assert not (REPO_ROOT / "data" / DATASETS["cherry_blossom_sample"].filename).exists()


@pytest.fixture
def shared_data_dir(monkeypatch):
    folder = _shared_data_dir()
    if folder is None:
        pytest.skip(
            f"{datasets.DATA_DIR_ENV} no está definida y no existe "
            f"{REPO_ROOT.parent / 'shared' / 'data'}: no hay copia local de "
            "cherry_blossom_sample.rda (y las pruebas no usan la red)."
        )
    monkeypatch.setenv(datasets.DATA_DIR_ENV, str(folder))
    return folder


def test_real_cherry_blossom_file(shared_data_dir, monkeypatch, tmp_path):
    monkeypatch.setenv(datasets.CACHE_DIR_ENV, str(tmp_path / "cache"))

    def forbidden(url, destination):
        raise AssertionError("no debía descargar")

    monkeypatch.setattr(datasets, "_download", forbidden)
    df = load_dataset("cherry_blossom_sample")
    assert df.shape == (252, 6)
    assert list(df.columns) == ["runner", "age", "net", "gun", "year", "previous"]
    assert df["runner"].nunique() == 36
    assert int(df["net"].isna().sum()) == 67
    assert isinstance(df["runner"].dtype, pd.CategoricalDtype)
    assert df["age"].dtype == "int64"
    assert not (tmp_path / "cache").exists()
