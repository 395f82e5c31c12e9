"""Ediciones congeladas del sitio, selector de ediciones y publicación atómica.

Las pruebas marcadas ``book`` arman un repositorio git de prueba con un libro
mínimo (la configuración real del proyecto, ver ``book_fixture.make_book``),
con tres ediciones:

- ``2026-1c``: ``src/jerarquicos`` dice «uno» y ``book/color.txt``, azul;
- ``2026-2c``: «dos» y rojo;
- ``dev`` (rama ``main``, un commit más): el mismo ``src/`` que ``2026-2c``
  (misma huella de ejecución, mismo código) y sólo cambia ``book/color.txt``,
  a verde. Una caché de ejecución compartida entre ediciones le serviría a
  ``dev`` la figura roja de ``2026-2c``: eso es lo que detecta la prueba;

y una etiqueta ``2026-3c`` fuera de ``main`` cuyo capítulo lanza una excepción.
Cada edición se construye con ``scripts/build_edition.py``, el mismo comando
que ``bash scripts/edition.sh``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import http.server
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
import yaml
from book_fixture import REPO_ROOT, build_log, executions, load_module, make_book

SCRIPT = REPO_ROOT / "scripts" / "build_edition.py"
check_site = load_module(REPO_ROOT / "scripts" / "check_site.py", "check_site")
CHROMIUM = Path(check_site.CHROMIUM)
CHROMIUM_ARGS = check_site.CHROMIUM_ARGS


def _load_builder():
    return load_module(SCRIPT, "build_edition")


be = _load_builder()

CHAPTER = textwrap.dedent(
    """\
    (capitulo)=
    # Un capítulo

    ```{code-cell} ipython3
    import matplotlib.pyplot as plt

    import jerarquicos

    nombre, color = open("color.txt", encoding="utf-8").read().split()
    print("valor de la edición:", jerarquicos.VALOR)
    print("color de la figura:", nombre)
    fig, ax = plt.subplots(figsize=(2, 1.5), dpi=50)
    ax.bar([0], [jerarquicos.ALTURA], color=color)
    ax.set_ylim(0, 3)
    plt.show()  # como los capítulos: la figura sale del backend inline del kernel
    ```
    """
)

#: Lo que cada edición saca de su propio src/ (valor, altura) y de book/color.txt.
EDITIONS = {
    "2026-1c": ("uno", 1, "azul", (0x1F, 0x77, 0xB4)),
    "2026-2c": ("dos", 2, "rojo", (0xD6, 0x27, 0x28)),
    "dev": ("dos", 2, "verde", (0x2C, 0xA0, 0x2C)),
}


def _src(valor: str, altura: int) -> str:
    # Un paquete «jerarquicos» propio de la edición: si la construcción usara el
    # paquete instalado en el entorno (el de main), no tendría VALOR y fallaría.
    return f'VALOR = "{valor}"\nALTURA = {altura}\n'


def _color(nombre: str, rgb: tuple[int, int, int]) -> str:
    return nombre + " #" + "".join(f"{c:02x}" for c in rgb) + "\n"


def _write_edition(repo: Path, edition: str) -> None:
    valor, altura, nombre, rgb = EDITIONS[edition]
    (repo / "src" / "jerarquicos").mkdir(parents=True, exist_ok=True)
    (repo / "src" / "jerarquicos" / "__init__.py").write_text(_src(valor, altura), encoding="utf-8")
    (repo / "book" / "color.txt").write_text(_color(nombre, rgb), encoding="utf-8")


def _git(repo: Path, *args: str) -> str:
    out = subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=Prueba",
            "-c",
            "user.email=prueba@example.org",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "tag.gpgsign=false",
            *args,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout


def make_repo(dest: Path) -> Path:
    """El repositorio de prueba con las etiquetas 2026-1c, 2026-2c, 2026-3c y main (dev)."""
    make_book(dest, CHAPTER)
    _write_edition(dest, "2026-1c")
    _git(dest, "init", "-q", "-b", "main")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-qm", "Edición 2026-1c")
    _git(dest, "tag", "2026-1c")
    _write_edition(dest, "2026-2c")
    # Desde 2026-2c el repositorio trae scripts/execute.py (2026-1c, no).
    (dest / "scripts").mkdir(exist_ok=True)
    shutil.copy(REPO_ROOT / "scripts" / "execute.py", dest / "scripts" / "execute.py")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-qm", "Edición 2026-2c")
    _git(dest, "tag", "2026-2c")
    # Una etiqueta rota fuera de main: su capítulo lanza una excepción.
    _git(dest, "checkout", "-q", "-b", "rota")
    chapter = dest / "book" / "capitulo.md"
    chapter.write_text(
        chapter.read_text(encoding="utf-8")
        + '\n```{code-cell} ipython3\nraise ValueError("celda rota")\n```\n',
        encoding="utf-8",
    )
    _git(dest, "commit", "-qam", "Edición rota")
    _git(dest, "tag", "2026-3c")
    _git(dest, "checkout", "-q", "main")
    _write_edition(dest, "dev")
    _git(dest, "commit", "-qam", "Cambios después de 2026-2c (sólo book/color.txt)")
    return dest


def run_builder(
    repo: Path, site: Path, cache: Path, *args: str, timeout: int = 600
) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop("JERARQUICOS_SITE_BASE_URL", None)
    # Un backend sin pantalla heredado (como en CI o en GitHub Actions) no debe borrar
    # las figuras de plt.show(): el kernel de la edición no lo hereda.
    env["MPLBACKEND"] = "Agg"
    return subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            *args,
            "--repo",
            str(repo),
            "--site",
            str(site),
            "--cache-dir",
            str(cache),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def tree_digest(root: Path) -> dict[str, str]:
    """SHA-256 de cada archivo (y la lista de carpetas) bajo ``root``."""
    digest = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_dir():
            digest[rel + "/"] = "carpeta"
        else:
            digest[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """Un sitio con las ediciones 2026-1c, 2026-2c y dev, publicadas en ese orden."""
    base = tmp_path_factory.mktemp("ediciones")
    repo = make_repo(base / "repo")
    site, cache = base / "sitio" / "_site", base / "cache"
    logs, digests = {}, {}
    for edition in ("2026-1c", "2026-2c", "dev"):
        result = run_builder(repo, site, cache, edition)
        assert result.returncode == 0, build_log(result)
        logs[edition] = result.stdout
        digests[edition] = tree_digest(site / edition)
    return {"repo": repo, "site": site, "cache": cache, "logs": logs, "digests": digests}


# ---------------------------------------------------------------------------
# Sin construir nada
# ---------------------------------------------------------------------------


def test_editions_with_execute_py_run_their_chapters_before_jupyter_book(published):
    """2026-1c no tiene scripts/execute.py y ejecuta jupyter-book; 2026-2c y dev, sí."""
    assert "Executing notebook" in published["logs"]["2026-1c"]
    assert "ejecutado por execute.py" not in published["logs"]["2026-1c"]
    for edition in ("2026-2c", "dev"):
        log = published["logs"][edition]
        assert "ejecutado por execute.py" in log, edition
        assert "Executing notebook" not in log, edition  # la tomó de la caché


def test_editions_are_ordered_newest_first_and_dev_last():
    names = ["2025-2c", "dev", "2026-1c", "2026-2c", "2026-10c"]
    assert be.order_editions(names) == ["2026-10c", "2026-2c", "2026-1c", "2025-2c", "dev"]


def test_newest_tag_is_the_only_preferred_entry():
    entries = be.versions_entries(["dev", "2026-1c", "2026-2c"], "/curso")
    assert [e["version"] for e in entries] == ["2026-2c", "2026-1c", "dev"]
    assert [e["url"] for e in entries] == ["/curso/2026-2c/", "/curso/2026-1c/", "/curso/dev/"]
    assert [e.get("preferred", False) for e in entries] == [True, False, False]
    # Sin etiquetas, dev es la vigente: siempre hay exactamente una.
    assert be.versions_entries(["dev"])[0]["preferred"] is True
    assert be.versions_entries([]) == []


def test_base_url_must_not_be_relative():
    assert be.normalize_base_url("https://x.github.io/curso") == "https://x.github.io/curso/"
    with pytest.raises(be.EditionError, match="base-url"):
        be.normalize_base_url("curso/")


def test_edition_config_injects_the_switcher_into_the_real_config(tmp_path):
    config = yaml.safe_load((REPO_ROOT / "_config.yml").read_text(encoding="utf-8"))
    out = be.edition_config(config, "2026-1c", tmp_path / "cache")
    sphinx = out["sphinx"]
    assert sphinx["recursive_update"] is True  # sin esto desaparecen los botones
    theme = sphinx["config"]["html_theme_options"]
    assert theme["switcher"] == {"json_url": "../versions.json", "version_match": "2026-1c"}
    assert theme["check_switcher"] is False
    assert theme["show_version_warning_banner"] is False  # el aviso propio, en castellano
    assert theme["navbar_persistent"] == []
    # Lo que ya traía _config.yml se conserva.
    for key, value in config["sphinx"]["config"]["html_theme_options"].items():
        assert theme[key] == value
    sidebar = sphinx["config"]["html_sidebars"]["**"]
    assert sidebar.index("edicion-switcher.html") == sidebar.index("navbar-logo.html") + 1
    assert out["execute"]["cache"] == str(tmp_path / "cache")
    assert "_edicion" in out["exclude_patterns"]
    for key in ("html_static_path", "html_css_files"):
        assert set(config["sphinx"]["config"].get(key, [])) <= set(sphinx["config"][key])
    # El original no cambia.
    assert "switcher" not in config["sphinx"]["config"]["html_theme_options"]


def test_site_index_is_written_atomically(tmp_path):
    site = tmp_path / "_site"
    for name in ("2026-1c", "2026-2c"):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text("<html></html>", encoding="utf-8")
    (site / ".oculta").mkdir()
    be.write_site_index(site)
    assert sorted(p.name for p in site.iterdir()) == [
        ".nojekyll",
        ".oculta",
        "2026-1c",
        "2026-2c",
        "index.html",
        "versions.json",
    ]


def test_banner_script_is_spanish():
    script = (REPO_ROOT / "scripts" / "edicion" / "_static" / "edicion.js").read_text(
        encoding="utf-8"
    )
    assert "que ya no es la vigente" in script
    assert "Ir a esta página en la edición vigente" in script
    assert "This is documentation for" not in script


def test_workflows_pin_every_action_and_grant_least_privilege():
    folder = REPO_ROOT / ".github" / "workflows"
    workflows = {}
    for name in ("pr.yml", "publish.yml"):
        text = (folder / name).read_text(encoding="utf-8")
        uses = re.findall(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$", text, re.M)
        assert uses, name
        for ref, comment in uses:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), ref
            assert re.search(r"#\s*v\d", comment), ref
        workflows[name] = (text, yaml.safe_load(text))
    text, pr = workflows["pr.yml"]
    assert "pull_request" in pr[True]  # PyYAML lee «on:» como True
    assert pr["permissions"] == {"contents": "read"}
    assert "bash .ci/run" in text
    text, pub = workflows["publish.yml"]
    assert pub[True]["push"]["tags"]
    assert pub["permissions"] == {}
    assert pub["jobs"]["construir"]["permissions"] == {"contents": "write"}
    assert pub["jobs"]["desplegar"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "bash scripts/edition.sh" in text
    assert "actions/upload-pages-artifact@" in text and "actions/deploy-pages@" in text


# ---------------------------------------------------------------------------
# Ediciones construidas
# ---------------------------------------------------------------------------


@pytest.mark.book
def test_versions_json_lists_every_edition(published):
    entries = json.loads((published["site"] / "versions.json").read_text(encoding="utf-8"))
    assert entries == [
        {"name": "2026-2c (vigente)", "version": "2026-2c", "url": "/2026-2c/", "preferred": True},
        {"name": "2026-1c", "version": "2026-1c", "url": "/2026-1c/"},
        {"name": "dev (en desarrollo)", "version": "dev", "url": "/dev/"},
    ]
    assert sum(1 for e in entries if e.get("preferred")) == 1


@pytest.mark.book
def test_root_redirects_to_the_current_edition(published):
    page = (published["site"] / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in page
    assert '<meta http-equiv="refresh" content="0; url=2026-2c/">' in page
    assert 'window.location.replace("2026-2c/"' in page
    assert '<a href="2026-2c/">' in page


@pytest.mark.book
def test_each_edition_shows_its_own_values_and_figures(published):
    import numpy as np
    from PIL import Image

    site = published["site"]
    figures = {}
    for edition, (valor, _altura, nombre, rgb) in EDITIONS.items():
        page = (site / edition / "book" / "capitulo.html").read_text(encoding="utf-8")
        assert f"valor de la edición: {valor}" in page, edition
        assert f"color de la figura: {nombre}" in page, edition
        others = [n for e, (_, _, n, _) in EDITIONS.items() if e != edition]
        assert not any(f"color de la figura: {n}" in page for n in others), edition
        # El selector sabe qué edición es cada página.
        assert f"DOCUMENTATION_OPTIONS.theme_switcher_version_match = '{edition}'" in page
        assert "DOCUMENTATION_OPTIONS.theme_switcher_json_url = '../versions.json'" in page
        assert "_static/edicion.js" in page and 'class="jb-edicion"' in page
        images = re.findall(r'<img[^>]+src="\.\./(_images/[^"]+\.png)"', page)
        assert len(images) == 1, images
        figure = site / edition / images[0]
        assert figure.is_file(), figure
        figures[edition] = figure.read_bytes()
        # La barra tiene el color del src/ de ESTA edición.
        pixels = np.asarray(Image.open(figure).convert("RGB"), dtype=int)
        ink = int((np.abs(pixels - np.array(rgb)).max(axis=-1) < 12).sum())
        assert ink > 50, (edition, ink)
    assert len(set(figures.values())) == len(figures)
    # Cada edición tiene su propia caché de ejecución.
    assert sorted(p.name for p in published["cache"].iterdir()) == sorted(EDITIONS)


@pytest.mark.book
def test_colab_and_binder_open_each_editions_own_package(published):
    site = published["site"]
    for edition in EDITIONS:
        ref = "main" if edition == "dev" else edition
        page = (site / edition / "book" / "capitulo.html").read_text(encoding="utf-8")
        colab = (
            "https://colab.research.google.com/github/modelos-jerarquicos/curso/blob/gh-pages/"
            f"{edition}/_cuadernos/book/capitulo.ipynb"
        )
        assert f'href="{colab}"' in page, edition
        assert f"mybinder.org/v2/gh/modelos-jerarquicos/curso/{ref}?" in page, edition
        notebook = json.loads(
            (site / edition / "_cuadernos" / "book" / "capitulo.ipynb").read_text(encoding="utf-8")
        )
        setup = "".join(next(c for c in notebook["cells"] if c["cell_type"] == "code")["source"])
        assert f"git+https://github.com/modelos-jerarquicos/curso@{ref}" in setup, edition
        assert 'importlib.util.find_spec("jerarquicos") is None' in setup


@pytest.mark.book
def test_old_edition_gets_the_spanish_banner_machinery(published):
    for edition in EDITIONS:
        page = (published["site"] / edition / "book" / "capitulo.html").read_text(encoding="utf-8")
        assert 'id="bd-header-version-warning"' in page
        assert "Elegir la edición del curso" in page
        assert "Version switcher list" not in page and "Choose version" not in page
        assert "show_version_warning_banner =\n            false" in page
        assert (published["site"] / edition / "_static" / "edicion.js").is_file()


@pytest.mark.book
def test_publishing_an_edition_does_not_rebuild_the_others(published):
    site = published["site"]
    # Cada construcción ejecutó su propio cuaderno, y publicar 2026-2c y dev
    # después dejó las ediciones anteriores byte a byte como estaban.
    for edition, log in published["logs"].items():
        assert executions(log) == 1, edition
        assert tree_digest(site / edition) == published["digests"][edition], edition
    before = tree_digest(site / "2026-1c")
    # Pedir otra vez una edición etiquetada no la reconstruye: está congelada.
    again = run_builder(published["repo"], site, published["cache"], "2026-1c")
    assert again.returncode == 0, build_log(again)
    assert "congelada" in again.stdout
    assert not executions(again.stdout)
    assert tree_digest(site / "2026-1c") == before


@pytest.mark.book
def test_failed_build_leaves_the_site_untouched(published, tmp_path):
    site = tmp_path / "_site"
    shutil.copytree(published["site"], site)
    before = tree_digest(site)
    result = run_builder(published["repo"], site, tmp_path / "cache", "2026-3c")
    assert result.returncode != 0
    # Toda la salida: el final del registro puede ser largo y dejar fuera el error.
    assert "celda rota" in result.stdout + result.stderr, build_log(result)
    assert "quedó como estaba" in result.stderr
    assert tree_digest(site) == before
    # Tampoco quedan carpetas temporales junto al sitio.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site", "cache"]


@pytest.mark.parametrize("name", ["-x", "", "a b", "../fuera"])
def test_invalid_edition_names_get_a_spanish_message(tmp_path, name):
    result = run_builder(tmp_path, tmp_path / "_site", tmp_path / "cache", name)
    assert result.returncode != 0
    assert "se admite una etiqueta de git como 2026-2c" in result.stderr, result.stderr
    for english in ("usage:", "error:", "unrecognized arguments"):
        assert english not in result.stderr
    assert not (tmp_path / "_site").exists()


@pytest.mark.book
def test_unknown_edition_is_an_error(published, tmp_path):
    site = tmp_path / "_site"
    result = run_builder(published["repo"], site, tmp_path / "cache", "2030-1c")
    assert result.returncode == 1
    assert "No existe la etiqueta '2030-1c'" in result.stderr
    assert not site.exists()  # un intento fallido no crea el sitio


# ---------------------------------------------------------------------------
# En el navegador
# ---------------------------------------------------------------------------


def _require_browser():
    """Chromium y playwright; en CI su falta es un fallo, fuera de CI una omisión."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if importlib.util.find_spec("playwright") is None:
        missing.append("el paquete playwright (requirements.txt)")
    if missing:
        reason = "Faltan para la prueba en el navegador: " + "; ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(reason + ". En CI son obligatorios (.ci/run instala chromium).")
        pytest.skip(reason)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # sin ruido en la salida de pytest
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Sirve ``directory`` en 127.0.0.1 (puerto libre) mientras dura el bloque."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.mark.book
@pytest.mark.browser
def test_switcher_moves_to_the_same_page_in_another_edition(published, tmp_path):
    _require_browser()
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("JERARQUICOS_CAPTURAS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    errors = []
    with serve(published["site"]) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.set_default_timeout(15_000)
            page.on("pageerror", lambda err: errors.append(str(err)))

            # La raíz del sitio lleva a la edición vigente.
            page.goto(base + "/")
            page.wait_for_url(f"{base}/2026-2c/")

            # La edición vieja: aviso en castellano y selector con todas las ediciones.
            page.goto(f"{base}/2026-1c/book/capitulo.html")
            banner = page.locator("#bd-header-version-warning")
            expect(banner).to_be_visible()
            expect(banner).to_contain_text(
                "Está leyendo la edición 2026-1c del curso, que ya no es la vigente."
            )
            link = banner.get_by_role("link", name="Ir a esta página en la edición vigente")
            expect(link).to_have_attribute("href", "/2026-2c/book/capitulo.html")
            button = page.locator("#pst-primary-sidebar .version-switcher__button")
            expect(button).to_have_text("2026-1c")
            page.screenshot(path=str(shots / "edicion-vieja-aviso.png"))
            button.click()
            items = page.locator("#pst-primary-sidebar .version-switcher__menu a")
            expect(items).to_have_text(["2026-2c (vigente)", "2026-1c", "dev (en desarrollo)"])
            page.screenshot(path=str(shots / "edicion-vieja-selector-abierto.png"))

            # Elegir otra edición lleva a la MISMA página en esa edición.
            items.filter(has_text="2026-2c").click()
            page.wait_for_url(f"{base}/2026-2c/book/capitulo.html")
            expect(page.locator("main")).to_contain_text("color de la figura: rojo")
            expect(button).to_have_text("2026-2c (vigente)")
            expect(page.locator("html")).to_have_attribute("data-edicion-revisada", "si")
            expect(banner).to_be_hidden()  # la vigente no lleva aviso
            page.screenshot(path=str(shots / "edicion-vigente.png"))

            # Y de vuelta, desde la vigente a la vieja.
            button.click()
            items.filter(has_text="2026-1c").click()
            page.wait_for_url(f"{base}/2026-1c/book/capitulo.html")
            expect(page.locator("main")).to_contain_text("color de la figura: azul")

            # dev avisa que está en desarrollo.
            page.goto(f"{base}/dev/index.html")
            expect(banner).to_contain_text("versión en desarrollo")
            page.screenshot(path=str(shots / "dev-aviso.png"))
        finally:
            browser.close()
    # THEBE_JS_URL se declara dos veces en toda página de Jupyter Book 1 (sphinx-thebe):
    # ajeno a las ediciones.
    assert [e for e in errors if "THEBE_JS_URL" not in e] == []
