"""The vocabulary of the format, loaded from the TOML tables beside this module.

Every table is read once, on first use, and validated by a pydantic row model::

    >>> from vbhc import data
    >>> data.doc_type("quyet_dinh").names[0]
    'Quyết định'
    >>> data.kind_for_abbr("NĐ")
    'nghi_dinh'

Strings are stored in canonical tone placement (``ủy``, ``hòa``); a test checks that each one is a
fixed point of :func:`vbhc.normalize.fold_tones`.
"""

from __future__ import annotations

import functools
import tomllib
from importlib.resources import files
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DocType(_Row):
    """One document type (tên loại văn bản)."""

    code: str
    names: tuple[str, ...]
    abbrs: tuple[str, ...] = ()
    title: bool = True


class Authority(_Row):
    """One signing-authority prefix (TM., KT., TL., TUQ., Q.)."""

    prefix: str
    meaning: str
    forms: tuple[str, ...]


class Issuer(_Row):
    """One issuer abbreviation used in ký hiệu."""

    abbr: str
    name: str


class Markers(_Row):
    """The fixed phrases of the format (see markers.toml for what each list is)."""

    national_names: tuple[str, ...]
    motto_words: tuple[str, ...]
    header_marks: tuple[str, ...]
    subject_markers: tuple[str, ...]
    addressee_markers: tuple[str, ...]
    recipient_markers: tuple[str, ...]
    archive_markers: tuple[str, ...]
    recipient_openers: tuple[str, ...]
    legal_basis_starters: tuple[str, ...]
    main_clause_verbs: tuple[str, ...]
    enacting_words: tuple[str, ...]
    closing_starters: tuple[str, ...]
    effect_phrase: str
    attachment_titles: tuple[str, ...]
    attachment_parent_lines: tuple[str, ...]
    signature_keys: tuple[str, ...]
    signature_companions: tuple[str, ...]
    signature_noise: tuple[str, ...]
    noise_lines: tuple[str, ...]
    incoming_anchor: str
    telegram_verb: str
    incoming_fields: tuple[str, ...]
    non_issue_date_words: tuple[str, ...]
    title_starters: tuple[str, ...]
    issuer_stops: tuple[str, ...]
    law_name_stops: tuple[str, ...]
    law_names: tuple[str, ...]
    document_parts: tuple[str, ...]
    personal_papers: tuple[str, ...]
    recipient_purposes: tuple[str, ...]
    name_prefixes: tuple[str, ...]


def _load(name: str) -> dict[str, Any]:
    return tomllib.loads(files(__name__).joinpath(name).read_text(encoding="utf-8"))


@functools.cache
def doc_types() -> tuple[DocType, ...]:
    """All document types, sorted by code."""
    return TypeAdapter(tuple[DocType, ...]).validate_python(_load("doc_types.toml")["doc_type"])


@functools.cache
def authorities() -> tuple[Authority, ...]:
    """The signing-authority prefixes."""
    return TypeAdapter(tuple[Authority, ...]).validate_python(_load("signing_authorities.toml")["authority"])


@functools.cache
def agency_heads() -> tuple[str, ...]:
    """Words that open an agency name in the header."""
    return tuple(_load("agencies.toml")["heads"])


@functools.cache
def issuers() -> tuple[Issuer, ...]:
    """Issuer abbreviations of ký hiệu."""
    return TypeAdapter(tuple[Issuer, ...]).validate_python(_load("agencies.toml")["issuer"])


@functools.cache
def markers() -> Markers:
    """The fixed phrases."""
    return Markers.model_validate(_load("markers.toml"))


@functools.cache
def doc_type(code: str) -> DocType:
    """The type with this kind code; KeyError for an unknown code."""
    for row in doc_types():
        if row.code == code:
            return row
    raise KeyError(code)


@functools.cache
def _name_index() -> dict[str, str]:
    return {name.casefold(): row.code for row in doc_types() for name in row.names}


def kind_for_name(name: str) -> str | None:
    """Kind code for a type name as written ("Quyết định", "QUYẾT ĐỊNH"), in canonical tones."""
    return _name_index().get(" ".join(name.split()).casefold())


@functools.cache
def _abbr_index() -> dict[str, str]:
    return {abbr: row.code for row in doc_types() for abbr in row.abbrs}


@functools.cache
def _abbr_index_upper() -> dict[str, str]:
    return {k.upper(): v for k, v in _abbr_index().items()}


def kind_for_abbr(abbr: str) -> str | None:
    """Kind code for a ký hiệu type abbreviation ("QĐ", "TTr"); case-sensitive, then upper-cased."""
    return _abbr_index().get(abbr) or _abbr_index_upper().get(abbr.upper())


@functools.cache
def positions() -> tuple[str, ...]:
    """Titles that open an enacting line or a chức vụ line."""
    return tuple(_load("agencies.toml")["positions"])


class Relation(_Row):
    """One relation between a citing and a cited document (relations.toml)."""

    code: str
    name: str
    cues: tuple[str, ...] = ()
    legal_basis: bool = False


class Relations(_Row):
    """The relation vocabulary of the citation graph (see relations.toml for what each field is)."""

    default: str
    legal_basis_default: str
    window: int
    joiner_window: int
    passive: tuple[str, ...]
    joiners: tuple[str, ...]
    abbreviations: dict[str, str]
    relation: tuple[Relation, ...]


@functools.cache
def relations() -> Relations:
    """The relations of the citation graph and the words that tell them."""
    return Relations.model_validate(_load("relations.toml"))


class LegacyEncoding(_Row):
    """One pre-Unicode Vietnamese 8-bit encoding (legacy_encodings.toml): byte -> text."""

    name: str
    letters: dict[int, str]
    """Bytes that stand for a character of their own."""
    marks: dict[int, str] = {}
    """Bytes that add combining marks to the letter before them (VNI)."""


@functools.cache
def legacy_encodings() -> tuple[LegacyEncoding, ...]:
    """TCVN3 (ABC) and VNI, the font encodings of old Vietnamese archives, as byte tables."""
    raw = _load("legacy_encodings.toml")
    tcvn3 = LegacyEncoding(name="TCVN3", letters={int(k, 16): v for k, v in raw["tcvn3"].items()})
    vni = LegacyEncoding(name="VNI", letters={int(k, 16): v for k, v in raw["vni"]["letters"].items()},
                         marks={int(k, 16): v for k, v in raw["vni"]["marks"].items()})
    return (tcvn3, vni)
