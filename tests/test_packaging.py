"""El paquete fuera de la copia del repositorio: rueda, Colab simulado y Binder.

Un entorno virtual nuevo recibe las versiones fijadas de ``requirements.txt``
desde la caché de uv (sin red: ``--offline``; ``scripts/bootstrap.sh`` la llenó
al preparar el entorno) y NO el paquete del curso. Ahí:

* se instala la rueda construida desde esta copia (``--no-deps``) y, desde una
  carpeta fuera del repositorio, se cargan todos los conjuntos incluidos, se
  calcula una posterior en grilla y se arma un modelo de Bambi;
* se simula Colab: las primeras celdas de cada capítulo (la de preparación y
  las siguientes) corren de arriba abajo, con la fuente de instalación apuntando
  a esta copia (``JERARQUICOS_INSTALL_SOURCE``) y pip sin acceso a índices;
* se ejecuta el comando de instalación que declara ``binder/``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.install


def _run(cmd, *, cwd=None, env=None, timeout=900, check=True):
    result = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"falló {' '.join(map(str, cmd))}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result


def _clean_env(**extra):
    """Entorno sin rastros de la copia del repositorio ni del entorno del proyecto."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.pop("JERARQUICOS_DATA_DIR", None)
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(str(REPO_ROOT))
    )
    env["PIP_NO_INDEX"] = "1"  # pip nunca sale a internet
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["MPLBACKEND"] = "Agg"
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def pinned_venv(tmp_path_factory):
    """Un entorno nuevo con las dependencias fijadas y sin el paquete del curso."""
    uv = Path(sys.executable).with_name("uv")
    if not uv.exists():
        pytest.fail(f"falta uv en {uv.parent}: scripts/bootstrap.sh lo instala (requirements.txt)")
    venv = tmp_path_factory.mktemp("entorno") / "venv"
    start = time.perf_counter()
    _run([sys.executable, "-m", "venv", venv])  # con pip, como Colab
    python = venv / "bin" / "python"
    result = _run(
        [
            uv,
            "pip",
            "install",
            "-q",
            "--offline",
            "--python",
            python,
            "-r",
            REPO_ROOT / "requirements.txt",
        ],
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            "uv no pudo instalar requirements.txt sin red (¿la caché de uv está vacía? corra "
            f"bash scripts/test.sh, que prepara el entorno con uv):\n{result.stderr[-2000:]}"
        )
    probe = _run([python, "-c", "import importlib.util as u; print(u.find_spec('jerarquicos'))"])
    assert probe.stdout.strip() == "None", "el entorno nuevo no debía tener el paquete"
    print(f"» entorno fijado en {time.perf_counter() - start:.1f} s")
    return python


@pytest.fixture(scope="module")
def clean_copy(tmp_path_factory):
    """Los archivos que git sigue (sin .venv, _build ni egg-info), fuera del repositorio."""
    source = tmp_path_factory.mktemp("fuente") / "curso"
    tracked = _run(["git", "-C", REPO_ROOT, "ls-files"]).stdout.splitlines()
    for rel in tracked:
        if (REPO_ROOT / rel).is_file():
            (source / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO_ROOT / rel, source / rel)
    return source


@pytest.fixture(scope="module")
def wheel(tmp_path_factory, clean_copy):
    out = tmp_path_factory.mktemp("rueda")
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            out,
            clean_copy,
        ],
        env=_clean_env(),
    )
    (found,) = out.glob("jerarquicos-*.whl")
    return found


