"""El cargador de datos: archivos incluidos, copias locales y descargas con pooch.

Las descargas van a un servidor HTTP de prueba en 127.0.0.1 (sin internet): el
camino es el real, ``pooch.retrieve`` incluido.
"""

from __future__ import annotations

import hashlib
import http.server
import os
import subprocess
import threading
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest

from jerarquicos.data import DATASETS, DatasetError, DatasetInfo, load_dataset, loader

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DATA = Path(str(resources.files("jerarquicos.data")))
PAYLOAD = b"a,b\n1,x\n2,y\n"
PAYLOAD_SHA = hashlib.sha256(PAYLOAD).hexdigest()


class _Server:
    """Servidor HTTP local que sirve ``files`` y cuenta las peticiones."""

    def __init__(self):
        self.files: dict[str, bytes] = {}
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - nombre de la API de http.server
                outer.requests.append(self.path)
                body = outer.files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def _module_server():
    srv = _Server()
    yield srv
    srv.close()


@pytest.fixture
def server(_module_server):
    _module_server.files.clear()
    _module_server.requests.clear()
    return _module_server


@pytest.fixture
def toy(monkeypatch, tmp_path, server):
    """Un conjunto externo de juguete servido por el servidor local; caché temporal."""
    monkeypatch.delenv(loader.DATA_DIR_ENV, raising=False)
    monkeypatch.delenv(loader.OFFLINE_ENV, raising=False)
    cache = tmp_path / "cache"
    monkeypatch.setenv(loader.CACHE_DIR_ENV, str(cache))
    info = DatasetInfo(
        name="toy",
        filename="toy.csv",
        sha256=PAYLOAD_SHA,
        description="juguete",
        citation="ninguna",
        licence="CC0",
        source_url=f"{server.url}/datos/toy.csv",
        csv_dtypes=(("a", "int64"), ("b", "str")),
    )
    monkeypatch.setattr(loader, "DATASETS", {"toy": info})
    server.files["/datos/toy.csv"] = PAYLOAD
    return {"info": info, "cache": cache, "server": server, "tmp": tmp_path}


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --------------------------------------------------------------------------- argumentos


def test_unknown_name_is_a_value_error_listing_the_names():
    with pytest.raises(ValueError, match="'radon'") as err:
        load_dataset("radom")
    assert "'cherry_blossom_sample'" in str(err.value) and "name='radom'" in str(err.value)


@pytest.mark.parametrize("bad", [3, None, ["radon"]])
def test_name_of_wrong_type_is_a_type_error(bad):
    with pytest.raises(TypeError, match="'name'"):
        load_dataset(bad)


def test_download_flag_and_data_home_are_checked():
    with pytest.raises(TypeError, match="'download'"):
        loader.dataset_path("radon", download="no")
    with pytest.raises(TypeError, match="'data_home'"):
        loader.dataset_path("radon", data_home=3)
    with pytest.raises(ValueError, match="'data_home'"):
        loader.dataset_path("radon", data_home="  ")


# --------------------------------------------------------------------------- descargas


def test_download_verifies_and_caches(toy):
    df = load_dataset("toy")
    assert df.to_dict("list") == {"a": [1, 2], "b": ["x", "y"]}
    assert _files(toy["cache"]) == ["toy.csv"]
    load_dataset("toy")
    assert toy["server"].requests == ["/datos/toy.csv"], "la segunda vez se lee de la caché"


def test_data_home_argument_overrides_the_cache(toy):
    mine = toy["tmp"] / "mis-datos"
    path = loader.dataset_path("toy", data_home=mine)
    assert path == (mine / "toy.csv").resolve()
    assert not toy["cache"].exists()


def test_default_cache_is_pooch_os_cache(monkeypatch):
    import pooch

    monkeypatch.delenv(loader.CACHE_DIR_ENV, raising=False)
    assert loader.cache_dir() == Path(pooch.os_cache("jerarquicos")).resolve()


def test_wrong_checksum_leaves_nothing(toy):
    toy["server"].files["/datos/toy.csv"] = b"otra cosa\n"
    with pytest.raises(DatasetError, match="no tiene el SHA-256 registrado"):
        load_dataset("toy")
    assert _files(toy["cache"]) == [], "ni el archivo ni temporales a medio bajar"


def test_failed_download_names_both_fixes(toy):
    toy["server"].files.clear()  # 404
    with pytest.raises(DatasetError) as err:
        load_dataset("toy")
    message = str(err.value)
    assert loader.DATA_DIR_ENV in message and toy["info"].source_url in message
    assert PAYLOAD_SHA in message
    assert _files(toy["cache"]) == []


