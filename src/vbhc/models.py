"""The typed result of parsing: a frozen pydantic `Document` and its parts.

Field names are English; each field's docstring names the Vietnamese term of Nghị định 30/2020 and
flows into the JSON Schema (``Document.model_json_schema()``). Glossary:

==================  ==========================  =======================================
field               Vietnamese                  example
==================  ==========================  =======================================
national_name       quốc hiệu                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
motto               tiêu ngữ                    Độc lập - Tự do - Hạnh phúc
parent_agency       cơ quan chủ quản            UBND TỈNH LÀO CAI
issuer              cơ quan ban hành            SỞ CÔNG THƯƠNG
number, symbol      số, ký hiệu                 628, UBND-VX
place, date         địa danh, ngày tháng năm    Lai Châu, 2020-03-29
kind                tên loại văn bản            quyet_dinh
subject             trích yếu                   V/v thực hiện Thông báo số 241/TB-VPCP
addressees          kính gửi                    Các sở, ban, ngành
legal_bases         căn cứ ban hành             Căn cứ Luật Tổ chức chính quyền ...
references          văn bản được viện dẫn       Thông báo số 241/TB-VPCP
directives          nội dung (điều, khoản, mục) 1. / a) / - / Điều 1.
recipients          nơi nhận                    TT: Tỉnh ủy, HĐND tỉnh (b/c)
archive             lưu                         VT, VX1
signer              thẩm quyền, chức vụ, họ tên KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Tổng Thanh Hải
attachments         phụ lục, văn bản kèm theo   PHỤ LỤC I
==================  ==========================  =======================================

Dates are ISO 8601 strings of reduced precision when the document leaves parts blank: "2020-03-29",
"2021-09" ("ngày   tháng 9 năm 2021"), "2021". Beside each parsed value that can fail, the raw text is
kept (``Header.number_text``, ``Header.date_text``) so that nothing is lost silently.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

PartialDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class IssueCode(StrEnum):
    """Stable codes of the findings a parse reports on a document."""

    EMPTY_DOCUMENT = "empty-document"
    """The text holds no content at all."""
    MISSING_NATIONAL_NAME = "missing-national-name"
    """No quốc hiệu (nor "ĐẢNG CỘNG SẢN VIỆT NAM") was found in the header."""
    MISSING_ISSUER = "missing-issuer"
    """No cơ quan ban hành was found in the header."""
    MISSING_NUMBER = "missing-number"
    """No "Số" line was found, or its number is left blank (a draft)."""
    MISSING_DATE = "missing-date"
    """No place-and-date line was found."""
    UNPARSED_DATE = "unparsed-date"
    """A place-and-date line was found but its date could not be read (OCR noise)."""
    PARTIAL_DATE = "partial-date"
    """The issue date leaves the day or the month blank (a draft, filled at signing)."""
    MISSING_KIND = "missing-kind"
    """The document type could be told neither from a title line, a "V/v" line nor the ký hiệu."""
    KIND_SYMBOL_MISMATCH = "kind-symbol-mismatch"
    """The title line names one type and the ký hiệu's type code another."""
    MISSING_SUBJECT = "missing-subject"
    """No trích yếu was found."""
    MISSING_SIGNER = "missing-signer"
    """No signature block (thẩm quyền, chức vụ, họ tên) was found."""
    MISSING_SIGNER_NAME = "missing-signer-name"
    """A signature block stands without a name (a template, or a scan with the name unreadable)."""
    MISSING_RECIPIENTS = "missing-recipients"
    """No "Nơi nhận" list was found."""
    NO_TEXT_LAYER = "no-text-layer"
    """A PDF page set without a text layer (a scan): nothing to read without OCR."""
    BROKEN_FONT = "broken-font"
    """A PDF font has no usable map to Unicode and its text could not be recovered: fields may be missing."""
    FONT_RECOVERED = "font-recovered"
    """A PDF font had no usable map to Unicode; its text was recovered from the embedded font program."""
    PREFACE_SET_ASIDE = "preface-set-aside"
    """Text before the document's header (a web page's summary of it) was kept apart in `preface`."""
    INCOMING_STAMP = "incoming-stamp"
    """An incoming-document stamp ("ĐẾN Số: ... Ngày: ...") was found and set aside."""
    DIGITAL_SIGNATURE = "digital-signature"
    """Digital-signature text (timestamps, "Ký bởi: ...") was found and set aside."""
    LEGACY_ENCODING = "legacy-encoding"
    """The text was in a pre-Unicode Vietnamese encoding (TCVN3 / ABC, VNI, cp1258) and was converted; the
    message names the encoding."""
    UNDECODABLE_BYTES = "undecodable-bytes"
    """A few bytes of the input were not valid in its encoding and were replaced by U+FFFD; the message gives
    their count and byte offsets."""


