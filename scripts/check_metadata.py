"""Compare vbhc's reading of the shared corpus with the independent metadata in its sidecar files.

    python scripts/check_metadata.py [CORPUS_DIR] [-v] [--formats md,txt]

Each document `X.ext` of `shared/corpus/real/` has a sidecar `X.json` with metadata from its source
(thuvienphapluat attribute table: số hiệu, loại, người ký, ngày ban hành; vbpl.vn title line; numbers
from the office's file names). They are not gold, but they are independent of vbhc: agreement rates over
the whole corpus show where the parser generalises and where it does not. Prints one line per field and,
with -v, each disagreement.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import vbhc

HERE = Path(__file__).resolve().parents[1]
KINDS = {"Quyết định": "quyet_dinh", "Công văn": "cong_van", "Thông báo": "thong_bao", "Kế hoạch": "ke_hoach",
         "Nghị quyết": "nghi_quyet", "Nghị định": "nghi_dinh", "Thông tư": "thong_tu", "Luật": "luat",
         "Chỉ thị": "chi_thi", "Công điện": "cong_dien", "Hướng dẫn": "huong_dan", "Kết luận": "ket_luan",
         "Quy định": "quy_dinh", "Pháp lệnh": "phap_lenh", "Văn bản hợp nhất": "van_ban_hop_nhat",
         "Tờ trình": "to_trinh", "Báo cáo": "bao_cao", "Biên bản": "bien_ban", "Giấy mời": "giay_moi"}


def _canon(s: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", s or "")).casefold().replace("đ", "d")


def _expected(meta: dict[str, object]) -> dict[str, str]:
    out: dict[str, str] = {}
    ident = meta.get("so_ky_hieu") or meta.get("so_ky_hieu_from_title")
    if isinstance(ident, str) and ident:
        out["ident"] = ident
    elif isinstance(meta.get("number_from_filename"), str):
        out["number"] = str(meta["number_from_filename"])
    loai = meta.get("loai_van_ban") or meta.get("type_from_filename")
    if isinstance(loai, str) and loai in KINDS:
        out["kind"] = KINDS[loai]
    if isinstance(meta.get("nguoi_ky"), str):
        out["signer"] = str(meta["nguoi_ky"])
    date = meta.get("ngay_ban_hanh")
    if isinstance(date, str) and re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", date):
        d, m, y = date.split("/")
        out["date"] = f"{y}-{int(m):02d}-{int(d):02d}"
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(HERE.parent / "shared" / "corpus" / "real"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--formats", default="md,txt,docx,pdf,doc")
    args = ap.parse_args()
    formats = {"." + f for f in args.formats.split(",")}
    right, total = Counter(), Counter()
    misses: list[str] = []
    for path in sorted(Path(args.corpus).iterdir()):
        if path.suffix not in formats or not path.with_suffix(".json").exists():
            continue
        want = _expected(json.loads(path.with_suffix(".json").read_text(encoding="utf-8")).get("metadata") or {})
        try:
            doc = vbhc.parse(path)
        except vbhc.VbhcError as exc:
            misses.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        h = doc.header
        got = {"ident": "/".join(str(x) for x in (h.number, h.year, h.symbol) if x),
               "number": h.number or "", "kind": doc.kind or "", "signer": doc.signer.name or "", "date": h.date or ""}
        for field, value in want.items():
            total[field] += 1
            if _canon(value) == _canon(got[field]):
                right[field] += 1
            else:
                misses.append(f"{path.name}: {field}: want {value!r} got {got[field]!r}")
    for field in sorted(total):
        print(f"{field:8s} {right[field]:4d}/{total[field]:<4d} {right[field] / total[field]:.3f}")
    if args.verbose:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
