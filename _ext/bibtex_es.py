"""Extensión local de Sphinx: citas y bibliografía en castellano.

sphinxcontrib-bibtex (y pybtex, que arma cada referencia) escriben en inglés:
«James and Stein», «In Proceedings of…», «volume 1», «pages 1–29». Esta
extensión registra dos estilos, que ``_config.yml`` elige:

* ``author_year_es`` (``bibtex_reference_style``): las citas en el texto
  («James y Stein», «Gelman y Hill»; con tres o más autores, «Capretto *et al.*»);
* ``foot_es`` (``bibtex_foot_reference_style``): lo mismo para las citas al
  pie de cada capítulo (``{footcite:t}`` escribe «James y Stein[2]»);
* ``plain_es`` (``bibtex_default_style``): la lista de referencias, como el
  estilo ``plain`` de pybtex con las palabras en castellano («y», «En»,
  «volumen», «páginas», «edición», «editor»/«editores»).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.richtext import Symbol
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import (
    field as bib_field,
)
from pybtex.style.template import (
    first_of,
    join,
    names,
    optional,
    optional_field,
    sentence,
    tag,
    together,
    words,
)
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.referencing.foot import FootReferenceStyle

AND = " y "


def _ordinal(edition):
    """«2» → «2.ª» (segunda edición); un texto («Second») queda en minúsculas."""
    text = str(edition)
    return f"{text}.ª" if text.isdigit() else edition.lower()


def _pages():
    from pybtex.style.formatting.unsrt import pages

    return pages


class SpanishPlainStyle(PlainStyle):
    """El estilo ``plain`` de pybtex, en castellano."""

    default_name_style = "plain"

    def format_names(self, role, as_sentence=True):
        formatted = names(role, sep=", ", sep2=AND, last_sep=AND)
        return sentence[formatted] if as_sentence else formatted

    def get_article_template(self, e):
        pages = _pages()
        volume_and_pages = first_of[
            optional[
                join[bib_field("volume"), optional["(", bib_field("number"), ")"], ":", pages]
            ],
            words["páginas", pages],
        ]
        date = words[optional_field("month"), bib_field("year")]
        return toplevel[
            self.format_names("author"),
            self.format_title(e, "title"),
            sentence[tag("em")[bib_field("journal")], optional[volume_and_pages], date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def format_editor(self, e, as_sentence=True):
        editors = self.format_names("editor", as_sentence=False)
        if "editor" not in e.persons:
            return editors
        word = "editores" if len(e.persons["editor"]) > 1 else "editor"
        result = join(sep=", ")[editors, word]
        return sentence[result] if as_sentence else result

    def format_volume_and_series(self, e, as_sentence=True):
        volume_and_series = optional[
            words[
                together["Volumen" if as_sentence else "volumen", bib_field("volume")],
                optional[words["de", bib_field("series")]],
            ]
        ]
        number_and_series = optional[
            words[
                join(sep=Symbol("nbsp"))[
                    "Número" if as_sentence else "número", bib_field("number")
                ],
                optional[words["en", bib_field("series")]],
            ]
        ]
        result = first_of[volume_and_series, number_and_series, optional_field("series")]
        return sentence(capfirst=True)[result] if as_sentence else result

    def format_chapter_and_pages(self, e):
        return join(sep=", ")[
            optional[together["capítulo", bib_field("chapter")]],
            optional[together["páginas", _pages()]],
        ]

    def format_edition(self, e):
        return optional[words[bib_field("edition", apply_func=_ordinal), "edición"]]

    def get_inproceedings_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            words[
                "En",
                sentence[
                    optional[self.format_editor(e, as_sentence=False)],
                    self.format_btitle(e, "booktitle", as_sentence=False),
                    self.format_volume_and_series(e, as_sentence=False),
                    optional[_pages()],
                ],
                self.format_address_organization_publisher_date(e),
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]


def _spanish_person() -> PersonStyle:
    return PersonStyle(sep2=AND, last_sep=AND)


@dataclass
class SpanishAuthorYearStyle(AuthorYearReferenceStyle):
    """Citas autor-año con «y» entre los dos últimos autores."""

    person: PersonStyle = field(default_factory=_spanish_person)


@dataclass
class SpanishFootStyle(FootReferenceStyle):
    """Citas al pie (``{footcite:t}``) con «y» entre los dos últimos autores."""

    person: PersonStyle = field(default_factory=_spanish_person)


pybtex.plugin.register_plugin("pybtex.style.formatting", "plain_es", SpanishPlainStyle)
sphinxcontrib.bibtex.plugin.register_plugin(
    "sphinxcontrib.bibtex.style.referencing", "author_year_es", SpanishAuthorYearStyle
)
sphinxcontrib.bibtex.plugin.register_plugin(
    "sphinxcontrib.bibtex.style.referencing", "foot_es", SpanishFootStyle
)


def setup(app):
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
