#!/usr/bin/env python
"""Construye una edición congelada del libro en ``_site/<edición>/``.

Una *edición* es una etiqueta de git (``2026-2c``) o ``dev`` (la rama
``main``). Cada edición se construye desde su propia copia de la etiqueta
(``git archive``, en una carpeta temporal), con su propio ``src/`` y su
propia caché de ejecución, y con las mismas opciones estrictas que
``scripts/build.sh`` (``jupyter-book build -W -n --keep-going``). Construir
una edición nunca vuelve a construir ni a ejecutar las demás.

Uso (normalmente a través de ``bash scripts/edition.sh``)::

    python scripts/build_edition.py 2026-2c          # la etiqueta 2026-2c
    python scripts/build_edition.py dev              # la rama main
    python scripts/build_edition.py --solo-indice    # sólo versions.json e index.html

La publicación es atómica: el libro se construye en una carpeta temporal y
sólo si la construcción termina bien se mueve a ``_site/<edición>``; después
se regeneran ``_site/versions.json`` (el formato del selector de versiones de
pydata-sphinx-theme) y ``_site/index.html`` (redirige a la edición vigente),
ambos escritos en un archivo temporal y colocados con ``os.replace``. Una
construcción que falla deja ``_site/`` exactamente como estaba.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import fcntl
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/notebooks.py
#: Plantillas y estáticos del selector y del aviso (se copian en cada edición).
ASSETS = Path(__file__).resolve().parent / "edicion"
#: Nombre de la carpeta de esos archivos dentro de la copia de la edición.
OVERLAY = "_edicion"
DEV = "dev"
#: Nombres de edición válidos: también son nombres de carpeta y partes de URL.
EDITION_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
#: Carpeta de cada edición publicada con sus cuadernos para Colab.
NOTEBOOKS_DIR = "_cuadernos"
#: Opciones de construcción estrictas (las mismas que scripts/build.sh).
STRICT_FLAGS = ("-W", "-n", "--keep-going")


class EditionError(RuntimeError):
    """Un error que se informa al usuario sin traza."""


ALLOWED_NAMES = (
    "una etiqueta de git como 2026-2c, o «dev» (la rama main): letras, cifras, «.», «_» "
    "o «-», que empiece con letra o cifra, de 1 a 64 caracteres"
)


def check_edition_name(edition: str) -> str:
    """Devuelve ``edition`` si es un nombre de edición válido; si no, ``EditionError``."""
    if not isinstance(edition, str) or not EDITION_RE.match(edition):
        raise EditionError(
            f"El nombre de edición {edition!r} no es válido: se admite {ALLOWED_NAMES}."
        )
    return edition


_ARGPARSE_ES = (
    ("unrecognized arguments: ", "argumentos desconocidos: "),
    ("the following arguments are required: ", "faltan los argumentos: "),
    ("expected one argument", "falta el valor"),
    ("argument ", "argumento "),
    ("not allowed with argument", "no se puede usar junto con"),
    ("ambiguous option: ", "opción ambigua: "),
    ("could match", "podría ser"),
)


class _SpanishHelp(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="uso: ")


class SpanishArgumentParser(argparse.ArgumentParser):
    """``argparse`` con la ayuda y los errores en castellano."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _SpanishHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumentos"
        self._optionals.title = "opciones"
        self.add_argument("-h", "--help", action="help", help="muestra esta ayuda y termina")

    def error(self, message):
        for english, spanish in _ARGPARSE_ES:
            message = message.replace(english, spanish)
        self.print_usage(sys.stderr)
        self.exit(2, f"Error: {message}. Vea --help.\n")


# ---------------------------------------------------------------------------
# Orden de las ediciones y versions.json
# ---------------------------------------------------------------------------


