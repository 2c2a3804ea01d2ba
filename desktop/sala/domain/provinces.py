"""Thailand's 77 provinces, in Thai and English, from PyThaiNLP's corpus."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Province:
    code: str  # the ISO-like English abbreviation, e.g. "CMI"
    name_th: str
    name_en: str

    def label(self, lang: str = "th") -> str:
        return self.name_th if lang == "th" else self.name_en


@cache
def all_provinces() -> tuple[Province, ...]:
    """Every province, sorted by Thai name (the corpus' order)."""
    rows = []
    with _corpus_file("thailand_provinces_th.csv").open(encoding="utf-8") as fh:
        for parts in csv.reader(fh):
            if len(parts) >= 4 and parts[0].strip():
                rows.append(Province(parts[3].strip(), parts[0].strip(), parts[2].strip()))
    return tuple(rows)


def _corpus_file(name: str) -> Path:
    """A file of PyThaiNLP's corpus, found without importing PyThaiNLP (~0.1 s) just to read it."""
    spec = find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("PyThaiNLP is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "corpus" / name


@cache
def _index() -> dict[str, Province]:
    idx: dict[str, Province] = {}
    for p in all_provinces():
        idx[p.code.casefold()] = p
        idx[p.name_th] = p
        idx[p.name_en.casefold()] = p
    return idx


def find_province(value: str) -> Province | None:
    """Look a province up by code, Thai name or English name (case-insensitive)."""
    return _index().get(value.strip().casefold()) or _index().get(value.strip())