def test_wheel_carries_the_data_and_nothing_of_the_checkout(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for required in (
        "jerarquicos/data/radon.csv",
        "jerarquicos/data/reedfrogs.csv",
        "jerarquicos/data/README.md",
        "jerarquicos/py.typed",
        "jerarquicos/grid/collapsed.py",
        "jerarquicos/models/radon.py",
    ):
        assert required in names, required
    assert not [n for n in names if n.startswith(("tests/", "book/", "scripts/"))]
    assert not [n for n in names if n.endswith(".rda")], "un conjunto que no se redistribuye"
    print(f"» rueda de {wheel.stat().st_size / 1e3:.0f} kB")


CHECK_WHEEL = textwrap.dedent(
    """\
    import pathlib, sys
    import jerarquicos
    from jerarquicos.data import DATASETS, load_dataset
    from jerarquicos.grid.collapsed import collapsed_posterior
    from jerarquicos.models import radon

    where = pathlib.Path(jerarquicos.__file__).resolve()
    assert "site-packages" in where.parts, where
    shapes = {n: load_dataset(n).shape for n, i in DATASETS.items() if i.bundled}
    assert shapes["radon"] == (919, 4) and shapes["reedfrogs"] == (48, 6), shapes
    post = collapsed_posterior([5, 4], [20, 8], 2, 2, kappa=5)
    assert abs(float(post.omega.sum()) - 1) < 1e-12
    model = radon.varying_intercepts_model(load_dataset("radon"))
    model.build()
    assert "1|county_sigma" in [v.name for v in model.backend.model.free_RVs]
    print("rueda bien:", where.parent, shapes)
    """
)


def test_installed_wheel_works_outside_the_checkout(pinned_venv, wheel, tmp_path):
    uv = Path(sys.executable).with_name("uv")
    _run([uv, "pip", "install", "-q", "--offline", "--no-deps", "--python", pinned_venv, wheel])
    try:
        script = tmp_path / "probar.py"
        script.write_text(CHECK_WHEEL, encoding="utf-8")
        result = _run([pinned_venv, script], cwd=tmp_path, env=_clean_env())
        assert "rueda bien" in result.stdout
    finally:
        _run([uv, "pip", "uninstall", "-q", "--python", pinned_venv, "jerarquicos"])


# --------------------------------------------------------------------------- Colab

RUN_CELLS = textwrap.dedent(
    """\
    import json, os, sys
    from IPython.core.interactiveshell import InteractiveShell

    # Cada cuaderno en un espacio de nombres nuevo, en su propia carpeta (como un
    # kernel nuevo de Colab); un solo proceso para no pagar las importaciones nueve veces.
    shell = InteractiveShell.instance()
    for name, cells in json.load(open(sys.argv[1], encoding="utf-8")).items():
        shell.reset(new_session=True)
        os.makedirs(name, exist_ok=True)
        os.chdir(name)
        for i, source in enumerate(cells):
            result = shell.run_cell(source)
            if not result.success:
                error = result.error_in_exec or result.error_before_exec
                sys.exit(f"{name}: falló la celda {i}: {error!r}")
        os.chdir("..")
        print("cuaderno bien:", name, flush=True)
    """
)

CHAPTERS = sorted(p for p in (REPO_ROOT / "book").glob("*.ipynb"))


def _first_cells(notebook: Path, count: int = 3) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    return code[:count]


def test_colab_notebooks_install_the_package_and_run_their_first_cells(
    pinned_venv, clean_copy, tmp_path
):
    """Como en Colab: el paquete falta, la primera celda lo instala y las siguientes corren."""
    runner = tmp_path / "correr.py"
    runner.write_text(RUN_CELLS, encoding="utf-8")
    env = _clean_env(
        JERARQUICOS_INSTALL_SOURCE=clean_copy.as_uri(),
        PIP_NO_BUILD_ISOLATION="0",  # setuptools viene de los fijados, sin bajar nada
    )
    # Colab descargaría cherry_blossom_sample; aquí, sin red, se usa la copia local.
    if os.environ.get("JERARQUICOS_DATA_DIR"):
        env["JERARQUICOS_DATA_DIR"] = os.environ["JERARQUICOS_DATA_DIR"]
    start = time.perf_counter()
    payload = {}
    for notebook in CHAPTERS:
        cells = _first_cells(notebook)
        assert "JERARQUICOS_INSTALL_SOURCE" in cells[0], notebook.name
        payload[notebook.stem] = cells
    (tmp_path / "celdas.json").write_text(json.dumps(payload), encoding="utf-8")
    work = tmp_path / "colab"  # los cuadernos se abren lejos del repositorio
    work.mkdir()
    try:
        result = _run([pinned_venv, runner, tmp_path / "celdas.json"], cwd=work, env=env)
        assert result.stdout.count("cuaderno bien:") == len(CHAPTERS), result.stdout
    finally:
        uv = Path(sys.executable).with_name("uv")
        _run([uv, "pip", "uninstall", "-q", "--python", pinned_venv, "jerarquicos"], check=False)
    print(f"» Colab simulado: {len(CHAPTERS)} cuadernos en {time.perf_counter() - start:.0f} s")


def test_the_setup_cell_installs_from_the_repository_of_the_config():
    url = yaml.safe_load((REPO_ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]
    for notebook in CHAPTERS:
        first = _first_cells(notebook, 1)[0]
        assert f"git+{url['url']}@main" in first, notebook.name
        assert '"jerarquicos[modelos] @ {FUENTE}"' in first.replace('f"', '"')


# --------------------------------------------------------------------------- Binder


def test_binder_folder_installs_the_pinned_stack_and_the_package(pinned_venv, clean_copy, tmp_path):
    binder = REPO_ROOT / "binder"
    assert (binder / "requirements.txt").read_text(encoding="utf-8").split() == [
        "-r",
        "../requirements.txt",
    ]
    runtime = (binder / "runtime.txt").read_text(encoding="utf-8").strip()
    assert runtime in {"python-3.11", "python-3.12", "python-3.13"}
    post_build = (binder / "postBuild").read_text(encoding="utf-8")
    assert os.access(binder / "postBuild", os.X_OK), "postBuild debe ser ejecutable"
    # repo2docker corre postBuild desde la raíz del repositorio, con el python del entorno.
    checkout = tmp_path / "repo"
    shutil.copytree(clean_copy, checkout)
    env = _clean_env(
        PATH=f"{pinned_venv.parent}{os.pathsep}{_clean_env()['PATH']}", PIP_NO_BUILD_ISOLATION="0"
    )
    try:
        _run(["bash", checkout / "binder" / "postBuild"], cwd=checkout, env=env)
        probe = _run(
            [pinned_venv, "-c", "import jerarquicos.data as d; print(d.__file__)"],
            cwd=tmp_path,
            env=_clean_env(),
        )
        assert "site-packages" in probe.stdout, (post_build, probe.stdout)
    finally:
        uv = Path(sys.executable).with_name("uv")
        _run([uv, "pip", "uninstall", "-q", "--python", pinned_venv, "jerarquicos"], check=False)
