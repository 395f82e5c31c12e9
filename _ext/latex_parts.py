"""Extensión local de Sphinx: estructura de la edición impresa (PDF).

Sin ``sphinx-jupyterbook-latex`` (que exige xelatex y paquetes TeX que Debian
no trae en su instalación mínima), el constructor LaTeX de Sphinx pierde las
partes del ``_toc.yml`` y numera como capítulos las secciones de la portada.
Esta extensión, sólo para LaTeX:

- deja sin número las secciones de la portada («Cómo leerlo»…), de modo que
  «Una moneda y su fábrica» es el capítulo 1, como en el sitio;
- escribe cada ``caption`` del ``_toc.yml`` como ``\\part{…}``;
- pasa a apéndices (A, B, C) las partes sin numerar («Referencia»).

El HTML no cambia.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes


def _raw(latex: str) -> nodes.raw:
    return nodes.raw("", latex + "\n", format="latex")


def _escape(text: str) -> str:
    for char, repl in (
        ("\\", r"\textbackslash{}"),
        ("{", r"\{"),
        ("}", r"\}"),
        ("&", r"\&"),
        ("%", r"\%"),
        ("$", r"\$"),
        ("#", r"\#"),
        ("_", r"\_"),
    ):
        text = text.replace(char, repl)
    return text


def _root_wrappers(tree: nodes.Node) -> list[nodes.compound]:
    """Los ``toctree-wrapper`` del documento raíz (no los de los capítulos incluidos)."""
    found = []
    for node in tree.findall(nodes.compound):
        if "toctree-wrapper" not in node["classes"]:
            continue
        parent = node.parent
        while parent is not None and not isinstance(parent, addnodes.start_of_file):
            parent = parent.parent
        if parent is None:
            found.append(node)
    return found


def _structure_latex(app, doctree, docname):
    if app.builder.format != "latex" or docname != app.config.root_doc:
        return
    original = app.env.get_doctree(docname)
    parts = []
    for wrapper in _root_wrappers(original):
        toc = next(iter(wrapper.findall(addnodes.toctree)), None)
        if toc is not None:
            parts.append((toc.get("caption"), bool(toc.get("numbered"))))
    wrappers = _root_wrappers(doctree)
    if len(wrappers) != len(parts) or not any(caption for caption, _ in parts):
        return  # libro sin partes: la estructura de Sphinx ya sirve

    # Portada sin numerar: sus secciones no son capítulos del curso.
    top = next(iter(doctree.findall(nodes.section)), None)
    if top is not None:
        top.insert(
            1 if top.children and isinstance(top[0], nodes.title) else 0,
            _raw(
                r"\edef\jhsecnumdepth{\the\value{secnumdepth}}"
                r"\setcounter{secnumdepth}{-1}\markboth{}{}"
            ),
        )
    first, in_appendix = True, False
    for wrapper, (caption, numbered) in zip(wrappers, parts, strict=True):
        latex = []
        if first:
            latex.append(r"\setcounter{secnumdepth}{\jhsecnumdepth}\setcounter{chapter}{0}")
            first = False
        if not numbered and not in_appendix:
            latex.append(r"\appendix")
            in_appendix = True
        if caption:
            latex.append(r"\part{" + _escape(caption) + "}")
        wrapper.parent.insert(wrapper.parent.index(wrapper), _raw("".join(latex)))


def setup(app):
    app.connect("doctree-resolved", _structure_latex)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