def test_download_false_never_touches_the_network(toy):
    with pytest.raises(DatasetError, match="download=False"):
        loader.dataset_path("toy", download=False)
    assert toy["server"].requests == []


def test_offline_env_forbids_downloads(toy, monkeypatch):
    monkeypatch.setenv(loader.OFFLINE_ENV, "1")
    with pytest.raises(DatasetError, match=f"{loader.OFFLINE_ENV}=1"):
        load_dataset("toy")
    assert toy["server"].requests == []


# --------------------------------------------------------------------------- copias locales


def test_local_dir_comes_first_and_needs_no_network(toy, monkeypatch):
    copies = toy["tmp"] / "copias"
    copies.mkdir()
    (copies / "toy.csv").write_bytes(PAYLOAD)
    monkeypatch.setenv(loader.DATA_DIR_ENV, str(copies))
    assert loader.dataset_path("toy") == copies / "toy.csv"
    assert toy["server"].requests == [] and not toy["cache"].exists()


def test_local_copy_with_wrong_checksum_is_an_error_and_is_kept(toy, monkeypatch):
    copies = toy["tmp"] / "copias"
    copies.mkdir()
    (copies / "toy.csv").write_bytes(b"mal\n")
    monkeypatch.setenv(loader.DATA_DIR_ENV, str(copies))
    with pytest.raises(DatasetError, match="SHA-256"):
        load_dataset("toy")
    assert (copies / "toy.csv").read_bytes() == b"mal\n"


def test_local_dir_without_the_file_falls_back_to_the_download(toy, monkeypatch):
    copies = toy["tmp"] / "copias"
    copies.mkdir()
    monkeypatch.setenv(loader.DATA_DIR_ENV, str(copies))
    assert loader.dataset_path("toy").parent == toy["cache"].resolve()
    assert _files(copies) == []


def test_missing_local_dir_is_an_error(toy, monkeypatch):
    monkeypatch.setenv(loader.DATA_DIR_ENV, str(toy["tmp"] / "no-existe"))
    with pytest.raises(DatasetError, match="no nombra una carpeta"):
        load_dataset("toy")


# --------------------------------------------------------------------------- caché dañada


def test_damaged_cache_is_replaced_only_by_a_verified_download(toy):
    toy["cache"].mkdir()
    (toy["cache"] / "toy.csv").write_bytes(b"roto\n")
    with pytest.warns(UserWarning, match="Se descarga de nuevo"):
        path = loader.dataset_path("toy")
    assert path.read_bytes() == PAYLOAD


def test_damaged_cache_is_kept_when_offline(toy, monkeypatch):
    toy["cache"].mkdir()
    (toy["cache"] / "toy.csv").write_bytes(b"roto\n")
    monkeypatch.setenv(loader.OFFLINE_ENV, "1")
    with pytest.raises(DatasetError, match="No se borra") as err:
        load_dataset("toy")
    assert str(toy["cache"] / "toy.csv") in str(err.value)
    assert (toy["cache"] / "toy.csv").read_bytes() == b"roto\n"


def test_damaged_user_file_is_kept_when_the_download_fails(toy):
    mine = toy["tmp"] / "mis-datos"
    mine.mkdir()
    (mine / "toy.csv").write_bytes(b"mi archivo\n")
    toy["server"].files.clear()
    with pytest.warns(UserWarning), pytest.raises(DatasetError, match="quedó como estaba"):
        loader.dataset_path("toy", data_home=mine)
    assert _files(mine) == ["toy.csv"]
    assert (mine / "toy.csv").read_bytes() == b"mi archivo\n"


def test_cache_path_that_is_a_file_is_a_dataset_error(toy):
    blocker = toy["tmp"] / "archivo"
    blocker.write_text("no soy una carpeta")
    with pytest.raises(DatasetError, match="no es una carpeta") as err:
        loader.dataset_path("toy", data_home=blocker)
    assert str(blocker) in str(err.value) and loader.CACHE_DIR_ENV in str(err.value)


def test_cache_dir_that_cannot_be_created_is_a_dataset_error(toy):
    blocker = toy["tmp"] / "archivo"
    blocker.write_text("no soy una carpeta")
    with pytest.raises(DatasetError, match="No se puede escribir") as err:
        loader.dataset_path("toy", data_home=blocker / "caché")
    assert "data_home" in str(err.value)


