#!/usr/bin/env python3
"""Make the .docx and .pdf versions of the seed documents in tests/fixtures/docx/.

For each tests/fixtures/seeds/<stem>.txt this writes tests/fixtures/docx/<stem>.docx the way a Word user
lays out a document after Nghị định 30/2020 (Phụ lục I):

- a two-column borderless table for the header: agency lines, "Số: ...", the V/v lines on the left;
  quốc hiệu, tiêu ngữ, place and date on the right;
- the title, subject and "Kính gửi" lines, then the body; its numbered items carry Word automatic
  numbering ("1.", "2.1." from a multilevel list, "-" and "+" bullets from a bullet list), so the label
  is in numbering.xml and w:numPr, not in the paragraph text;
- a two-column borderless table for nơi nhận (left, bullets again automatic) and the signer (right);
- attachments after it, each laid out the same way (their numbering restarts).

The parts come from vbhc's own reading of the .txt (normalize, paragraphs, segment): a generator may
use the parser to know what it is writing; the golden tests then check the .docx gives what the .txt
gives. Each .docx is converted to PDF by LibreOffice (tests/fixtures/docx/<stem>.pdf) and the seed's
gold copied next to them (<stem>.expected.json).

Output is deterministic: fixed document properties, fixed ZIP timestamps, and the PDF's dates and file
identifier replaced by fixed values of the same length.

    .venv/bin/python scripts/make_fixtures.py            # all seeds
    .venv/bin/python scripts/make_fixtures.py --no-pdf   # only the .docx (no LibreOffice needed)
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import hashlib
import io
import re
import shutil
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from vbhc.normalize import normalize
from vbhc.paragraphs import Para, build_paragraphs
from vbhc.patterns import label_of, place_date_line
from vbhc.readers.doc import convert, find_soffice
from vbhc.segment import Segmented, is_archive, is_authority, is_national_name, is_recipients_label, segment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
OUT = ROOT / "tests" / "fixtures" / "docx"

FIXED_TIME = dt.datetime(2026, 1, 1, 0, 0, 0)  # naive: what python-docx writes to core.xml
ZIP_TIME = (2026, 1, 1, 0, 0, 0)

# numbering.xml additions: a multilevel list "1." / "1.1." / "a)" and a bullet list "-" / "+".
DECIMAL_ABSTRACT, BULLET_ABSTRACT = 90, 91
BULLETS_NUM = 91  # one bullet list for the whole file (Word continues bullets anyway)
_FIRST_DECIMAL_NUM = 100  # one list instance per document part, numbering restarting at 1

_ABSTRACTS = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="{DECIMAL_ABSTRACT}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:left="0" w:firstLine="709"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:left="0" w:firstLine="709"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:left="0" w:firstLine="709"/></w:pPr></w:lvl>
</w:abstractNum>
<w:abstractNum {nsdecls("w")} w:abstractNumId="{BULLET_ABSTRACT}">
  <w:multiLevelType w:val="hybridMultilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:left="0" w:firstLine="709"/></w:pPr>
    <w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:hint="default"/></w:rPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:left="0" w:firstLine="992"/></w:pPr>
    <w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum>
"""

_MOTTO = re.compile(r"^Độc lập\b")
_DECIMAL = re.compile(r"^(\d{1,2})\.(?:(\d{1,2})\.)?$")
_LETTER = re.compile(r"^([a-z])\)$")