class Issue(_Model):
    """A coded finding on the document: something it lacks or that could not be read."""

    code: IssueCode
    """Stable machine-readable code."""
    message: str
    """Human-readable explanation."""
    field: str | None = None
    """The Document field concerned, as a dotted path ("header.number")."""


class Header(_Model):
    """Phần đầu văn bản: ô 1-4 of Nghị định 30/2020 (quốc hiệu, cơ quan, số, địa danh và ngày)."""

    national_name: str | None = None
    """Quốc hiệu: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", or "ĐẢNG CỘNG SẢN VIỆT NAM" on Party documents."""
    motto: str | None = None
    """Tiêu ngữ: "Độc lập - Tự do - Hạnh phúc"."""
    parent_agency: str | None = None
    """Tên cơ quan chủ quản: the upper line(s) of a two-level agency name, joined."""
    issuer: str | None = None
    """Tên cơ quan, tổ chức ban hành, its lines joined: "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"."""
    number: str | None = None
    """Số: "628"; null when left blank in a draft ("Số: /UBND-VX"). Leading zeros kept."""
    year: int | None = None
    """Năm inside a legal number: 30/2020/NĐ-CP -> 2020."""
    symbol: str | None = None
    """Ký hiệu without number and year: "UBND-VX", "TB/TW", "NĐ-CP"."""
    place: str | None = None
    """Địa danh as written: "Lai Châu", "TP. Bắc Kạn"."""
    date: PartialDate | None = None
    """Ngày tháng năm ban hành, ISO 8601 of reduced precision when parts are blank."""
    marks: tuple[str, ...] = ()
    """Dấu chỉ độ mật, độ khẩn, phạm vi lưu hành, "DỰ THẢO": marks standing in the header."""
    number_text: str | None = None
    """The raw "Số ..." text the number was read from."""
    date_text: str | None = None
    """The raw place-and-date line ("Lai Châu, ngày 29 tháng 3 năm 2020")."""


class Reference(_Model):
    """Văn bản được viện dẫn: a document the text cites."""

    kind: str | None = None
    """Tên loại of the cited document, as a kind code ("thong_bao", "van_ban" for "Văn bản số ...")."""
    number: str | None = None
    """Số of the cited document; an identifier of another shape is kept whole ("01TV/2026")."""
    year: int | None = None
    """Năm inside the cited number (30/2020/NĐ-CP -> 2020)."""
    symbol: str | None = None
    """Ký hiệu of the cited document: "TB-VPCP", "CV/TU", "NĐ-CP"."""
    date: PartialDate | None = None
    """Ngày ban hành of the cited document (never an effective date)."""
    issuer: str | None = None
    """Cơ quan ban hành as written after "của": "Văn phòng Chính phủ"."""
    title: str | None = None
    """Tên or trích yếu of the cited document: "Luật Việc làm", "về công tác phòng, chống dịch"."""
    text: str | None = None
    """The first mention as written in the document."""


class LegalBasis(_Model):
    """Căn cứ ban hành: one "Căn cứ ...", "Thực hiện ...", "Theo đề nghị ...", "Xét ..." item."""

    text: str
    """The basis as written, without its final punctuation."""
    references: tuple[Reference, ...] = ()
    """The documents this basis cites, in order."""


class Directive(_Model):
    """One numbered or bulleted item of the body (điều, khoản, điểm, mục), with its sub-items."""

    label: str
    """The label as written: "1.", "2.1.", "a)", "-", "+", "Điều 1.", "I."."""
    text: str
    """The item's text without its label; continuation paragraphs joined with a line break."""
    children: tuple[Directive, ...] = ()
    """Sub-items, in order."""