def _natural_key(name: str) -> list:
    """Clave de orden «natural»: ``2026-10c`` va después de ``2026-9c``."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", name)
        if part
    ]


def order_editions(names) -> list[str]:
    """Ordena las ediciones: etiquetas de la más nueva a la más vieja, ``dev`` al final.

    Las etiquetas se comparan por nombre en orden natural (``2026-2c`` >
    ``2026-1c`` > ``2025-2c``).
    """
    tags = sorted((n for n in set(names) if n != DEV), key=_natural_key, reverse=True)
    return tags + ([DEV] if DEV in names else [])


def normalize_base_url(base_url: str) -> str:
    """Devuelve ``base_url`` terminada en ``/``; debe ser absoluta o empezar con ``/``."""
    base = base_url.strip() or "/"
    if not (base.startswith("/") or re.match(r"^https?://", base)):
        raise EditionError(
            f"--base-url debe empezar con «/» o con http(s)://, no {base_url!r}: el selector "
            "arma los enlaces sumando la ruta de la página, y una URL relativa no sirve "
            "para páginas en subcarpetas."
        )
    return base if base.endswith("/") else base + "/"


def versions_entries(editions, base_url: str = "/") -> list[dict]:
    """Las entradas de ``versions.json`` para las ``editions`` dadas.

    La etiqueta más nueva es la edición vigente (``preferred``); si todavía
    no hay etiquetas, lo es ``dev``. Hay siempre exactamente una vigente.
    """
    base = normalize_base_url(base_url)
    ordered = order_editions(editions)
    if not ordered:
        return []
    preferred = ordered[0]  # la etiqueta más nueva, o dev si es la única
    entries = []
    for name in ordered:
        if name == DEV:
            label = "dev (en desarrollo)"
        elif name == preferred:
            label = f"{name} (vigente)"
        else:
            label = name
        entry = {"name": label, "version": name, "url": f"{base}{name}/"}
        if name == preferred:
            entry["preferred"] = True
        entries.append(entry)
    return entries


def published_editions(site: Path) -> list[str]:
    """Las ediciones presentes en ``site`` (carpetas con un ``index.html``)."""
    if not site.is_dir():
        return []
    return [
        p.name
        for p in site.iterdir()
        if p.is_dir() and EDITION_RE.match(p.name) and (p / "index.html").is_file()
    ]


REDIRECT_TEMPLATE = """\
<!DOCTYPE html>
<html lang="es">
<head>
  <meta charset="utf-8">
  <title>{title} — edición {edition}</title>
  <meta http-equiv="refresh" content="0; url={target}">
  <link rel="canonical" href="{target}">
  <script>window.location.replace({target_js} + window.location.hash);</script>
</head>
<body>
  <p>Este sitio reúne todas las ediciones del curso «{title}». La vigente es la
  <a href="{target}">edición {edition}</a>; si la página no cambia sola, siga ese enlace.</p>
</body>
</html>
"""


def _atomic_write(path: Path, text: str) -> None:
    """Escribe ``text`` en ``path`` sin dejar nunca un archivo a medio escribir."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_site_index(site: Path, base_url: str = "/", title: str = "") -> list[dict]:
    """Regenera ``versions.json``, ``index.html`` y ``.nojekyll`` en ``site``."""
    entries = versions_entries(published_editions(site), base_url)
    _atomic_write(site / "versions.json", json.dumps(entries, ensure_ascii=False, indent=2) + "\n")
    if not (site / ".nojekyll").exists():  # GitHub Pages: servir _static/ tal cual
        _atomic_write(site / ".nojekyll", "")
    preferred = next((e for e in entries if e.get("preferred")), None)
    if preferred:
        target = f"{preferred['version']}/"  # relativo: sirve con cualquier base
        page = REDIRECT_TEMPLATE.format(
            title=html.escape(title or "Modelos jerárquicos bayesianos"),
            edition=html.escape(preferred["version"]),
            target=html.escape(target),
            target_js=json.dumps(target),
        )
        _atomic_write(site / "index.html", page)
    return entries


# ---------------------------------------------------------------------------
# Construcción de una edición
# ---------------------------------------------------------------------------


def _git(repo: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "-C", str(repo), *args], check=False, capture_output=True, **kwargs
    )


def resolve_ref(repo: Path, edition: str, ref: str | None) -> str:
    """El commit de la edición: la etiqueta ``edition``, o ``main`` para ``dev``."""
    if ref:
        candidates = [ref]
    elif edition == DEV:
        candidates = ["refs/heads/main", "refs/remotes/origin/main"]
    else:
        candidates = [f"refs/tags/{edition}"]
    for cand in candidates:
        out = _git(repo, "rev-parse", "--verify", "--quiet", f"{cand}^{{commit}}", text=True)
        if out.returncode == 0:
            return out.stdout.strip()
    if edition == DEV:
        raise EditionError("No encuentro la rama main (ni origin/main) para la edición dev.")
    raise EditionError(
        f"No existe la etiqueta {edition!r} en {repo}. Las ediciones son etiquetas de git "
        "(git tag 2026-2c) o «dev»."
    )


