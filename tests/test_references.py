"""References (văn bản được viện dẫn): the documents a text cites, typed and merged.

A first citation gives the type, the number and ký hiệu, the date, the issuer after "của" and the
trích yếu; later ones only the type and number (rules §3.7, NĐ 30 Phụ lục I mục II.6.b)::

    Thông báo số 241/TB-VPCP ngày 12/9/2021 của Văn phòng Chính phủ ...     administrative
    Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ ...   legal: the year inside the number
    Công văn số 64-CV/TW, ngày 10/4/2025 của Ban Bí thư ...                 Party: hyphen, comma before "ngày"
    Luật Việc làm; Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015   a law cited by name

Mentions of one document merge into one reference (by number + year + symbol); the document's own
number is not a reference. The date is the cited document's issue date, never an effective date.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import vbhc
from vbhc.models import Reference

HEADER = ("ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 628/UBND-VX", "V/v triển khai công tác phòng, chống dịch",
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lai Châu, ngày 29 tháng 3 năm 2020",
          "", "Kính gửi: Các sở, ban, ngành tỉnh.", "")
FOOT = ("", "Nơi nhận:", "- Như trên;", "- Lưu: VT, VX1.", "", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Tổng Thanh Hải")


def document(*body: str, header: Sequence[str] = HEADER) -> vbhc.Document:
    """A công văn whose body paragraphs are `body`, one per line."""
    return vbhc.parse_text("\n".join([*header, *body, *FOOT]))


def refs_of(*body: str) -> tuple[Reference, ...]:
    return document(*body).references


def only(refs: Sequence[Reference]) -> Reference:
    assert len(refs) == 1, refs
    return refs[0]


# --- numbered citations ----------------------------------------------------------------------------

CITATIONS = {
    "thong-bao": ("Thực hiện Thông báo số 241/TB-VPCP ngày 12/9/2021 của Văn phòng Chính phủ thông báo kết luận "
                  "của Thủ tướng Chính phủ (gửi kèm theo).",
                  dict(kind="thong_bao", number="241", year=None, symbol="TB-VPCP", date="2021-09-12",
                       issuer="Văn phòng Chính phủ")),
    "nghi-dinh": ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
                  dict(kind="nghi_dinh", number="30", year=2020, symbol="NĐ-CP", date="2020-03-05", issuer="Chính phủ",
                       title="về công tác văn thư")),
    "thong-tu": ("Căn cứ Thông tư số 01/2011/TT-BNV ngày 19 tháng 01 năm 2011 của Bộ Nội vụ hướng dẫn thể thức và "
                 "kỹ thuật trình bày văn bản hành chính;",
                 dict(kind="thong_tu", number="01", year=2011, symbol="TT-BNV", date="2011-01-19", issuer="Bộ Nội vụ",
                      title="hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính")),
    "quyet-dinh-qppl": ("Căn cứ Quyết định số 18/2020/QĐ-TTg ngày 10/6/2020 của Thủ tướng Chính phủ;",
                        dict(kind="quyet_dinh", number="18", year=2020, symbol="QĐ-TTg", date="2020-06-10",
                             issuer="Thủ tướng Chính phủ")),
    "quyet-dinh-admin": ("Thực hiện Quyết định số 977/QĐ-TTg ngày 11/8/2021 của Thủ tướng Chính phủ;",
                         dict(kind="quyet_dinh", number="977", year=None, symbol="QĐ-TTg", date="2021-08-11",
                              issuer="Thủ tướng Chính phủ")),
    "cong-dien": ("Thực hiện Công điện số 1265/CĐ-TTg ngày 30/9/2021 của Thủ tướng Chính phủ;",
                  dict(kind="cong_dien", number="1265", symbol="CĐ-TTg", date="2021-09-30",
                       issuer="Thủ tướng Chính phủ")),
    "ke-hoach": ("Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2020 của UBND tỉnh Lai Châu về kiểm tra công tác cải "
                 "cách hành chính năm 2020;",
                 dict(kind="ke_hoach", number="15", symbol="KH-UBND", date="2020-01-10", issuer="UBND tỉnh Lai Châu",
                      title="về kiểm tra công tác cải cách hành chính năm 2020")),
    "cong-van": ("Thực hiện Công văn số 3280/UBND-VX ngày 28/10/2025 của Ủy ban nhân dân Thành phố;",
                 dict(kind="cong_van", number="3280", symbol="UBND-VX", date="2025-10-28",
                      issuer="Ủy ban nhân dân Thành phố")),
    "party-cong-van": ("Thực hiện Công văn số 64-CV/TW, ngày 10/4/2025 của Ban Bí thư về công tác chuẩn bị đại hội;",
                       dict(kind="cong_van", number="64", year=None, symbol="CV/TW", date="2025-04-10",
                            issuer="Ban Bí thư", title="về công tác chuẩn bị đại hội")),
    "party-chi-thi": ("Các cấp ủy thực hiện tốt Chỉ thị số 35-CT/TW, ngày 30/5/2019 của Bộ Chính trị về tổ chức "
                      "đại hội đảng bộ các cấp.",
                      dict(kind="chi_thi", number="35", symbol="CT/TW", date="2019-05-30", issuer="Bộ Chính trị",
                           title="về tổ chức đại hội đảng bộ các cấp")),
    "party-van-ban": ("Thực hiện Văn bản số 1276-CV/TU ngày 24/3/2020 của Ban Thường vụ Tỉnh uỷ về việc quán triệt "
                      "công tác phòng, chống dịch;",
                      dict(number="1276", year=None, symbol="CV/TU", date="2020-03-24",
                           issuer="Ban Thường vụ Tỉnh uỷ")),
    "no-so": ("Các sở rà soát việc triển khai Nghị quyết 116/NQ-CP của Chính phủ.",
              dict(kind="nghi_quyet", number="116", symbol="NQ-CP", date=None, issuer="Chính phủ")),
    "luat-with-number": ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;",
                         dict(kind="luat", number="64", year=2025, symbol="QH15",
                              title="Luật Ban hành văn bản quy phạm pháp luật")),
}


@pytest.mark.parametrize(("sentence", "expected"), CITATIONS.values(), ids=CITATIONS.keys())
def test_numbered_citation(sentence: str, expected: dict[str, object]) -> None:
    ref = only(refs_of(sentence))
    assert {field: getattr(ref, field) for field in expected} == expected


def test_number_without_type_word_takes_kind_from_symbol() -> None:
    ref = only(refs_of("Theo ý kiến tại số 294/BC-STP ngày 12/3/2020, Sở Tư pháp đã báo cáo."))
    assert (ref.kind, ref.number, ref.symbol, ref.date) == ("bao_cao", "294", "BC-STP", "2020-03-12")


def test_effective_date_is_not_the_issue_date() -> None:
    ref = only(refs_of("Nghị định số 30/2020/NĐ-CP có hiệu lực từ ngày 05/3/2020."))
    assert (ref.kind, ref.number, ref.year, ref.symbol) == ("nghi_dinh", "30", 2020, "NĐ-CP")
    assert ref.date is None


def test_first_mention_is_kept_as_written() -> None:
    ref = only(refs_of("Thực hiện Thông báo số 241/TB-VPCP ngày 12/9/2021 của Văn phòng Chính phủ;"))
    assert ref.text is not None
    assert "241/TB-VPCP" in ref.text


def test_own_number_is_not_a_reference() -> None:
    refs = refs_of("Thực hiện Công văn số 628/UBND-VX của UBND tỉnh, các sở tiếp tục triển khai.")
    assert all(ref.number != "628" for ref in refs)


def test_citation_split_at_a_line_end() -> None:
    # contract: a line break inside "241/TB-" + "VPCP" joins with no space
    header = ("ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 628/UBND-VX", "V/v thực hiện Thông báo số 241/TB-",
              "VPCP kết luận của Thủ tướng Chính phủ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "Lai Châu, ngày 29 tháng 3 năm 2020", "")
    ref = only(document("UBND tỉnh yêu cầu các sở, ngành thực hiện.", header=header).references)
    assert (ref.kind, ref.number, ref.symbol) == ("thong_bao", "241", "TB-VPCP")


# --- laws cited by name ------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "kind", "title", "date"), [
    ("Các sở tiếp tục triển khai thi hành Luật Việc làm và các văn bản hướng dẫn.", "luat", "Luật Việc làm", None),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "luat",
     "Luật Tổ chức chính quyền địa phương", "2015-06-19"),
    ("Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;", "bo_luat", "Bộ luật Lao động", "2019-11-20"),
    # names that join lower-case words with "và" (markers.toml joined_law_names): not cut at "và"
    ("Căn cứ Luật Địa chất và khoáng sản ngày 29 tháng 11 năm 2024;", "luat", "Luật Địa chất và khoáng sản",
     "2024-11-29"),
    ("Căn cứ Luật Bảo vệ và kiểm dịch thực vật ngày 25 tháng 11 năm 2013;", "luat",
     "Luật Bảo vệ và kiểm dịch thực vật", "2013-11-25"),
    ("Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 29/6/2024;", "luat",
     "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ", "2024-06-29"),
    ("thực hiện theo Pháp lệnh Phí và lệ phí hiện hành.", "phap_lenh", "Pháp lệnh Phí và lệ phí", None),
    # names with commas or a stop word inside (markers.toml law_names): not cut there
    ("theo quy định của Luật Phòng, chống thiên tai và các văn bản hướng dẫn.", "luat",
     "Luật Phòng, chống thiên tai", None),
    ("Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008;", "luat", "Luật Cán bộ, công chức", "2008-11-13"),
    ("triển khai thi hành Luật Chuyển đổi số trên địa bàn.", "luat", "Luật Chuyển đổi số", None),
    # what ends a name: "do" + the agency, a verb, a bracket; "và" + another document or a part of one
    ("các nhiệm vụ theo Luật Thương mại do Bộ Công Thương thực hiện.", "luat", "Luật Thương mại", None),
    ("sản phẩm theo Luật Sở hữu trí tuệ phải đáp ứng điều kiện.", "luat", "Luật Sở hữu trí tuệ", None),
    ("theo Luật Sở hữu trí tuệ (trường hợp chuyển nhượng nhãn hiệu).", "luat", "Luật Sở hữu trí tuệ", None),
    ("thực hiện theo Luật Xây dựng và Điều 5 của văn bản này.", "luat", "Luật Xây dựng", None),
    ("Ban hành theo Luật Phòng không nhân dân năm 2024.", "luat", "Luật Phòng không nhân dân", None),
    ("Luật Địa chất và Khoáng sản được thi hành trên cả nước.", "luat", "Luật Địa chất và Khoáng sản", None),
], ids=["luat-viec-lam", "luat-with-date", "bo-luat", "joined-dia-chat", "joined-kiem-dich", "joined-commas",
        "joined-phap-lenh", "comma", "comma-dated", "stop-word-inside", "do-agency", "verb", "bracket", "va-part",
        "khong-inside", "va-capital"])
def test_law_cited_by_name(sentence: str, kind: str, title: str, date: str | None) -> None:
    ref = only(refs_of(sentence))
    assert (ref.kind, ref.title, ref.date) == (kind, title, date)
    assert (ref.number, ref.symbol) == (None, None)


def test_constitution_cited_by_name() -> None:
    # rules §6.3: a Luật's preamble opens "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;"
    refs = refs_of("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;")
    assert [ref.kind for ref in refs] == ["hien_phap"]


def test_amending_law_cited_by_name_and_date() -> None:
    # rules §3.7: "Luật sửa đổi, bổ sung một số điều của Luật … ngày …"
    refs = refs_of("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
                   "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
                   "ngày 22 tháng 11 năm 2019;")
    assert any(ref.kind == "luat" and ref.date == "2015-06-19" and ref.title == "Luật Tổ chức chính quyền địa phương"
               for ref in refs)
    amending = [ref for ref in refs if ref.date == "2019-11-22"]
    assert len(amending) == 1
    assert amending[0].kind == "luat"
    assert (amending[0].title or "").startswith("Luật sửa đổi, bổ sung một số điều")


def test_law_with_number_and_its_amending_law() -> None:
    refs = refs_of("Căn cứ Luật Quản lý, sử dụng tài sản công số 15/2017/QH14 được sửa đổi, bổ sung bởi "
                   "Luật số 64/2020/QH14;")
    assert [(r.kind, r.number, r.year, r.symbol) for r in refs] == [("luat", "15", 2017, "QH14"),
                                                                    ("luat", "64", 2020, "QH14")]
    assert refs[0].title == "Luật Quản lý, sử dụng tài sản công"


# --- merging ---------------------------------------------------------------------------------------------

def test_later_short_mention_merges_into_the_first() -> None:
    refs = refs_of(
        "Thực hiện Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ về quyết liệt thực hiện đợt cao "
        "điểm phòng, chống dịch COVID-19.",
        "1. Các sở, ngành thực hiện nghiêm Chỉ thị số 15/CT-TTg.",
        "2. Công an tỉnh thực hiện Chỉ thị số 16/CT-TTg.",
    )
    assert [(r.number, r.symbol) for r in refs] == [("15", "CT-TTg"), ("16", "CT-TTg")]
    first = refs[0]
    assert (first.kind, first.date, first.issuer) == ("chi_thi", "2020-03-27", "Thủ tướng Chính phủ")
    assert first.title == "về quyết liệt thực hiện đợt cao điểm phòng, chống dịch COVID-19"


def test_short_mention_first_is_completed_by_a_later_full_one() -> None:
    refs = refs_of("1. Sở Y tế thực hiện Thông báo số 241/TB-VPCP.",
                   "2. Sở Tài chính thực hiện Thông báo số 241/TB-VPCP ngày 12/9/2021 của Văn phòng Chính phủ.")
    ref = only(refs)
    assert (ref.kind, ref.number, ref.symbol) == ("thong_bao", "241", "TB-VPCP")
    assert (ref.date, ref.issuer) == ("2021-09-12", "Văn phòng Chính phủ")


def test_subject_and_body_mentions_merge_with_the_specific_kind() -> None:
    # seed 001: "Công văn số 1276-CV/TU" in the V/v line, "Văn bản số 1276-CV/TU ngày 24/3/2020" in the body
    header = ("ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 628 /UBND-VX",
              "V/v thực hiện Công văn số 1276-CV/TU của Tỉnh uỷ về quán triệt triển khai công tác phòng, chống dịch",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
              "Lai Châu, ngày 29 tháng 3 năm 2020", "")
    doc = document("Thực hiện Văn bản số 1276-CV/TU ngày 24/3/2020 của Ban Thường vụ Tỉnh uỷ về việc quán triệt, "
                   "triển khai công tác phòng, chống dịch, UBND tỉnh yêu cầu các cấp, các ngành thực hiện.",
                   header=header)
    ref = only(doc.references)
    assert (ref.kind, ref.number, ref.symbol, ref.date) == ("cong_van", "1276", "CV/TU", "2020-03-24")


# --- references of the legal bases ----------------------------------------------------------------------

def test_legal_bases_carry_their_references() -> None:
    header = ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số: 12/QĐ-SCT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 05 tháng 01 năm 2020", "", "QUYẾT ĐỊNH",
              "Về việc thành lập Đoàn kiểm tra", "", "GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH LÀO CAI", "")
    doc = document(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
        "Theo đề nghị của Trưởng phòng Kỹ thuật an toàn.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Thành lập Đoàn kiểm tra.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.",
        header=header,
    )
    assert [b.text for b in doc.legal_bases] == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư",
        "Theo đề nghị của Trưởng phòng Kỹ thuật an toàn",
    ]
    assert [[(r.kind, r.number) for r in b.references] for b in doc.legal_bases] == [
        [("luat", None)], [("nghi_dinh", "30")], []]
    assert [(r.kind, r.number) for r in doc.references] == [("luat", None), ("nghi_dinh", "30")]


def test_legal_bases_hard_wrapped_after_their_first_word() -> None:
    # tvpl 39305/TB-CHQ: "Căn" / "cứ Luật Hải quan ...;" on every basis; the last one runs into the main clause
    # after a semicolon, while "; Chỉ thị số ..." goes on citing
    doc = document("Căn", "cứ Luật Hải quan ngày 23/6/2014;", "Căn",
                   "cứ Thông tư số 31/2022/TT-BTC ngày 08/6/2022 của Bộ trưởng Bộ Tài chính;",
                   "Trên cơ sở Đơn đề nghị số 002 ngày 23/9/2025 của Công ty TNHH Giải trí và hồ sơ kèm theo;",
                   "Cục Hải quan thông báo kết quả xác định trước mã số như sau:",
                   "Thực hiện Chỉ thị số 46-CT/TW ngày 16/5/2025 của Bộ Chính trị; Chỉ thị số 007/CT-UBND ngày "
                   "06/10/2025 của UBND tỉnh về việc tổ chức cuộc bầu cử.")
    assert [b.text for b in doc.legal_bases][:3] == [
        "Căn cứ Luật Hải quan ngày 23/6/2014",
        "Căn cứ Thông tư số 31/2022/TT-BTC ngày 08/6/2022 của Bộ trưởng Bộ Tài chính",
        "Trên cơ sở Đơn đề nghị số 002 ngày 23/9/2025 của Công ty TNHH Giải trí và hồ sơ kèm theo",
    ]


def test_main_clause_after_a_semicolon_ends_the_basis() -> None:
    doc = document("Trên cơ sở công văn số 1447/TCHQ-TXNK ngày 04/4/2024 của Tổng cục Hải quan về việc phân loại "
                   "thiết bị; Cục Hải quan thông báo kết quả xác định trước mã số như sau:",
                   "Thực hiện Chỉ thị số 46-CT/TW ngày 16/5/2025 của Bộ Chính trị; Chỉ thị số 007/CT-UBND ngày "
                   "06/10/2025 của UBND tỉnh về việc tổ chức cuộc bầu cử.")
    assert [b.text for b in doc.legal_bases] == [
        "Trên cơ sở công văn số 1447/TCHQ-TXNK ngày 04/4/2024 của Tổng cục Hải quan về việc phân loại thiết bị",
        "Thực hiện Chỉ thị số 46-CT/TW ngày 16/5/2025 của Bộ Chính trị; Chỉ thị số 007/CT-UBND ngày 06/10/2025 "
        "của UBND tỉnh về việc tổ chức cuộc bầu cử",
    ]


def test_a_basis_cut_before_the_main_clause_cites_only_what_stands_in_it() -> None:
    # the opening of a công văn: the document cited after the main clause is the body's, not the basis's
    doc = document("Thực hiện Văn bản số 1276-CV/TU ngày 24/3/2020 của Ban Thường vụ Tỉnh uỷ về việc phòng, chống "
                   "dịch (gửi kèm theo), UBND tỉnh yêu cầu các sở, ngành thực hiện Quyết định số 12/QĐ-UBND ngày "
                   "02/01/2020 của UBND tỉnh.")
    basis = only(doc.legal_bases)
    assert basis.text.endswith("(gửi kèm theo)")
    assert [(r.number, r.symbol, r.date) for r in basis.references] == [("1276", "CV/TU", "2020-03-24")]
    assert [r.number for r in doc.references] == ["1276", "12"]
    assert basis.references[0] == doc.references[0]


def test_a_date_after_another_cited_number_is_not_the_unnumbered_documents() -> None:
    # tvpl 11583/VPCP-CN: the date belongs to the Thông báo; the Kết luận has none of its own
    refs = refs_of("Về Kết luận của Ủy ban Thường vụ Quốc hội tại Thông báo số 4387/TB-VPQH ngày 14 tháng 11 "
                   "năm 2025 của Văn phòng Quốc hội, Văn phòng Chính phủ thông báo.")
    assert [(r.kind, r.number, r.date) for r in refs] == [("thong_bao", "4387", "2025-11-14")]


def test_lower_case_type_word_needs_a_symbol() -> None:
    # "quy định tại Mẫu số 01" names a form of this very text, not a Quy định; a lower-case type word
    # right before a full number still cites ("công văn số 4032/TCHQ-GSQL")
    assert refs_of("Quy cách chứng chỉ quy định tại Mẫu số 01 Phụ lục ban hành kèm theo Nghị định này.") == ()
    refs = refs_of("hướng dẫn tại công văn số 4032/TCHQ-GSQL ngày 16/8/2021 của Tổng cục Hải quan")
    assert [(r.kind, r.number, r.symbol, r.date) for r in refs] == [("cong_van", "4032", "TCHQ-GSQL", "2021-08-16")]


def test_a_law_named_without_its_number_is_the_numbered_one() -> None:
    text = "Căn cứ Luật Hóa chất số 69/2025/QH15;\n\nĐiều 1. Hướng dẫn thi hành Luật Hóa chất về an toàn."
    refs = vbhc.parse_text(text).references
    assert [(r.kind, r.number, r.title) for r in refs] == [("luat", "69", "Luật Hóa chất")]


def test_a_law_named_without_its_date_is_the_dated_one() -> None:
    # named again without its date, a law is the one cited with it; two dates stay two entries
    text = ("Căn cứ Luật Giá ngày 19 tháng 6 năm 2023;\n\nĐiều 1. Giá dịch vụ thực hiện theo Luật Giá.\n\n"
            "Điều 2. Áp dụng Luật Đất đai ngày 29 tháng 11 năm 2013 và Luật Đất đai ngày 18 tháng 01 năm 2024.")
    refs = vbhc.parse_text(text).references
    assert [(r.title, r.date) for r in refs] == [("Luật Giá", "2023-06-19"), ("Luật Đất đai", "2013-11-29"),
                                                 ("Luật Đất đai", "2024-01-18")]


@pytest.mark.parametrize(("sentence", "laws"), [
    # inside the name of a document mentioned without number (a draft): part of that name (TB 627/TB-VPCP)
    ("Bộ Nông nghiệp và Môi trường đã trình Chính phủ ban hành Nghị quyết về cơ chế, chính sách đặc thù nhằm "
     "tháo gỡ khó khăn trong triển khai Luật Địa chất và Khoáng sản; Bộ Tài chính đã báo cáo.", []),
    # cited in running text, after "và", after a number: references
    ("Các sở tổ chức triển khai thi hành Luật Việc làm trên địa bàn tỉnh.", ["Luật Việc làm"]),
    ("Ban hành Kế hoạch về tuyên truyền pháp luật và Luật Đất đai trong năm.", ["Luật Đất đai"]),
    ("tuân thủ Quyết định phê duyệt Báo cáo số 3367/QĐ-BNNMT và quy định của Luật Bảo vệ môi trường.",
     ["Luật Bảo vệ môi trường"]),
], ids=["draft-title", "running-text", "after-va", "after-a-number"])
def test_law_named_inside_an_unnumbered_documents_name(sentence: str, laws: list[str]) -> None:
    assert [r.title for r in refs_of(sentence) if r.kind == "luat"] == laws


# Agency names hold "và" and commas: the issuer goes on over them before a capital, not before another
# document or a lower-case word.
ISSUERS = {
    "va": ("Thông tư số 04/2016/TT-BGDĐT ngày 14/3/2016 của Bộ Giáo dục và Đào tạo về việc ban hành",
           "Bộ Giáo dục và Đào tạo"),
    "comma-and-va": ("Quyết định số 12/QĐ-BVHTTDL ngày 1/2/2025 của Bộ Văn hóa, Thể thao và Du lịch;",
                     "Bộ Văn hóa, Thể thao và Du lịch"),
    "dash-and-va": ("Thông tư số 1/2020/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội quy định",
                    "Bộ Lao động - Thương binh và Xã hội"),
    "va-lower-case": ("Công văn số 3/UBND ngày 2/3/2026 của UBND tỉnh và các sở, ngành", "UBND tỉnh"),
    "va-another-document": ("Công văn số 12/BKHCN ngày 2/3/2026 của Bộ Khoa học và Công nghệ và Quyết định "
                            "số 5/QĐ-UBND", "Bộ Khoa học và Công nghệ"),
    "comma-then-sentence": ("Thông báo số 241/TB-VPCP của Văn phòng Chính phủ, Thủ tướng Chính phủ yêu cầu",
                            "Văn phòng Chính phủ"),
    # "Giao" opens a title ("giao nhiệm vụ ..."), but not right after an agency word
    "stop-word-in-the-name": ("Thông tư số 41/2024/TT-BGTVT của Bộ trưởng Bộ Giao thông vận tải công bố vùng nước",
                              "Bộ trưởng Bộ Giao thông vận tải"),
    "closing-bracket": ("Sở đã có ý kiến (theo Công văn số 3113/UBND-KT ngày 18/10/2025 của UBND tỉnh Lào Cai);",
                        "UBND tỉnh Lào Cai"),
    "gui-kem": ("(danh mục theo Báo cáo số 11296/BC-BNV ngày 27/11/2025 của Bộ Nội vụ gửi kèm)", "Bộ Nội vụ"),
    "stop-word-after-the-name": ("Quyết định số 10/2020/QĐ-UBND của Ủy ban nhân dân tỉnh Yên Bái Ban hành Quy định",
                                 "Ủy ban nhân dân tỉnh Yên Bái"),
}


@pytest.mark.parametrize(("sentence", "issuer"), ISSUERS.values(), ids=ISSUERS.keys())
def test_issuer_names_hold_va_and_commas(sentence: str, issuer: str) -> None:
    assert refs_of(sentence)[0].issuer == issuer


def test_a_title_ends_where_the_next_document_is_cited() -> None:
    first, second = refs_of("Thực hiện Văn bản số 4250/BNNMT-ĐCKS ngày 29/4/2026 của Bộ Nông nghiệp và Môi trường "
                         "về việc tăng cường thanh tra hoạt động khoáng sản và Văn bản số 4643/VPCP-CN ngày "
                         "20/5/2026 của Văn phòng Chính phủ về việc tăng cường công tác quản lý.")
    assert first.title == "về việc tăng cường thanh tra hoạt động khoáng sản"
    assert first.issuer == "Bộ Nông nghiệp và Môi trường"
    assert (second.number, second.issuer) == ("4643", "Văn phòng Chính phủ")


def test_issuer_stops_before_what_it_asks() -> None:
    # a Tờ trình cited with its sender: "của Công ty ... đề nghị thẩm định ..." (sct TB thẩm định TKXD)
    ref = only(refs_of("Sở Công Thương đã nhận Tờ trình số 14/2026/TTr-KT ngày 23/03/2026 của Công ty TNHH Anh "
                       "Nhẫn Lào Cai đề nghị thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở."))
    assert ref.issuer == "Công ty TNHH Anh Nhẫn Lào Cai"


@pytest.mark.parametrize(("text", "may"), [
    ("theo Bộ luật Lao động", True), ("Luật Việc làm", True), ("Pháp lệnh Dân số", True), ("Hiến pháp", True),
    ("ban hành pháp luật", False), ("Bộ Y tế hướng dẫn", False), ("biện pháp, mệnh lệnh", False),
])
def test_law_name_prefilter(text: str, may: bool) -> None:
    # the prefilter runs on the text as written: the law names hold no pair that the tone fold rewrites
    from vbhc import data
    from vbhc.patterns import may_name_law, named_law
    from vbhc.tones import tone_sensitive

    assert not tone_sensitive(n for code in ("bo_luat", "luat", "phap_lenh", "hien_phap")
                              for n in data.doc_type(code).names)
    assert may_name_law(text) is may
    assert may or named_law().search(text + " ") is None
