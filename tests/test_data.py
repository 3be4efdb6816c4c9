"""The vocabulary of the format: the TOML tables in vbhc/data and their lookups.

    doc_types.toml             kind code, Vietnamese names, ký hiệu abbreviations, title line or not
    signing_authorities.toml   TM., KT., TL., TUQ., Q. and the Party T/M, K/T, T/L, T/UQ
    agencies.toml              words that open an agency name, positions, issuer abbreviations
    markers.toml               fixed phrases: quốc hiệu, V/v, Kính gửi, Nơi nhận, Lưu, căn cứ starters, ...

Strings are stored in canonical tone placement (ủy, hòa) so that they match folded text; kind codes are
those of the JSON contract; abbreviations are case-sensitive (HĐ hợp đồng ≠ HD hướng dẫn, ĐA ≠ DA).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import pytest

from vbhc import data
from vbhc.normalize import fold_tones

TABLES = ["agencies.toml", "doc_types.toml", "markers.toml", "signing_authorities.toml"]


def strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string of a parsed TOML value, with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, f"{path}[{i}]")


def load(name: str) -> dict[str, Any]:
    return tomllib.loads(files("vbhc.data").joinpath(name).read_text(encoding="utf-8"))


# --- the tables themselves ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", TABLES)
def test_every_string_is_in_canonical_tones(name: str) -> None:
    found = list(strings(load(name)))
    assert found
    old_style = [(path, s) for path, s in found if fold_tones(s) != s]
    assert old_style == []


def test_doc_type_codes_are_unique_and_sorted() -> None:
    codes = [row.code for row in data.doc_types()]
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes)


def test_doc_type_codes_are_ascii_snake_case() -> None:
    for row in data.doc_types():
        assert re.fullmatch(r"[a-z]+(?:_[a-z]+)*", row.code), row.code


def test_abbreviations_are_unique_case_sensitively() -> None:
    counts = Counter(abbr for row in data.doc_types() for abbr in row.abbrs)
    assert [abbr for abbr, n in counts.items() if n > 1] == []


def test_names_are_unique() -> None:
    counts = Counter(name.casefold() for row in data.doc_types() for name in row.names)
    assert [name for name, n in counts.items() if n > 1] == []


def test_every_type_has_a_name() -> None:
    assert all(row.names and all(n.strip() for n in row.names) for row in data.doc_types())


def test_authorities_and_issuers_are_sorted() -> None:
    prefixes = [row.prefix for row in data.authorities()]
    assert prefixes == sorted(prefixes)
    abbrs = [row.abbr for row in data.issuers()]
    assert abbrs == sorted(abbrs)
    assert len(abbrs) == len(set(abbrs))


def test_authority_forms_are_unique() -> None:
    counts = Counter(form for row in data.authorities() for form in row.forms)
    assert [form for form, n in counts.items() if n > 1] == []


# --- agreement with the contract and the format rules ---------------------------------------------------------

CONTRACT_KINDS = [  # contract.md, Document.kind
    "cong_van", "quyet_dinh", "thong_bao", "nghi_quyet", "chi_thi", "ke_hoach", "to_trinh", "bao_cao", "bien_ban",
    "giay_moi", "huong_dan", "cong_dien", "chuong_trinh", "quy_che", "quy_dinh", "thong_cao", "phuong_an", "de_an",
    "du_an", "hop_dong", "ban_ghi_nho", "ban_thoa_thuan", "giay_uy_quyen", "giay_gioi_thieu", "giay_nghi_phep",
    "phieu_gui", "phieu_chuyen", "phieu_bao", "thu_cong", "ket_luan", "luat", "bo_luat", "phap_lenh", "nghi_dinh",
    "thong_tu", "thong_tu_lien_tich", "hien_phap", "lenh", "van_ban_hop_nhat", "giay_phep", "hiep_dinh", "van_ban",
]


def test_every_contract_kind_is_a_doc_type() -> None:
    codes = {row.code for row in data.doc_types()}
    assert sorted(set(CONTRACT_KINDS) - codes) == []


# NĐ 30/2020 Phụ lục III: the abbreviation of each of the 27 types that has one (rules §4)
ND30_ABBREVIATIONS = {
    "nghi_quyet": "NQ", "quyet_dinh": "QĐ", "chi_thi": "CT", "quy_che": "QC", "quy_dinh": "QyĐ", "thong_cao": "TC",
    "thong_bao": "TB", "huong_dan": "HD", "chuong_trinh": "CTr", "ke_hoach": "KH", "phuong_an": "PA", "de_an": "ĐA",
    "du_an": "DA", "bao_cao": "BC", "bien_ban": "BB", "to_trinh": "TTr", "hop_dong": "HĐ", "cong_dien": "CĐ",
    "ban_ghi_nho": "BGN", "ban_thoa_thuan": "BTT", "giay_uy_quyen": "GUQ", "giay_moi": "GM", "giay_gioi_thieu": "GGT",
    "giay_nghi_phep": "GNP", "phieu_gui": "PG", "phieu_chuyen": "PC", "phieu_bao": "PB",
}


@pytest.mark.parametrize(("code", "abbr"), ND30_ABBREVIATIONS.items(), ids=ND30_ABBREVIATIONS.keys())
def test_nd30_abbreviation(code: str, abbr: str) -> None:
    assert abbr in data.doc_type(code).abbrs
    assert data.kind_for_abbr(abbr) == code


def test_cong_van_has_no_title_line() -> None:
    assert data.doc_type("cong_van").title is False


def test_national_names_and_markers() -> None:
    marks = data.markers()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in marks.national_names
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in marks.national_names
    assert "V/v" in marks.subject_markers
    assert "Kính gửi" in marks.addressee_markers
    assert "Nơi nhận" in marks.recipient_markers
    assert "Lưu" in marks.archive_markers
    assert "Căn cứ" in marks.legal_basis_starters
    # normalize looks for the scanners' marks in the text's bytes, lower-cased the ASCII way
    assert all(n.isascii() for n in marks.noise_lines)


def test_unknown_code_raises() -> None:
    with pytest.raises(KeyError):
        data.doc_type("khong_co")


# --- kind_for_name ----------------------------------------------------------------------------------------------

ALL_NAMES = [(name, row.code) for row in data.doc_types() for name in row.names]


@pytest.mark.parametrize(("name", "code"), ALL_NAMES, ids=[f"{code}-{i}" for i, (_, code) in enumerate(ALL_NAMES)])
def test_kind_for_name_of_every_name(name: str, code: str) -> None:
    assert data.kind_for_name(name) == code
    assert data.kind_for_name(name.upper()) == code
    assert data.kind_for_name(name.lower()) == code


@pytest.mark.parametrize(("name", "code"), [
    ("Quyết định", "quyet_dinh"),
    ("QUYẾT ĐỊNH", "quyet_dinh"),
    ("quyết  định", "quyet_dinh"),
    (" Kế hoạch ", "ke_hoach"),
    ("Thông tư liên tịch", "thong_tu_lien_tich"),
    ("Thông tư", "thong_tu"),
    ("Nghị quyết liên tịch", "nghi_quyet"),
    ("Điện", "cong_dien"),
    ("Văn bản", "van_ban"),
], ids=["canonical", "upper", "double-space", "padded", "lien-tich", "thong-tu", "nq-lien-tich", "dien", "van-ban"])
def test_kind_for_name(name: str, code: str) -> None:
    assert data.kind_for_name(name) == code


def test_kind_for_name_of_old_tone_name_after_folding() -> None:
    assert data.kind_for_name(fold_tones("GIẤY UỶ QUYỀN")) == "giay_uy_quyen"
    assert data.kind_for_name(fold_tones("Bản thoả thuận")) == "ban_thoa_thuan"


@pytest.mark.parametrize("name", ["Quyết", "Quyết định số", "Nơi nhận", "", "Công văn hỏa tốc"],
                         ids=["half-name", "name-and-so", "not-a-type", "empty", "name-and-more"])
def test_kind_for_name_unknown(name: str) -> None:
    assert data.kind_for_name(name) is None


# --- kind_for_abbr ----------------------------------------------------------------------------------------------

ALL_ABBRS = [(abbr, row.code) for row in data.doc_types() for abbr in row.abbrs]


@pytest.mark.parametrize(("abbr", "code"), ALL_ABBRS, ids=[f"{code}-{i}" for i, (_, code) in enumerate(ALL_ABBRS)])
def test_kind_for_abbr_of_every_abbreviation(abbr: str, code: str) -> None:
    assert data.kind_for_abbr(abbr) == code


@pytest.mark.parametrize(("abbr", "code"), [
    ("QĐ", "quyet_dinh"),
    ("NĐ", "nghi_dinh"),
    ("TTr", "to_trinh"),
    ("HĐ", "hop_dong"),
    ("HD", "huong_dan"),
    ("ĐA", "de_an"),
    ("DA", "du_an"),
    ("QyĐ", "quy_dinh"),
    ("QYĐ", "quy_dinh"),
    ("QĐi", "quy_dinh"),
    ("CV", "cong_van"),
    ("TTR", "to_trinh"),
    ("CTR", "chuong_trinh"),
    ("Tb", "thong_bao"),
], ids=["qd", "nd", "ttr", "hop-dong", "huong-dan", "de-an", "du-an", "quy-dinh", "quy-dinh-upper", "party-qdi",
        "party-cv", "ttr-upper", "ctr-upper", "case-insensitive-fallback"])
def test_kind_for_abbr(abbr: str, code: str) -> None:
    assert data.kind_for_abbr(abbr) == code


@pytest.mark.parametrize("abbr", ["UBND", "TTg", "VPCP", "XYZ", ""])
def test_kind_for_abbr_of_an_agency_is_none(abbr: str) -> None:
    # công văn: the ký hiệu opens with the agency ("628/UBND-VX"), not a type (rules §3.3)
    assert data.kind_for_abbr(abbr) is None


def test_signature_noise_marks_fit_the_length_early_out() -> None:
    # noise_mark() skips case folding for lines longer than _NOISE_SPAN: a longer mark would never match
    from vbhc.paragraphs import _NOISE_SPAN, noise_mark

    for mark in data.markers().signature_noise:
        assert len(mark) < _NOISE_SPAN
        assert noise_mark(f"  {mark.upper()}  ")
    assert not noise_mark("(Đã ký) " + "x" * _NOISE_SPAN)
