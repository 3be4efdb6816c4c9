"""Pure-Python fuzz loop for vbhc.parse_text, for where atheris does not install (scripts/fuzz.sh uses it then).

    .venv/bin/python scripts/fuzz_fallback.py --seconds 120 [--seed N]

Random texts assembled from the grammar's pieces, mutated seeds (fuzz/corpus/) and random Unicode, for N
seconds; each goes through parse_text and a JSON round trip. An input that raises is written to
fuzz/findings/fallback-<sha1>.txt (UTF-8, surrogates escaped) with its traceback beside it (.trace). Exit
status 1 if anything was found.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FINDINGS = ROOT / "fuzz" / "findings"
CORPUS = ROOT / "fuzz" / "corpus"
PIECES = ("Số: ", "/", "UBND-VX", "ngày ", "tháng ", "năm ", "Căn cứ ", "Điều 1.", "- ", "Nơi nhận:", "KT. CHỦ TỊCH",
          "\n", "\n\n", "**", "|", " | ", "1", "2020", "a) ", "1.1.", "ĐẾN Số: ", "Ký bởi: ", "Trang 1", "[1]", "---",
          "    ", "\f", "\t", "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "V/v ", "Kính gửi:", "QUYẾT ĐỊNH", "PHỤ LỤC", "hoà", "uỷ", "\u202e", "\u200b", "\x00", "\ufeff")


def _seeds() -> list[str]:
    seeds = []
    for path in sorted(CORPUS.glob("*")):
        raw = path.read_bytes()
        seeds.append((raw[1:] if raw[:1] == b"\xff" else raw).decode("utf-8", "replace"))
    return seeds or ["Số: 1/UBND"]


def _random_char(rng: random.Random) -> str:
    while True:
        c = chr(rng.randrange(0x110000) if rng.random() < 0.3 else rng.randrange(0x300))
        if not 0xD800 <= ord(c) <= 0xDFFF:
            return c


def _input(rng: random.Random, seeds: list[str]) -> str:
    mode = rng.random()
    if mode < 0.4:
        return "".join(rng.choice(PIECES) if rng.random() < 0.8 else _random_char(rng)
                       for _ in range(rng.randrange(1, 120)))
    if mode < 0.8:
        text = list(rng.choice(seeds))
        for _ in range(rng.randrange(1, 20)):
            at = rng.randrange(len(text) + 1)
            op = rng.random()
            if op < 0.4:
                text[at:at] = list(rng.choice(PIECES))
            elif op < 0.7 and text:
                del text[at:at + rng.randrange(1, 30)]
            else:
                text[at:at] = [_random_char(rng)]
        return "".join(text)
    return rng.choice(PIECES) * rng.randrange(1, 3000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="pure-Python fuzz loop for vbhc.parse_text")
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    import vbhc
    from vbhc.models import Document

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    rng = random.Random(seed)
    seeds = _seeds()
    FINDINGS.mkdir(parents=True, exist_ok=True)
    runs = found = 0
    end = time.monotonic() + args.seconds
    while time.monotonic() < end:
        text = _input(rng, seeds)
        runs += 1
        try:
            doc = vbhc.parse_text(text)
            Document.model_validate_json(doc.model_dump_json())
        except Exception:
            found += 1
            digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
            (FINDINGS / f"fallback-{digest}.txt").write_bytes(text.encode("utf-8", "surrogateescape"))
            (FINDINGS / f"fallback-{digest}.trace").write_text(traceback.format_exc(), encoding="utf-8")
    print(f"fuzz_fallback: seed {seed}, {runs} inputs, {found} findings in {args.seconds:.0f} s", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