class Recipient(_Model):
    """Nơi nhận: one item of the recipients list."""

    name: str
    """The recipient as written: "TT: Tỉnh ủy, HĐND tỉnh"."""
    note: str | None = None
    """The purpose in brackets: "b/c" (báo cáo), "để b/c", "t/h" (thực hiện), "đăng tải"."""


class Signer(_Model):
    """Thẩm quyền ký, chức vụ, họ tên người ký (ô 7a-7c)."""

    authority: tuple[str, ...] = ()
    """Thẩm quyền lines with their prefix, outermost first: ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")."""
    position: str | None = None
    """Chức vụ of the signer: "PHÓ CHỦ TỊCH"."""
    name: str | None = None
    """Họ tên of the signer: "Tổng Thanh Hải"."""


class DigitalSignature(_Model):
    """Chữ ký số: the appearance text a signing system leaves in a PDF's text layer."""

    text: str
    """The lines as they stood, joined with "; "."""
    signed_by: str | None = None
    """"Ký bởi" / "Người ký": the signing person or body."""
    time: str | None = None
    """"Thời gian ký", or a bare ISO timestamp, as written."""


class IncomingStamp(_Model):
    """Dấu "ĐẾN": the stamp a receiving office puts on an incoming document."""

    text: str
    """The stamp's lines joined with "; "."""
    number: str | None = None
    """Số đến: the arrival number."""
    date: str | None = None
    """Ngày đến, as written."""


class Document(_Model):
    """One parsed administrative, Party or legal normative document (văn bản)."""

    schema_version: Literal[1] = 1
    """Version of this model's shape; bumped on any incompatible change."""
    kind: str | None = None
    """Tên loại văn bản as a code: "cong_van", "quyet_dinh", ... (see vbhc/data/doc_types.toml)."""
    title: str | None = None
    """The type-name line as written ("QUYẾT ĐỊNH", "PHỤ LỤC I"); null for a công văn."""
    header: Header = Header()
    """Phần đầu: quốc hiệu, tiêu ngữ, cơ quan, số và ký hiệu, địa danh và ngày."""
    subject: str | None = None
    """Trích yếu nội dung, without its "V/v" marker."""
    addressees: tuple[str, ...] = ()
    """Kính gửi: the addressees, one per item."""
    enacting_authority: str | None = None
    """Thẩm quyền ban hành line above the preamble ("GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH LÀO CAI")."""
    legal_bases: tuple[LegalBasis, ...] = ()
    """Căn cứ ban hành: the bases of the preamble or opening paragraph."""
    references: tuple[Reference, ...] = ()
    """Every distinct document cited in the text (header and attachments excluded), merged by number."""
    directives: tuple[Directive, ...] = ()
    """The numbered and bulleted items of the body, as a tree."""
    recipients: tuple[Recipient, ...] = ()
    """Nơi nhận, without the "Lưu" line."""
    archive: tuple[str, ...] = ()
    """Lưu: the archive line split on commas: ("VT", "VX1")."""
    signer: Signer = Signer()
    """Thẩm quyền ký, chức vụ và họ tên người ký."""
    attachments: tuple[Document, ...] = ()
    """Documents after the signer (phụ lục, a sent-along notice, a Quy định ban hành kèm theo)."""
    preface: str | None = None
    """Text before the header that belongs to the page, not the document (a web page's news summary)."""
    footnotes: tuple[str, ...] = ()
    """Chú thích: footnote texts found at the foot of pages."""
    digital_signatures: tuple[DigitalSignature, ...] = ()
    """Chữ ký số appearance text found in the text and kept out of the content."""
    incoming_stamps: tuple[IncomingStamp, ...] = ()
    """Dấu "ĐẾN" stamps found in the text and kept out of the content."""
    issues: tuple[Issue, ...] = ()
    """Coded findings: what the document lacks or what could not be read."""

    def _repr_html_(self) -> str:
        """A compact card for Jupyter: header, subject, signer, counts, issues."""
        from vbhc.display import document_html  # display imports this module

        return document_html(self)