# --------------------------------------------------------------------------- archivos reales


def test_list_datasets_has_provenance():
    table = loader.list_datasets()
    assert set(table.index) == set(DATASETS)
    assert {"filename", "origin", "licence", "sha256", "description", "citation"} <= set(
        table.columns
    )
    assert table.loc["cherry_blossom_sample", "origin"].startswith("https://")
    assert table.loc["radon", "origin"] == "incluido en el paquete"


@pytest.mark.parametrize("name", [n for n, i in DATASETS.items() if i.bundled])
def test_bundled_files_live_in_the_package_and_match_the_registry(name, monkeypatch):
    monkeypatch.delenv(loader.DATA_DIR_ENV, raising=False)
    info = DATASETS[name]
    path = loader.dataset_path(name)
    assert path == PACKAGE_DATA / info.filename
    assert loader.sha256_file(path) == info.sha256
    # el README de la carpeta documenta el mismo SHA-256
    assert info.sha256 in (PACKAGE_DATA / "README.md").read_text(encoding="utf-8")


def test_package_data_is_declared_for_the_wheel():
    text = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/*.csv"' in text and '"data/README.md"' in text


def test_bundled_file_missing_explains_the_fix(monkeypatch):
    monkeypatch.delenv(loader.DATA_DIR_ENV, raising=False)
    ghost = DatasetInfo(
        name="fantasma",
        filename="no-existe.csv",
        sha256="0" * 64,
        description="",
        citation="",
        licence="",
    )
    monkeypatch.setattr(loader, "DATASETS", {"fantasma": ghost})
    with pytest.raises(DatasetError, match="reinstale el paquete"):
        load_dataset("fantasma")


def test_radon_shape_and_coding(monkeypatch):
    monkeypatch.delenv(loader.DATA_DIR_ENV, raising=False)
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
    monkeypatch.delenv(loader.DATA_DIR_ENV, raising=False)
    frogs = load_dataset("reedfrogs")
    assert frogs.shape == (48, 6)
    assert list(frogs.columns) == ["tank", "density", "pred", "size", "surv", "propsurv"]
    assert frogs["tank"].tolist() == list(range(1, 49))
    assert ((frogs["surv"] >= 0) & (frogs["surv"] <= frogs["density"])).all()
    assert (frogs["propsurv"] - frogs["surv"] / frogs["density"]).abs().max() < 1e-12
    assert int(frogs["surv"].sum()) == 783 and int(frogs["density"].sum()) == 1120


def test_external_files_are_not_committed():
    tracked = subprocess.run(
        ["git", "-C", str(REPO_ROOT), "ls-files"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    for info in DATASETS.values():
        if not info.bundled:
            assert not [t for t in tracked if t.endswith(info.filename)], info.filename


@pytest.fixture
def local_copies(monkeypatch):
    """La carpeta de copias locales que da el entorno (en CI, ``shared/data``)."""
    folder = os.environ.get(loader.DATA_DIR_ENV)
    if not folder:
        pytest.skip(
            f"{loader.DATA_DIR_ENV} no está definida: no hay copia local de "
            "cherry_blossom_sample.rda y las pruebas no usan internet."
        )
    return Path(folder)


def test_real_cherry_blossom_file(local_copies, monkeypatch, tmp_path):
    monkeypatch.setenv(loader.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setenv(loader.OFFLINE_ENV, "1")
    df = load_dataset("cherry_blossom_sample")
    assert df.shape == (252, 6)
    assert list(df.columns) == ["runner", "age", "net", "gun", "year", "previous"]
    assert df["runner"].nunique() == 36
    assert int(df["net"].isna().sum()) == 67
    assert isinstance(df["runner"].dtype, pd.CategoricalDtype)
    assert df["age"].dtype == "int64"
    assert not (tmp_path / "cache").exists()


def test_sha256_file_takes_paths_not_file_descriptors(tmp_path):
    path = tmp_path / "datos.csv"
    path.write_bytes(b"a,b\n1,2\n")
    expected = hashlib.sha256(b"a,b\n1,2\n").hexdigest()
    assert loader.sha256_file(path) == expected == loader.sha256_file(str(path))
    with pytest.raises(TypeError, match="'path'.*path=0"):
        loader.sha256_file(0)  # open(0) leería la entrada estándar
    with pytest.raises(ValueError, match="no existe"):
        loader.sha256_file(tmp_path / "falta.csv")
    with pytest.raises(ValueError, match="es una carpeta"):
        loader.sha256_file(tmp_path)