def export_tree(repo: Path, commit: str, dest: Path) -> None:
    """Extrae en ``dest`` los archivos de ``commit`` (``git archive``, sin tocar el repositorio)."""
    out = _git(repo, "archive", "--format=tar", commit)
    if out.returncode != 0:
        raise EditionError(f"git archive {commit} falló: {out.stderr.decode(errors='replace')}")
    with tarfile.open(fileobj=io.BytesIO(out.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):  # Python >= 3.11.4
            tar.extractall(dest, filter="data")
        else:  # la salida de git archive de este mismo repositorio
            tar.extractall(dest)  # noqa: S202


def launch_settings(config: dict, edition: str) -> tuple[str, str, str]:
    """URL del repositorio, ref de la edición y prefijo de sus cuadernos para Colab.

    La ref es la etiqueta (``main`` para ``dev``); los cuadernos de la edición
    se publican en ``<edición>/_cuadernos/`` de la rama ``gh-pages``.
    """
    url = str(config.get("repository", {}).get("url", "")).rstrip("/").removesuffix(".git")
    ref = "main" if edition == DEV else edition
    match = re.match(r"https://github\.com/([^/]+)/([^/]+)$", url)
    prefix = ""
    if match:
        owner, name = match.groups()
        prefix = (
            f"https://colab.research.google.com/github/{owner}/{name}/blob/gh-pages/"
            f"{edition}/{NOTEBOOKS_DIR}"
        )
    return url, ref, prefix


def write_edition_notebooks(book: Path, html_dir: Path, url: str, ref: str) -> list[Path]:
    """Escribe en ``html_dir/_cuadernos`` los cuadernos de la edición para Colab.

    Cada uno es el ``.ipynb`` del capítulo con la celda de preparación que
    instala el paquete del repositorio ``url`` en ``ref`` (la etiqueta de la
    edición, o ``main`` para ``dev``).
    """
    import notebooks

    source = notebooks.setup_cell_source(url, ref)
    written = []
    for md in notebooks.chapters(book):
        text = notebooks.with_setup_cell(md.read_text(encoding="utf-8"), source)
        tmp = md.with_name(f".{md.stem}.edicion.md")
        tmp.write_text(text, encoding="utf-8")
        try:
            content = notebooks.to_ipynb(tmp)
        finally:
            tmp.unlink()
        target = html_dir / NOTEBOOKS_DIR / md.relative_to(book).with_suffix(".ipynb")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        written.append(target)
    return written


def edition_config(config: dict, edition: str, cache_dir: Path) -> dict:
    """Devuelve ``config`` (el ``_config.yml`` de la edición) con las claves por edición.

    - el selector de versiones de pydata-sphinx-theme (``switcher``), con
      ``json_url`` relativo a la raíz de la edición (``../versions.json``);
    - sin la comprobación de ``versions.json`` al construir (``check_switcher``),
      porque el archivo se escribe después;
    - el aviso de edición vieja propio, en castellano (``show_version_warning_banner``
      del tema queda apagado: su texto está en inglés dentro de su JavaScript);
    - el selector en la barra lateral, bajo el título (``html_sidebars``);
    - la caché de ejecución de esta edición (``execute.cache``).
    """
    cfg = copy.deepcopy(config)
    sphinx = cfg.setdefault("sphinx", {})
    if sphinx.get("recursive_update") is not True:
        # Sin recursive_update, html_theme_options reemplazaría las opciones que
        # Jupyter Book deriva de _config.yml (botones de lanzamiento y repositorio).
        sphinx["recursive_update"] = True
    scfg = sphinx.setdefault("config", {})
    theme = scfg.setdefault("html_theme_options", {})
    theme["switcher"] = {"json_url": "../versions.json", "version_match": edition}
    theme["check_switcher"] = False
    theme["show_version_warning_banner"] = False
    theme["navbar_persistent"] = []
    scfg["html_sidebars"] = {
        "**": [
            "navbar-logo.html",
            "edicion-switcher.html",
            "icon-links.html",
            "search-button-field.html",
            "sbt-sidebar-nav.html",
        ]
    }
    scfg["templates_path"] = [f"{OVERLAY}/_templates", *scfg.get("templates_path", [])]
    scfg["html_static_path"] = [*scfg.get("html_static_path", []), f"{OVERLAY}/_static"]
    scfg["html_js_files"] = [*scfg.get("html_js_files", []), "edicion.js"]
    scfg["html_css_files"] = [*scfg.get("html_css_files", []), "edicion.css"]
    scfg["version"] = scfg["release"] = edition
    excludes = list(cfg.get("exclude_patterns", []))
    if OVERLAY not in excludes:
        excludes.append(OVERLAY)
    cfg["exclude_patterns"] = excludes
    cfg.setdefault("execute", {})["cache"] = str(cache_dir)
    # Colab y Binder abren ESTA edición (ver scripts/edicion/edicion_lanzar.py).
    _url, ref, prefix = launch_settings(cfg, edition)
    sphinx.setdefault("local_extensions", {})["edicion_lanzar"] = OVERLAY
    scfg["jerarquicos_colab_prefix"] = prefix
    scfg["jerarquicos_launch_ref"] = ref
    return cfg


def _jupyter_book() -> str:
    local = Path(sys.executable).parent / "jupyter-book"
    return str(local) if local.exists() else "jupyter-book"


@contextlib.contextmanager
def _site_lock(site: Path):
    """Un solo proceso publica en ``site`` a la vez.

    El ``flock`` se toma sobre la carpeta que contiene a ``site``: así no hace
    falta crear ``site`` (ni ningún archivo) antes de saber si la construcción
    termina bien.
    """
    site.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(site.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _replace_dir(new: Path, dest: Path) -> None:
    """Pone ``new`` en lugar de ``dest`` (dos ``rename`` en el mismo disco)."""
    if not dest.exists():
        os.rename(new, dest)
        return
    old = dest.with_name(f".{dest.name}.anterior-{os.getpid()}")
    os.rename(dest, old)
    try:
        os.rename(new, dest)
    except BaseException:
        os.rename(old, dest)
        raise
    shutil.rmtree(old, ignore_errors=True)


def build_edition(
    edition: str,
    *,
    repo: Path,
    site: Path,
    cache_root: Path,
    ref: str | None = None,
    base_url: str = "/",
    force: bool = False,
    keep_temp: bool = False,
) -> Path:
    """Construye ``edition`` y la publica en ``site/<edition>``. Devuelve esa carpeta."""
    check_edition_name(edition)
    base_url = normalize_base_url(base_url)
    dest = site / edition
    with _site_lock(site):
        if dest.exists() and edition != DEV and not force:
            print(
                f"» La edición {edition} ya está publicada en {dest}: es una edición "
                "congelada y no se vuelve a construir (use --force para forzarlo)."
            )
            write_site_index(site, base_url)
            return dest
        commit = resolve_ref(repo, edition, ref)
        work = Path(tempfile.mkdtemp(prefix=f"edicion-{edition}-"))
        staging = None
        try:
            book = work / "libro"
            book.mkdir()
            export_tree(repo, commit, book)
            config_path = book / "_config.yml"
            if not config_path.is_file():
                raise EditionError(f"La edición {edition} ({commit[:12]}) no tiene _config.yml.")
            config = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
            cache_dir = (cache_root / edition).resolve()
            cache_dir.mkdir(parents=True, exist_ok=True)
            config_path.write_text(
                "# Escrito por scripts/build_edition.py: _config.yml de la edición "
                f"{edition} ({commit[:12]}) con las claves del selector de ediciones.\n"
                + yaml.safe_dump(
                    edition_config(config, edition, cache_dir), allow_unicode=True, sort_keys=False
                ),
                encoding="utf-8",
            )
            shutil.copytree(ASSETS, book / OVERLAY)

            env = dict(os.environ)
            # El paquete del curso de ESTA edición, no el instalado en el entorno.
            env["PYTHONPATH"] = os.pathsep.join(
                p for p in (str(book / "src"), env.get("PYTHONPATH", "")) if p
            )
            # Como scripts/build.sh: un MPLBACKEND heredado (p. ej. Agg) haría que
            # plt.show() no produzca imagen y las figuras desaparecerían de las páginas.
            env.pop("MPLBACKEND", None)
            env.setdefault("OMP_NUM_THREADS", "1")
            # Como scripts/build.sh: los capítulos que faltan en la caché, de a varios a la
            # vez. Las ediciones anteriores a scripts/execute.py no lo tienen; si falla, la
            # construcción ejecuta lo que falte y muestra el error.
            executor = book / "scripts" / "execute.py"
            if executor.is_file():
                subprocess.run(
                    [sys.executable, str(executor), str(book)], env=env, cwd=book, check=False
                )
            cmd = [_jupyter_book(), "build", str(book), *STRICT_FLAGS]
            print(f"» Edición {edition}: commit {commit[:12]}, caché {cache_dir}")
            print("» " + " ".join(cmd), flush=True)
            result = subprocess.run(cmd, env=env, cwd=book, check=False)
            html_dir = book / "_build" / "html"
            if result.returncode != 0 or not (html_dir / "index.html").is_file():
                raise EditionError(
                    f"La construcción de la edición {edition} falló (código {result.returncode}); "
                    f"{site} quedó como estaba."
                )
            url, ref, _prefix = launch_settings(config, edition)
            write_edition_notebooks(book, html_dir, url, ref)
            # Copia en una carpeta hermana de site (mismo disco) y luego rename.
            site.mkdir(exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-{edition}-", dir=site.parent))
            out = staging / edition
            shutil.copytree(html_dir, out)
            _replace_dir(out, dest)
            entries = write_site_index(site, base_url, config.get("title", ""))
        finally:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
            if keep_temp:
                print(f"» Copia de trabajo conservada en {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
    print(f"» Edición {edition} publicada en {dest}")
    print(
        "» Ediciones: "
        + ", ".join(e["version"] + (" (vigente)" if e.get("preferred") else "") for e in entries)
    )
    return dest


def main(argv=None) -> int:
    parser = SpanishArgumentParser(
        description="Construye una edición del libro en _site/<edición>/ y regenera "
        "versions.json e index.html."
    )
    parser.add_argument(
        "edition", nargs="?", help="etiqueta de git (p. ej. 2026-2c) o «dev» (rama main)"
    )
    parser.add_argument(
        "--repo",
        type=Path,
        default=REPO_ROOT,
        help="repositorio git de donde salen las ediciones (por omisión, éste)",
    )
    parser.add_argument(
        "--site", type=Path, default=None, help="carpeta del sitio (por omisión, <repo>/_site)"
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="raíz de las cachés de ejecución, una subcarpeta por edición "
        "(por omisión, <repo>/_build/ediciones-cache)",
    )
    parser.add_argument(
        "--ref",
        default=None,
        help="construir otro commit con el nombre de la edición (p. ej. HEAD para dev)",
    )
    parser.add_argument(
        "--base-url",
        default=os.environ.get("JERARQUICOS_SITE_BASE_URL", "/"),
        help="URL (o ruta desde la raíz del dominio) donde se publica _site; "
        "por omisión «/». En GitHub Pages de proyecto: /<repositorio>/",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="volver a construir una edición etiquetada que ya está publicada",
    )
    parser.add_argument(
        "--solo-indice",
        action="store_true",
        help="no construir: sólo regenerar versions.json e index.html",
    )
    parser.add_argument(
        "--keep-temp",
        action="store_true",
        help="conservar la copia de trabajo temporal (para depurar)",
    )
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        parser.error(
            f"«{' '.join(unknown)}» no es una opción de este script ni un nombre de edición "
            f"válido (se admite {ALLOWED_NAMES})"
        )

    repo = args.repo.resolve()
    site = (args.site or repo / "_site").resolve()
    cache_root = (args.cache_dir or repo / "_build" / "ediciones-cache").resolve()
    try:
        if args.solo_indice:
            with _site_lock(site):
                site.mkdir(exist_ok=True)
                entries = write_site_index(site, args.base_url)
            print(json.dumps(entries, ensure_ascii=False, indent=2))
            return 0
        if args.edition is None:
            parser.error(f"falta la edición: {ALLOWED_NAMES}")
        check_edition_name(args.edition)
        build_edition(
            args.edition,
            repo=repo,
            site=site,
            cache_root=cache_root,
            ref=args.ref,
            base_url=args.base_url,
            force=args.force,
            keep_temp=args.keep_temp,
        )
    except EditionError as err:
        print(f"Error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
