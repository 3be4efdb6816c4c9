"""Write the bad-input corpus tests/fixtures/bad/ (deterministic: fixed seed, fixed ZIP timestamps).

    .venv/bin/python scripts/make_bad_inputs.py              # (re)write tests/fixtures/bad/
    .venv/bin/python scripts/make_bad_inputs.py --big OUT    # also the 50 MB text (not committed) at OUT

What is in it, one file per case (the name says which): empty and whitespace-only files of each suffix,
random bytes with each suffix (with and without a format's magic), truncated PDF / .docx, password-protected
PDFs, a ZIP that is not a .docx, .docx files with broken XML, no body, deep nesting, an external entity (XXE),
nested entity expansion (billion laughs) and decompression bombs, text in UTF-8 / UTF-16 / UTF-32 / cp1258 /
TCVN3 / VNI / Windows-1252, control characters and bidi marks, deep lists, adversarial 100,000-character
lines, English and non-document text, and a few good documents (copied from tests/fixtures/seeds and
tests/fixtures/docx) that must still parse in the same folder (their names start with ``good_``).

The encrypted PDFs are the one part that needs a tool (qpdf, else pikepdf, else LibreOffice); their output
is not byte-stable, so existing ones are kept and only missing ones are made (``--force-encrypted`` remakes
them). Everything else is rewritten byte for byte the same on every run. The 50 MB text is generated at test
time (`write_big_text`), never committed.
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "bad"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
DOCX = ROOT / "tests" / "fixtures" / "docx"
SEED = 20260322
LONG_LINE = 100_000
ZIP_TIME = (2020, 1, 1, 0, 0, 0)

GOOD: dict[str, tuple[Path, str]] = {
    "good_cong_van.txt": (SEEDS / "000_b9edc395e283ea20.txt", "cong_van"),
    "good_thong_bao.md": (SEEDS / "002_801a75eec3dce3ad.txt", "thong_bao"),
    "good_cong_van.docx": (DOCX / "003_7547f1c53a76eba4.docx", "cong_van"),
}
"""The good documents copied into the corpus: name in the corpus -> (source, expected kind)."""

ADVERSARIAL_PIECES: dict[str, str] = {
    "dotted_numbers": "1.1.1.",
    "can_cu": "Căn cứ ",
    "so_slashes": "Số: 1/",
    "dashes": "-",
    "pipes": "| a ",
    "dieu": "Điều 1. ",
    "ngay": "ngày 1/1/2020 ",
}
"""Pieces of the grammar repeated into one line of LONG_LINE characters (file long_<key>.txt)."""

HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
          "Số: 628/UBND-VX\n\nLai Châu, ngày 29 tháng 3 năm 2020\n\n")
VIETNAMESE = (HEADER + "V/v thực hiện Công văn số 1276-CV/TU của Tỉnh ủy\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\n"
              "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n"
              "1. Các sở, ngành triển khai thực hiện.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, VX1.\n\n"
              "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTống Thanh Hải\n")


def long_line(piece: str, length: int = LONG_LINE) -> str:
    """`piece` repeated to exactly `length` characters."""
    return (piece * (length // len(piece) + 1))[:length]


# ------------------------------------------------------------------------------------------------ helpers


def _zip(members: list[tuple[str, bytes]], *, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = compress
            info.external_attr = 0o644 << 16
            z.writestr(info, data, compresslevel=9)
    return buf.getvalue()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Default Extension="bin" ContentType="application/octet-stream"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Target="word/document.xml" '
         'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
         '</Relationships>')


def _paragraphs(text: str) -> str:
    out = []
    for para in text.split("\n"):
        escaped = para.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        out.append(f'<w:p><w:r><w:t xml:space="preserve">{escaped}</w:t></w:r></w:p>')
    return "".join(out)


def _document_xml(body: str, *, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>').encode()


def docx(document_xml: bytes, extra: Sequence[tuple[str, bytes]] = (), doc_rels: bytes | None = None) -> bytes:
    """A minimal .docx package around `document_xml` (plus extra parts and word/_rels/document.xml.rels)."""
    members = [("[Content_Types].xml", _CT.encode()), ("_rels/.rels", _RELS.encode()),
               ("word/document.xml", document_xml)]
    if doc_rels is not None:
        members.append(("word/_rels/document.xml.rels", doc_rels))
    return _zip(members + list(extra))


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file of these objects (1 is the catalog) with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def blank_pdf() -> bytes:
    """One empty A4 page: a valid PDF without any text."""
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>"])


def english_pdf() -> bytes:
    """One page with an English line in Helvetica (no embedded font)."""
    stream = b"BT /F1 12 Tf 72 770 Td (Quarterly report of the marketing team) Tj ET"
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                 b"/Resources << /Font << /F1 5 0 R >> >> >>",
                 b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


# ------------------------------------------------------------------------------------------------ encodings

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258: base letters with their hat / horn / breve precomposed, the tone as a combining mark."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        nfd = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in nfd if c in _TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


# Well-known renderings of the quốc hiệu and tiêu ngữ in the legacy 8-bit Vietnamese encodings, as the
# Windows-1252 characters their bytes show (the other engineer's decoders are tested on these precisely;
# this corpus only needs them to give one record each and no crash).
TCVN3 = ("UBND tØnh Lai Ch©u\n\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n\n"
         "Sè: 628/UBND-VX\n\nLai Ch©u, ngµy 29 th¸ng 3 n¨m 2020\n\nKÝnh göi: C¸c së, ban, ngµnh tØnh.\n")
VNI = ("UBND tænh Lai Chaâu\n\nCoäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\n\n"
       "Soá: 628/UBND-VX\n\nLai Chaâu, ngaøy 29 thaùng 3 naêm 2020\n\nKính göûi: Caùc sôû, ban, ngaønh tænh.\n")


# ------------------------------------------------------------------------------------------------ the corpus


def corpus() -> dict[str, bytes]:
    """Every committed file of the corpus but the encrypted PDFs: name -> bytes."""
    rng = random.Random(SEED)
    files: dict[str, bytes] = {}

    for name, (source, _kind) in GOOD.items():
        files[name] = source.read_bytes()

    # empty, whitespace-only
    for suffix in (".txt", ".md", ".markdown", ".text", ".docx", ".doc", ".pdf"):
        files[f"empty{suffix}"] = b""
        files[f"whitespace{suffix}"] = b" \t\n\r\n   \n\n\t \x0b\x0c \n"
    files["whitespace_nbsp.txt"] = "\u00a0 \u3000\u2009\n\u200b\ufeff\n \n".encode()
    files["whitespace_valid.docx"] = docx(_document_xml(_paragraphs("   \n\t\n \u00a0 \n")))
    files["whitespace_blank_page.pdf"] = blank_pdf()

    # random bytes with each suffix, then behind each format's magic
    for suffix in (".txt", ".md", ".markdown", ".text", ".docx", ".doc", ".pdf"):
        files[f"random{suffix}"] = rng.randbytes(4096)
    files["random_pdf_magic.pdf"] = b"%PDF-1.7\n" + rng.randbytes(4096)
    files["random_zip_magic.docx"] = b"PK\x03\x04" + rng.randbytes(4096)
    files["random_ole_magic.doc"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(4096)
    files["random_printable.txt"] = bytes(rng.choice(range(32, 127)) for _ in range(4096))

    # truncated
    real_pdf = (DOCX / "000_b9edc395e283ea20.pdf").read_bytes()
    real_docx = (DOCX / "000_b9edc395e283ea20.docx").read_bytes()
    files["truncated_half.pdf"] = real_pdf[: len(real_pdf) // 2]
    files["truncated_header_only.pdf"] = b"%PDF-1.4\n"
    files["truncated_half.docx"] = real_docx[: len(real_docx) // 2]
    files["truncated_utf8.txt"] = VIETNAMESE.encode()[:-1] + "ệ".encode()[:2]
    files["pdf_bad_xref.pdf"] = blank_pdf().replace(b"startxref\n", b"startxref\n9")
    files["pdf_english.pdf"] = english_pdf()

    # ZIPs and .docx packages
    files["zip_not_docx.docx"] = _zip([("readme.txt", b"not a Word document"), ("data/a.csv", b"a,b\n1,2\n")])
    files["zip_as_text.txt"] = files["zip_not_docx.docx"]
    files["docx_broken_xml.docx"] = docx(b'<?xml version="1.0"?><w:document xmlns:w="' + _W.encode()
                                         + b'"><w:body><w:p><w:r><w:t>S\xe1\xbb\x91: 1/UBND</w:r></w:body>')
    files["docx_not_utf8_xml.docx"] = docx(b'<?xml version="1.0" encoding="UTF-8"?>' + rng.randbytes(512))
    files["docx_no_body.docx"] = docx(f'<w:document xmlns:w="{_W}"/>'.encode())
    files["docx_no_document_part.docx"] = _zip([("[Content_Types].xml", _CT.encode()), ("_rels/.rels", _RELS.encode()),
                                                 ("word/styles.xml", b"<styles/>")])
    depth = 200  # under libxml2's default nesting limit of 256
    nested = "<w:sdt><w:sdtContent>" * depth + _paragraphs("ỦY BAN NHÂN DÂN") + "</w:sdtContent></w:sdt>" * depth
    files["docx_deep_nesting.docx"] = docx(_document_xml(nested))
    cells = "<w:tbl><w:tr><w:tc>" * 60 + _paragraphs("Số: 1/UBND") + "</w:tc></w:tr></w:tbl>" * 60
    files["docx_nested_tables.docx"] = docx(_document_xml(cells))
    files["docx_xxe.docx"] = docx(_document_xml(
        _paragraphs("Số: 1/UBND-VX").replace("Số: 1/UBND-VX", "Số: &xxe;/UBND-VX"),
        prolog='<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\n'))
    laughs = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)]
    files["docx_billion_laughs.docx"] = docx(_document_xml(
        _paragraphs("X").replace(">X<", ">&lol9;<"), prolog="<!DOCTYPE w:document [" + "".join(laughs) + "]>\n"))
    # decompression bombs: a huge run of whitespace in document.xml; a large part of zeros the document refers
    # to; and a member whose headers declare a size of almost 4 GiB
    padding = b" " * (24 * 2**20)
    files["bomb_whitespace.docx"] = docx(_document_xml(_paragraphs("Số: 1/UBND")).replace(b"<w:body>",
                                                                                           b"<w:body>" + padding))
    image_rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  b'<Relationship Id="rId9" Target="media/zeros.bin" '
                  b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
                  b'</Relationships>')
    files["bomb_zeros.docx"] = docx(_document_xml(_paragraphs("Số: 1/UBND")), doc_rels=image_rels,
                                    extra=[("word/media/zeros.bin", b"\0" * (48 * 2**20))])
    files["bomb_declared_size.docx"] = _declare_size(docx(_document_xml(_paragraphs(VIETNAMESE))), "word/document.xml",
                                                     0xFFFFFFF0)

    # encodings
    files["utf8_bom.txt"] = codecs.BOM_UTF8 + VIETNAMESE.encode()
    files["utf16_le_bom.txt"] = VIETNAMESE.encode("utf-16")  # BOM + little-endian
    files["utf16_be_bom.txt"] = codecs.BOM_UTF16_BE + VIETNAMESE.encode("utf-16-be")
    files["utf16_le_nobom.txt"] = VIETNAMESE.encode("utf-16-le")
    files["utf16_be_nobom.txt"] = VIETNAMESE.encode("utf-16-be")
    files["utf32_le_bom.txt"] = VIETNAMESE.encode("utf-32")
    files["cp1258.txt"] = to_cp1258(VIETNAMESE)
    files["tcvn3.txt"] = TCVN3.encode("cp1252")
    files["vni.txt"] = VNI.encode("cp1252")
    files["cp1252_english.txt"] = "Café déjà vu — “quoted” naïve façade\n".encode("cp1252")
    files["nfd_decomposed.txt"] = unicodedata.normalize("NFD", VIETNAMESE).encode()
    files["crlf_and_cr.txt"] = VIETNAMESE.replace("\n", "\r\n").encode() + VIETNAMESE.replace("\n", "\r").encode()
    files["lone_surrogate.txt"] = VIETNAMESE.encode() + b"\xed\xa0\x80"  # CESU / WTF-8 style surrogate

    # control characters and bidi marks
    controls = "".join(chr(c) for c in range(0x20) if c not in (0x0A,)) + "\x7f" + "".join(
        chr(c) for c in range(0x80, 0xA0))
    bidi = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200b\u200c\u200d\u2060\ufeff"
    lines = VIETNAMESE.split("\n")
    files["controls.txt"] = "\n".join(line + controls[i % len(controls)] * 3 + controls
                                      for i, line in enumerate(lines)).encode()
    files["bidi_marks.txt"] = "\n".join(bidi[i % len(bidi)].join(line) for i, line in enumerate(lines)).encode()
    files["nul_bytes.txt"] = VIETNAMESE.replace(" ", "\0").encode()
    files["combining_pileup.txt"] = ("Số" + "\u0301\u0323\u0309" * 3000 + ": 1/UBND\n" + VIETNAMESE).encode()

    # deep lists
    files["deep_list_dotted.txt"] = (HEADER + "\n".join(
        "1." * d + f" Mục cấp {d}" for d in range(1, 301)) + "\n").encode()
    labels = ("{n}.", "{n}.1.", "{n}.1.1.", "{n}.1.1.1.", "a)", "-", "+", "•", "*", "i.")
    files["deep_list_10000.txt"] = (HEADER + "\n".join(
        labels[i % len(labels)].format(n=i // len(labels) + 1) + f" nội dung {i}" for i in range(10_000)) + "\n"
    ).encode()
    files["deep_list_markdown.md"] = (HEADER + "\n".join(
        "  " * d + f"- mục {d}" for d in range(300)) + "\n").encode()
    files["deep_list_dieu.txt"] = (HEADER + "\n".join(
        f"Điều {i}. Điều khoản {i}\n{i}. Khoản\na) Điểm" for i in range(1, 2001)) + "\n").encode()
    files["blockquote_nesting.md"] = (">" * 5000 + " Căn cứ " * 10 + "\n" + VIETNAMESE).encode()
    files["emphasis_nesting.md"] = ("**" * 20000 + "ỦY BAN NHÂN DÂN" + "**" * 20000 + "\n" + VIETNAMESE).encode()

    # adversarial long lines
    for key, piece in ADVERSARIAL_PIECES.items():
        files[f"long_{key}.txt"] = (long_line(piece) + "\n").encode()
    files["long_mixed_after_header.txt"] = (HEADER + "".join(
        long_line(p, LONG_LINE // 10) for p in ADVERSARIAL_PIECES.values()) + "\n").encode()
    files["long_many_short_lines.txt"] = ("Số:\n" * 20_000).encode()

    # English and non-document text
    files["english.txt"] = (
        b"MEMORANDUM\n\nTo: All staff\nFrom: Human Resources\nDate: 12 March 2021\nSubject: Office closure\n\n"
        b"1. The office will be closed on Friday for maintenance.\n2. Please take your laptops home.\n\n"
        b"Regards,\nJane Doe\nHead of HR\n")
    files["english.md"] = (b"# Release notes\n\n- Fixed a bug\n- Added **bold** support\n\n"
                           b"| a | b |\n|---|---|\n| 1 | 2 |\n")
    files["data_csv.txt"] = ("id,ho_ten,ngay_sinh,so_cmnd\n" + "".join(
        f"{i},Nguyễn Văn {i},{1 + i % 28}/{1 + i % 12}/19{50 + i % 50},0{rng.randrange(10**8, 10**9)}\n"
        for i in range(300))).encode()
    files["poem.txt"] = ("Trăm năm trong cõi người ta,\nChữ tài chữ mệnh khéo là ghét nhau.\n"
                         "Trải qua một cuộc bể dâu,\nNhững điều trông thấy mà đau đớn lòng.\n").encode()
    files["source_code.md"] = b"```python\nimport re\nprint(re.sub(r'(a+)+$', '', 'a' * 30 + '!'))\n```\n"
    files["html_page.txt"] = ("<!DOCTYPE html><html><head><title>Cổng thông tin</title></head><body>"
                              + "<div>" * 500 + "Số: 1/UBND" + "</div>" * 500 + "</body></html>\n").encode()
    files["json.md"] = b'{"so": "1/UBND", "ngay": "2020-01-01", "nested": ' + b"[" * 2000 + b"]" * 2000 + b"}\n"
    files["pdf_named_text.pdf"] = VIETNAMESE.encode()  # text with a .pdf suffix: told by content
    files["text_named_docx.docx"] = VIETNAMESE.encode()
    return files


def _declare_size(data: bytes, member: str, size: int) -> bytes:
    """Patch the uncompressed size of `member` in its local header and the central directory."""
    out = bytearray(data)
    name = member.encode()
    for sig, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (at := out.find(sig, start)) >= 0:
            start = at + 4
            if out[at + name_at: at + name_at + len(name)] == name:
                out[at + size_at: at + size_at + 4] = size.to_bytes(4, "little")
    return bytes(out)


ENCRYPTED = {
    "encrypted_open_password.pdf": ("x", None),
    "encrypted_permissions_only.pdf": (None, "owner"),
}
"""Password-protected PDFs: name -> (password to open, permissions password)."""


def make_encrypted(path: Path, user: str | None, owner: str | None) -> str:
    """A small PDF protected by a password, by the first tool available; returns the tool's name."""
    text = VIETNAMESE
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        plain = tmpdir / "plain.pdf"
        tools: list[tuple[str, Callable[[], None]]] = []
        if shutil.which("qpdf"):
            def by_qpdf() -> None:
                _blank_to(plain)
                subprocess.run(["qpdf", "--encrypt", user or "", owner or "x", "256", "--", str(plain), str(path)],
                               check=True, capture_output=True)
            tools.append(("qpdf", by_qpdf))
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            def by_soffice() -> None:
                source = tmpdir / "encrypted.txt"
                source.write_text(text, encoding="utf-8")
                options = ({"EncryptFile": {"type": "boolean", "value": "true"},
                            "DocumentOpenPassword": {"type": "string", "value": user}} if user else
                           {"RestrictPermissions": {"type": "boolean", "value": "true"},
                            "PermissionPassword": {"type": "string", "value": owner},
                            "EnableCopyingOfContent": {"type": "boolean", "value": "false"},
                            "Changes": {"type": "long", "value": "0"}})
                subprocess.run([soffice, f"-env:UserInstallation={(tmpdir / 'profile').as_uri()}", "--headless",
                                "--convert-to", "pdf:writer_pdf_Export:" + json.dumps(options), "--outdir",
                                str(tmpdir / "out"), str(source)], check=True, capture_output=True, timeout=180)
                shutil.copyfile(tmpdir / "out" / "encrypted.pdf", path)
            tools.append(("soffice", by_soffice))
        for name, make in tools:
            try:
                make()
            except (OSError, subprocess.SubprocessError):
                continue
            return name
    raise SystemExit(f"cannot make {path.name}: install qpdf or LibreOffice (soffice)")


