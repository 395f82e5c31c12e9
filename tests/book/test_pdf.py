"""La edición impresa: ``bash scripts/build_pdf.sh`` produce el PDF del libro completo.

Construye el PDF del libro real (comparte la caché de ejecución con
``scripts/build.sh``: con el sitio ya construido no vuelve a ejecutar los
cuadernos) y lo lee con ``pdftotext``: un capítulo por cada entrada de
``_toc.yml``, con su título, las partes, los textos de LaTeX en castellano y
un párrafo conocido de la portada.

Sin pdflatex, fuera de CI se omite; en CI (``CI`` definida) corre igual:
``build_pdf.sh`` instala los paquetes TeX con apt-get si es root, o falla.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata

import pytest
import yaml
from book_fixture import REPO_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.pdf]

PDF = REPO_ROOT / "_build" / "latex" / "modelos-jerarquicos.pdf"
TEX = PDF.with_suffix(".tex")


def _normalise(text: str) -> str:
    # NFKC: pdflatex escribe las letras griegas del texto como símbolos matemáticos
    # (κ sale como 𝜅, U+1D705); NFKC las vuelve la letra.
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"-\n", "", text)  # palabras cortadas por guiones al final de línea
    return re.sub(r"\s+", " ", text).strip()


def _title(markdown: str) -> str:
    """El primer título ``# …`` fuera de los bloques de código (la celda de Colab
    empieza con un comentario ``# …``)."""
    in_code = False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith("# "):
            return line[2:].strip()
    raise AssertionError("el capítulo no tiene título")


def _toc_chapters() -> list[tuple[str, str, bool]]:
    """(archivo, título, numerado) de cada capítulo del _toc.yml, en orden."""
    toc = yaml.safe_load((REPO_ROOT / "_toc.yml").read_text(encoding="utf-8"))
    chapters = []
    for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
        for entry in part.get("chapters", []):
            source = REPO_ROOT / f"{entry['file']}.md"
            title = _title(source.read_text(encoding="utf-8"))
            chapters.append((entry["file"], title, bool(part.get("numbered", False))))
    return chapters


def _first_sentence_of_index() -> str:
    """Las primeras palabras del primer párrafo de la portada (index.md)."""
    text = (REPO_ROOT / "index.md").read_text(encoding="utf-8")
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if block and not block.startswith(("#", "(", "---", "```", ":::", "-", "{")):
            words = re.sub(r"[`*_]", "", block).split()
            return " ".join(words[:8])
    raise AssertionError("index.md no tiene un párrafo de texto")


@pytest.fixture(scope="module")
def pdf_text() -> str:
    if shutil.which("pdflatex") is None and not os.environ.get("CI"):
        pytest.skip(
            "pdflatex no está instalado: la edición PDF se prueba con "
            "`bash scripts/build_pdf.sh` (instala los paquetes TeX como root) o en CI"
        )
    env = dict(os.environ)
    env["JERARQUICOS_SKIP_BOOTSTRAP"] = "1"
    env["JERARQUICOS_BOOK_DIR"] = str(REPO_ROOT)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    result = subprocess.run(
        ["bash", str(REPO_ROOT / "scripts" / "build_pdf.sh")],
        capture_output=True,
        text=True,
        errors="replace",
        env=env,
        timeout=3600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + "\n" + result.stderr[-4000:]
    assert PDF.is_file() and PDF.stat().st_size > 10_000, f"no se generó {PDF}"
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(PDF), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text


def test_one_chapter_per_toc_entry(pdf_text):
    chapters = _toc_chapters()
    numbered = [c for c in chapters if c[2]]
    heads = re.findall(r"^\f*(CAPÍTULO|APÉNDICE)$", pdf_text, flags=re.MULTILINE)
    assert len(heads) == len(chapters), (
        f"el PDF tiene {len(heads)} capítulos/apéndices y _toc.yml {len(chapters)}"
    )
    assert heads.count("CAPÍTULO") == len(numbered)
    text = _normalise(pdf_text)
    for number, (_, title, _) in enumerate(numbered, start=1):
        assert f"Capítulo {number}. {_normalise(title)}" in text, f"falta el capítulo {title!r}"
    for _, title, is_numbered in chapters:
        if not is_numbered:
            assert _normalise(title) in text, f"falta el apéndice {title!r}"


def test_parts_and_spanish_latex_strings(pdf_text):
    toc = yaml.safe_load((REPO_ROOT / "_toc.yml").read_text(encoding="utf-8"))
    text = _normalise(pdf_text)
    for part in toc.get("parts", []):
        assert _normalise(part["caption"]) in text
    assert "Parte I" in text
    assert "Índice general" in text
    assert "Chapter" not in text and "Contents" not in text


def test_pdf_sits_next_to_the_site_for_the_front_page_link(pdf_text):
    """La portada enlaza modelos-jerarquicos.pdf: build_pdf.sh lo deja junto al sitio."""
    site = REPO_ROOT / "_build" / "html"
    if not (site / "index.html").is_file():
        pytest.skip("el sitio no está construido (bash scripts/build.sh)")
    copy = site / PDF.name
    assert copy.is_file() and copy.read_bytes() == PDF.read_bytes()
    assert f'href="{PDF.name}"' in (site / "index.html").read_text(encoding="utf-8")


def test_known_phrase_from_the_front_page(pdf_text):
    phrase = _first_sentence_of_index()
    assert phrase in _normalise(pdf_text), f"no está la frase de la portada: {phrase!r}"


def test_spanish_hyphenation_and_figures_in_the_tex(pdf_text):
    tex = TEX.read_text(encoding="utf-8")
    assert re.search(r"\\documentclass\[[^]]*spanish[^]]*\]", tex), "babel no recibe spanish"
    assert "\\usepackage{babel}" in tex
    log = TEX.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "spanish.ldf" in log
    assert "No hyphenation patterns were preloaded" not in log
    # Cada figura de los cuadernos llega al PDF: el archivo existe y, si es PNG,
    # el PDF lleva al menos tantas imágenes como \sphinxincludegraphics de PNG.
    raw = re.findall(r"\\sphinxincludegraphics(?:\[[^]]*\])?\{(\{[^}]*\}[^}]*|[^}]*)\}", tex)
    targets = [t.replace("{", "").replace("}", "") for t in raw]
    missing = [t for t in targets if not (TEX.parent / t).is_file()]
    assert not missing, f"figuras que faltan en _build/latex: {missing}"
    pngs = [t for t in targets if t.lower().endswith(".png")]
    listing = subprocess.run(
        ["pdfimages", "-list", str(PDF)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    images = [line for line in listing if line.split()[2] == "image"]
    assert len(images) >= len(set(pngs)), (len(images), len(set(pngs)))
