#!/usr/bin/env python
"""Ejecuta en paralelo los capítulos que la caché de ejecución no tiene.

``jupyter-book build`` ejecuta los cuadernos de a uno (Sphinx lee las páginas en
serie: una extensión de Jupyter Book no declara si admite la lectura en
paralelo). Este guion, que ``scripts/build.sh`` corre antes, ejecuta los
capítulos que faltan en la caché de jupyter-cache, varios a la vez (un kernel
por capítulo, tantos como núcleos), y guarda cada cuaderno ejecutado en la caché
tal como lo guardaría myst-nb. La construcción los encuentra ahí y no ejecuta
nada. Un capítulo que falla no se guarda: la construcción lo vuelve a ejecutar y
muestra el error en su registro, como siempre.

El cuaderno que se ejecuta es exactamente el que leerá myst-nb: el texto del
capítulo con la celda de la huella de ``_ext/execution_key.py`` al final,
leído con el lector de MyST de myst-nb. La caché reconoce un cuaderno por su
código, así que si algo de esto no coincidiera la construcción ejecutaría el
capítulo de nuevo (más lento, nunca un resultado viejo).

Uso: python scripts/execute.py [--jobs N] [carpeta del libro]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
#: Lo que se imprime por cada capítulo ejecutado (las pruebas lo buscan en el registro).
EXECUTED = "ejecutado por execute.py"


def _execution_key_module(book: Path):
    path = book / "_ext" / "execution_key.py"
    if not path.is_file():
        path = REPO_ROOT / "_ext" / "execution_key.py"
    spec = importlib.util.spec_from_file_location("_jerarquicos_execution_key", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def chapters(book: Path) -> list[Path]:
    """Los archivos ``.md`` del índice (``_toc.yml``), en su orden."""
    from sphinx_external_toc.parsing import parse_toc_yaml

    paths = (book / f"{docname}.md" for docname in parse_toc_yaml(book / "_toc.yml"))
    return [path for path in paths if path.is_file()]


def notebook_as_myst_nb_reads_it(book: Path, path: Path, key_module):
    """El cuaderno de ``path`` con la celda de la huella, leído como lo lee myst-nb."""
    from myst_nb.core.read import is_myst_markdown_notebook, read_myst_markdown_notebook

    text = path.read_text(encoding="utf-8")
    if not is_myst_markdown_notebook(text):
        return None
    source = [text]

    class App:  # lo que _inject_key usa de la aplicación de Sphinx
        confdir = str(book)
        jerarquicos_package_dir = key_module.package_dir(book)

    key_module._inject_key(App, path.stem, source)
    return read_myst_markdown_notebook(source[0], add_source_map=True, path=path)


def _execute(path: str, notebook, timeout: int):
    """En un proceso aparte: ejecuta ``notebook`` en la carpeta de ``path``."""
    from jupyter_cache.executors.utils import single_nb_execution

    result = single_nb_execution(
        notebook,
        cwd=str(Path(path).parent),
        allow_errors=False,
        timeout=timeout,
        meta_override=True,
    )
    error = None if result.err is None else type(result.err).__name__
    return path, notebook, result.time, error


def execute_pending(
    book: Path,
    cache_dir: Path,
    *,
    jobs: int,
    timeout: int = 900,
    only: list[Path] | None = None,
) -> dict[str, float]:
    """Ejecuta los capítulos que la caché de ``cache_dir`` no tiene, ``jobs`` a la vez.

    Parameters
    ----------
    book : Path
        Carpeta del libro (la de ``_config.yml`` y ``_toc.yml``).
    cache_dir : Path
        Caché de jupyter-cache donde se guarda cada cuaderno ejecutado.
    jobs : int
        Capítulos a la vez (un kernel por capítulo).
    timeout : int
        Segundos por celda, como ``execute.timeout`` de ``_config.yml``.
    only : list of Path, optional
        Sólo estos capítulos (por omisión, los del índice).

    Returns
    -------
    dict
        Segundos de ejecución de cada capítulo ejecutado (sin los que fallaron), por
        su ruta relativa al libro.
    """
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(cache_dir))
    key_module = _execution_key_module(book)
    # El mismo entorno de kernel que en la construcción; los procesos de abajo lo heredan.
    key_module.prepare_kernel_environment()
    pending = []
    for path in chapters(book) if only is None else only:
        notebook = notebook_as_myst_nb_reads_it(book, path, key_module)
        if notebook is None:
            continue
        try:
            cache.match_cache_notebook(notebook)
        except KeyError:
            pending.append((path, notebook))
    if not pending:
        print("» execute.py: todos los capítulos están en la caché de ejecución.")
        return {}
    jobs = min(jobs, len(pending))
    print(f"» execute.py: {len(pending)} capítulo(s) sin ejecutar, {jobs} a la vez.", flush=True)
    start = time.monotonic()
    # El más largo primero (por tamaño del texto, que aproxima cuánto hace).
    pending.sort(key=lambda item: -item[0].stat().st_size)
    seconds_by_chapter = {}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_execute, str(p), nb, timeout) for p, nb in pending]
        for future in as_completed(futures):
            path, notebook, seconds, error = future.result()
            name = Path(path).relative_to(book)
            if error is not None:
                print(f"  {name}: falló ({error}); la construcción mostrará el error.")
                continue
            cache.cache_notebook_bundle(
                CacheBundleIn(notebook, path, data={"execution_seconds": seconds}),
                check_validity=False,
                overwrite=True,
            )
            seconds_by_chapter[name.as_posix()] = seconds
            print(f"  {name}: {EXECUTED} en {seconds:.1f} s", flush=True)
    print(f"» execute.py: ejecutados en {time.monotonic() - start:.0f} s.")
    return seconds_by_chapter


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("book", nargs="?", type=Path, default=REPO_ROOT)
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="capítulos a la vez (por omisión JERARQUICOS_BUILD_JOBS, o uno por núcleo)",
    )
    args = parser.parse_args(argv)
    if args.jobs is None:
        given = os.environ.get("JERARQUICOS_BUILD_JOBS", "")
        try:
            args.jobs = int(given) if given else (os.cpu_count() or 1)
            if args.jobs < 1:
                raise ValueError(given)
        except ValueError:
            parser.error(
                "JERARQUICOS_BUILD_JOBS debe ser un entero positivo; "
                f"se recibió JERARQUICOS_BUILD_JOBS={given!r}"
            )
    if args.jobs < 1:
        parser.error(f"--jobs debe ser un entero positivo; se recibió --jobs={args.jobs}")
    book = args.book.resolve()
    config = yaml.safe_load((book / "_config.yml").read_text(encoding="utf-8"))
    execute = config.get("execute", {})
    if execute.get("execute_notebooks") != "cache":
        print("» execute.py: el libro no usa la caché de ejecución; nada que hacer.")
        return 0
    execute_pending(
        book,
        book / execute.get("cache", "_build/.jupyter_cache"),
        jobs=args.jobs,
        timeout=int(execute.get("timeout", 900)),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
