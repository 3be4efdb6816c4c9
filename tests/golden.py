"""Field-by-field comparison of a parsed Document with a gold file (`*.expected.json`).

The same reading as the project's scorer: text compared on a canonical form (Unicode NFC, tone marks
placed alike so that hoà == hòa, case folded, white space collapsed; list items without a leading dash
and trailing ";,.:" marks; a subject without "V/v"); lists compared as multisets; references keyed by
number + year + symbol (kind + date, or kind + title, when unnumbered); directives by label path and the
first 60 characters of text. A key missing from the gold file is not judged.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _syllable(m: re.Match[str]) -> str:
    d = unicodedata.normalize("NFD", m.group(0))
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES) + "".join(c for c in d if c in _TONES))


def canon(s: Any) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s)).replace("\u00a0", " ").replace("–", "-").replace("—", "-")
    s = re.sub(r"\w+", _syllable, s)
    return re.sub(r"\s+", " ", s).strip().casefold()


def item(s: Any) -> str:
    return re.sub(r"^[-+•*]\s*", "", canon(s)).rstrip(" ;,.:").strip()


def subject(s: Any) -> str:
    return re.sub(r"^(v/v|về việc|ve viec)\s*:?\s*", "", item(s))


def ref_key(r: dict[str, Any]) -> tuple[str, ...]:
    num, sym = canon(r.get("number")), canon(r.get("symbol")).replace(" ", "")
    if num or sym:
        return (num, str(r.get("year") or ""), sym)
    if r.get("date"):
        return ("unnumbered", str(r.get("kind") or ""), str(r["date"])[:10])
    return ("unnumbered", str(r.get("kind") or ""), subject(r.get("title"))[:40])


def _directives(items: list[dict[str, Any]] | None, prefix: tuple[str, ...] = ()) -> list[Any]:
    out: list[Any] = []
    for it in items or []:
        path = (*prefix, canon(it.get("label")))
        out.append((path, item(it.get("text"))[:60]))
        out.extend(_directives(it.get("children"), path))
    return out


def _multiset_misses(field: str, want: list[Any], got: list[Any]) -> list[str]:
    rest = list(got)
    missing = []
    for x in want:
        if x in rest:
            rest.remove(x)
        else:
            missing.append(x)
    return [f"{field}: missing {missing!r} extra {rest!r}"] if missing or rest else []


def compare(want: dict[str, Any], got: dict[str, Any], where: str = "") -> list[str]:
    """Every difference between the gold `want` and the parse `got`, as readable lines."""
    misses: list[str] = []

    def scalar(field: str, w: Any, g: Any) -> None:
        if w != g:
            misses.append(f"{where}{field}: want {w!r} got {g!r}")

    if "kind" in want:
        scalar("kind", want["kind"], got.get("kind"))
    wh, gh = want.get("header") or {}, got.get("header") or {}
    for f in ("national_name", "motto", "parent_agency", "issuer", "number", "place"):
        if f in wh:
            scalar(f"header.{f}", canon(wh[f]), canon(gh.get(f)))
    if "symbol" in wh:
        scalar("header.symbol", canon(wh["symbol"]).replace(" ", ""), canon(gh.get("symbol")).replace(" ", ""))
    for f in ("year", "date"):
        if f in wh:
            scalar(f"header.{f}", wh[f], gh.get(f))
    if "subject" in want:
        scalar("subject", subject(want["subject"]), subject(got.get("subject")))
    lists = {
        "addressees": lambda d: [item(x) for x in d.get("addressees") or []],
        "references": lambda d: [ref_key(r) for r in d.get("references") or []],
        "legal_bases": lambda d: [ref_key(r) for b in d.get("legal_bases") or [] for r in b.get("references") or []],
        "directives": lambda d: _directives(d.get("directives")),
        "recipients": lambda d: [item(r.get("name")) for r in d.get("recipients") or []],
        "archive": lambda d: [item(x) for x in d.get("archive") or []],
    }
    for field, read in lists.items():
        if field in want:
            misses += [where + m for m in _multiset_misses(field, read(want), read(got))]
    if "references" in want:
        got_refs = {ref_key(r): r for r in got.get("references") or []}
        for r in want["references"]:
            g = got_refs.get(ref_key(r))
            if g is not None:
                scalar(f"references[{ref_key(r)}].date", r.get("date"), g.get("date"))
                scalar(f"references[{ref_key(r)}].kind", r.get("kind"), g.get("kind"))
    ws, gs = want.get("signer") or {}, got.get("signer") or {}
    if "authority" in ws:
        scalar("signer.authority", [canon(a) for a in ws["authority"]], [canon(a) for a in gs.get("authority") or []])
    for f in ("position", "name"):
        if f in ws:
            scalar(f"signer.{f}", canon(ws[f]), canon(gs.get(f)))
    if "attachments" in want:
        wa, ga = want["attachments"] or [], got.get("attachments") or []
        scalar("attachments.count", len(wa), len(ga))
        for i, a in enumerate(wa):
            misses += compare(a, ga[i] if i < len(ga) else {}, f"{where}attachments[{i}].")
    return misses