class Writer:
    """One .docx in the NĐ 30 layout, built part by part."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        self._numbering = self.doc.part.numbering_part.element
        first_num = self._numbering.find(qn("w:num"))
        for abstract in parse_xml(f"<w:x {nsdecls('w')}>{_ABSTRACTS}</w:x>"):
            if first_num is not None:
                first_num.addprevious(copy.deepcopy(abstract))
            else:
                self._numbering.append(copy.deepcopy(abstract))
        self._add_num(BULLETS_NUM, BULLET_ABSTRACT)
        self._next_num = _FIRST_DECIMAL_NUM
        self.decimal_num = 0
        self._setup_page()

    def _add_num(self, num_id: int, abstract: int, restart: bool = False) -> None:
        override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
        self._numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>'))

    def new_list(self) -> None:
        """A new instance of the multilevel list: its numbering starts again at 1."""
        self.decimal_num = self._next_num
        self._add_num(self.decimal_num, DECIMAL_ABSTRACT, restart=self._next_num > _FIRST_DECIMAL_NUM)
        self._next_num += 1

    def _setup_page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(2), Cm(2)
        section.left_margin, section.right_margin = Cm(3), Cm(1.5)
        normal = self.doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(14)
        rpr = normal.element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), "Times New Roman")
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.space_before = Pt(0)
        props = self.doc.core_properties
        props.author = props.last_modified_by = "vbhc make_fixtures"
        props.created = props.modified = FIXED_TIME
        props.revision = 1
        props.title = props.subject = props.comments = props.keywords = ""

    # -- paragraphs ---------------------------------------------------------------------------------

    def para(self, container: Any, text: str, *, bold: bool = False, italic: bool = False, center: bool = False,
             size: float | None = None, indent: bool = False, num: tuple[int, int] | None = None,
             space_after: float | None = None) -> None:
        p = container.add_paragraph()
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
        fmt = p.paragraph_format
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif container is self.doc:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent and num is None:
            fmt.first_line_indent = Cm(1.25)
        if space_after is not None:
            fmt.space_after = Pt(space_after)
        if num is not None:
            num_id, ilvl = num
            ppr = p._p.get_or_add_pPr()
            ppr.insert(0, parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))

    def cell_para(self, cell: Any, text: str, first: list[bool], **kw: Any) -> None:
        """A paragraph in a table cell (the cell's own empty first paragraph is used once)."""
        if first[0]:
            first[0] = False
            p = cell.paragraphs[0]
            p._p.getparent().remove(p._p)
        kw.setdefault("space_after", 0)
        self.para(cell, text, **kw)

    def numbered(self, text: str) -> tuple[str, tuple[int, int] | None]:
        """The text without its label and the (numId, ilvl) Word numbering that shows the label."""
        found = label_of(text)
        if not found:
            return text, None
        label = found[0]
        rest = text[len(label):].lstrip()
        if label == "-":
            return rest, (BULLETS_NUM, 0)
        if label == "+":
            return rest, (BULLETS_NUM, 1)
        if m := _DECIMAL.match(label):
            return rest, (self.decimal_num, 1 if m.group(2) else 0)
        if _LETTER.match(label):
            return rest, (self.decimal_num, 2)
        return text, None

    # -- tables -------------------------------------------------------------------------------------

    def layout_table(self, widths: tuple[float, float], *, rows: int = 1, explicit_none: bool) -> Any:
        table = self.doc.add_table(rows=rows, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        tblpr = table._tbl.tblPr
        if explicit_none:
            # the way Word writes a "Table Grid" table whose borders were all switched off
            table.style = self.doc.styles["Table Grid"]
            sides = "".join(f'<w:{s} w:val="none" w:sz="0" w:space="0" w:color="auto"/>'
                            for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
            tblpr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{sides}</w:tblBorders>'))
        for i, width in enumerate(widths):
            table.columns[i].width = Cm(width)
            for row in table.rows:
                row.cells[i].width = Cm(width)
        return table

    # -- parts --------------------------------------------------------------------------------------

    def header(self, paras: list[Para], subject_vv: list[Para]) -> None:
        """Row 1: agency | quốc hiệu and tiêu ngữ; row 2: Số and V/v | place and date."""
        agency = [p for p in paras if p.upper and not _right_column(p)]
        left = [p for p in paras if not p.upper and not _right_column(p)] + subject_vv
        national = [p for p in paras if _right_column(p) and not place_date_line().match(p.text)]
        dated = [p for p in paras if place_date_line().match(p.text)]
        table = self.layout_table((6.0, 10.0), rows=2, explicit_none=False)
        cells = [[cell for cell in row.cells] for row in table.rows]
        firsts = [[[True], [True]], [[True], [True]]]
        for p in agency:
            self.cell_para(cells[0][0], p.text, firsts[0][0], center=True, size=13, bold=True)
        for p in national:
            self.cell_para(cells[0][1], p.text, firsts[0][1], center=True, bold=True,
                           size=13 if is_national_name(p) else 14)
        for p in left:
            self.cell_para(cells[1][0], p.text, firsts[1][0], center=True, size=13 if p not in subject_vv else 12)
        for p in dated:
            self.cell_para(cells[1][1], p.text, firsts[1][1], center=True, italic=True)
        self.doc.add_paragraph()

    def foot(self, paras: list[Para]) -> list[Para]:
        """The nơi nhận / signer table; returns what follows the signer's name (notes)."""
        start = next((i for i, p in enumerate(paras) if is_authority(p)), None)
        if start is None:
            archive = next((i for i, p in enumerate(paras) if is_archive(p)), len(paras) - 1)
            start = archive + 1
        recipients, signer = paras[:start], paras[start:]
        notes: list[Para] = []
        name_at = next((i for i, p in enumerate(signer) if not p.upper), None)
        if name_at is not None:
            signer, notes = signer[:name_at + 1], signer[name_at + 1:]
        table = self.layout_table((7.0, 9.0), explicit_none=True)
        lcell, rcell = table.rows[0].cells
        first_l, first_r = [True], [True]
        for p in recipients:
            if is_recipients_label(p):
                self.cell_para(lcell, p.text, first_l, bold=True, italic=True, size=12)
                continue
            text, num = self.numbered(p.text)
            if num is None or num[0] != BULLETS_NUM:  # only the dashes become Word bullets here
                text, num = p.text, None
            self.cell_para(lcell, text, first_l, size=11, num=num)
        for i, p in enumerate(signer):
            if i == len(signer) - 1 and not p.upper:
                for _ in range(3):
                    self.cell_para(rcell, "", first_r)
            self.cell_para(rcell, p.text, first_r, center=True, bold=True)
        return notes

    def document(self, seg: Segmented, *, first: bool) -> None:
        if not first:
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self.new_list()
        vv = [p for p in seg.subject if p.text.startswith("V/v")]
        if seg.header:
            self.header(seg.header, vv)
        if seg.title:
            self.para(self.doc, seg.title.text, bold=True, center=True, space_after=0)
        for p in seg.subject:
            if p not in vv:
                self.para(self.doc, p.text, bold=True, center=True, space_after=0)
        if seg.title or [p for p in seg.subject if p not in vv]:
            self.doc.add_paragraph()
        for p in seg.addressees:
            self.para(self.doc, p.text, center=False, indent=not p.text.startswith("Kính gửi"))
        if seg.enacting:
            self.para(self.doc, seg.enacting.text, bold=True, center=True)
        for p in seg.body:
            text, num = self.numbered(p.text)
            self.para(self.doc, text, indent=True, num=num)
        if seg.foot:
            notes = self.foot(seg.foot)
            for p in notes:
                self.para(self.doc, p.text, italic=True, size=12)
        for part in seg.tail:
            self.document(segment(part, attached=True), first=False)

    def save(self) -> bytes:
        buf = io.BytesIO()
        self.doc.save(buf)
        return _fixed_zip(buf.getvalue())


def _right_column(p: Para) -> bool:
    return is_national_name(p) or bool(_MOTTO.match(p.text)) or bool(place_date_line().match(p.text))


def _fixed_zip(raw: bytes) -> bytes:
    """The same ZIP with fixed timestamps (deterministic bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})([^)]*)\)")
_XMP_DATE = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]+)(<)")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_XMP_UUID = re.compile(rb"(uuid:)([0-9a-fA-F-]{36})")
_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)")


def _fixed_pdf(raw: bytes, seed: bytes) -> bytes:
    """The PDF with its dates and identifiers replaced by fixed values of the same length."""
    digest = hashlib.md5(seed).hexdigest().upper().encode()  # an identifier, not security

    def same_len(value: bytes, fill: bytes) -> bytes:
        return (fill * (len(value) // len(fill) + 1))[:len(value)]

    raw = _PDF_DATE.sub(lambda m: m.group(1) + b"20260101000000" + same_len(m.group(3), b"Z") + b")", raw)
    raw = _XMP_DATE.sub(lambda m: m.group(1) + same_len(m.group(2), b"2026-01-01T00:00:00Z    ") + m.group(3), raw)
    raw = _PDF_ID.sub(lambda m: b"/ID [ <" + same_len(m.group(1), digest) + b"> <" + same_len(m.group(2), digest)
                      + b"> ]" + b" " * (len(m.group(0)) - len(m.group(1)) - len(m.group(2)) - 12), raw)
    raw = _CHECKSUM.sub(lambda m: m.group(1) + same_len(m.group(2), digest), raw)
    uuid = f"{digest[:8].decode()}-{digest[8:12].decode()}-{digest[12:16].decode()}-" \
           f"{digest[16:20].decode()}-{digest[20:32].decode()}".lower().encode()
    return _XMP_UUID.sub(lambda m: m.group(1) + uuid, raw)


def seed_docx(text: str) -> bytes:
    """The .docx of one seed's text."""
    clean = normalize(text)
    paras = build_paragraphs(clean.lines)
    writer = Writer()
    writer.document(segment(paras), first=True)
    return writer.save()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-pdf", action="store_true", help="write only the .docx files")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    soffice = None if args.no_pdf else find_soffice()
    if not args.no_pdf and soffice is None:
        print("LibreOffice (soffice) not found: install it or pass --no-pdf", file=sys.stderr)
        return 2
    for seed in sorted(SEEDS.glob("*.txt")):
        stem = seed.stem
        raw = seed_docx(seed.read_text(encoding="utf-8"))
        (OUT / f"{stem}.docx").write_bytes(raw)
        shutil.copyfile(SEEDS / f"{stem}.expected.json", OUT / f"{stem}.expected.json")
        made = [f"{stem}.docx"]
        if soffice is not None:
            pdf = convert(raw, name=f"{stem}.docx", soffice=soffice, suffix=".docx", target="pdf", timeout=120)
            (OUT / f"{stem}.pdf").write_bytes(_fixed_pdf(pdf, raw))
            made.append(f"{stem}.pdf")
        print("wrote", ", ".join(made))
    return 0


if __name__ == "__main__":
    sys.exit(main())