def _blank_to(path: Path) -> None:
    path.write_bytes(english_pdf())


def write_corpus(out: Path = OUT, *, force_encrypted: bool = False) -> list[str]:
    """Write the corpus to `out` (stale files of earlier runs removed); returns the names written."""
    out.mkdir(parents=True, exist_ok=True)
    files = corpus()
    keep = set(files) | set(ENCRYPTED)
    for old in out.iterdir():
        if old.is_file() and old.name not in keep:
            old.unlink()
    for name, data in files.items():
        target = out / name
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
    for name, (user, owner) in ENCRYPTED.items():
        target = out / name
        if force_encrypted or not target.exists():
            tool = make_encrypted(target, user, owner)
            print(f"{name}: made with {tool}", file=sys.stderr)
    return sorted([*files, *ENCRYPTED])


def write_big_text(path: Path, size: int = 50 * 2**20) -> Path:
    """A text file of about `size` bytes: the good seed documents, then pieces that look like documents.

    Not committed: tests call this into tmp_path.
    """
    rng = random.Random(SEED)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    pieces = [*seeds, VIETNAMESE, *(long_line(p, 2000) + "\n" for p in ADVERSARIAL_PIECES.values())]
    written = 0
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        while written < size:
            chunk = rng.choice(pieces) + "\n"
            handle.write(chunk)
            written += len(chunk.encode())
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (default tests/fixtures/bad)")
    parser.add_argument("--force-encrypted", action="store_true", help="remake the encrypted PDFs")
    parser.add_argument("--big", type=Path, metavar="PATH", help="also write the 50 MB text to PATH")
    args = parser.parse_args(argv)
    names = write_corpus(args.out, force_encrypted=args.force_encrypted)
    total = sum((args.out / n).stat().st_size for n in names)
    print(f"{len(names)} files, {total / 2**20:.1f} MiB in {args.out}", file=sys.stderr)
    if args.big:
        write_big_text(args.big)
        print(f"{args.big}: {args.big.stat().st_size / 2**20:.1f} MiB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
