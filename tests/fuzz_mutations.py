"""Mutations of real-looking inputs, for the fuzz tests and the long fuzz run (benchmarks/fuzz.py).

Each mutation takes a document's text and a ``random.Random`` and returns a damaged variant, in
the ways crawls and mirrors damage reports: truncation, byte flips (after encoding), inserted and
deleted characters, re-encoding in the wrong codec, shuffled and duplicated lines (table rows),
cells glued together or split, huge, negative and full-width numbers, nested and unclosed tags.
"""

from __future__ import annotations

import random
import re

__all__ = ["MUTATIONS", "mutate", "ENCODINGS"]

ENCODINGS = ("utf-8", "gb18030", "gbk", "big5", "utf-16")


def truncate(text: str, rng: random.Random) -> str:
    return text[: rng.randrange(len(text) + 1)]


def insert_chars(text: str, rng: random.Random) -> str:
    alphabet = "0123456789一二三（）()、.:：/—|\t \n<>&;年月日件数计规章总计\u3000\ufffd\ue0a6?"
    chars = list(text)
    for _ in range(rng.randint(1, 20)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(alphabet))
    return "".join(chars)


def delete_chars(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(min(len(chars), rng.randint(1, 40))):
        del chars[rng.randrange(len(chars))]
    return "".join(chars)


def shuffle_lines(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    if len(lines) > 2:
        a = rng.randrange(len(lines))
        b = min(len(lines), a + rng.randint(2, 30))
        block = lines[a:b]
        rng.shuffle(block)
        lines[a:b] = block
    return "\n".join(lines)


def duplicate_lines(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    if lines:
        a = rng.randrange(len(lines))
        lines[a:a] = lines[a : a + rng.randint(1, 10)] * rng.randint(1, 3)
    return "\n".join(lines)


def glue_cells(text: str, rng: random.Random) -> str:
    """Remove the separators between neighbouring cells (a crawl that kept no cell breaks)."""
    lines = text.splitlines()
    if len(lines) > 3:
        a = rng.randrange(len(lines) - 1)
        b = min(len(lines), a + rng.randint(2, 16))
        lines[a:b] = ["".join(l.strip() for l in lines[a:b])]
    return "\n".join(lines)


def split_cells(text: str, rng: random.Random) -> str:
    return re.sub(r"\d{2,}", lambda m: " ".join(m.group()) if rng.random() < 0.3 else m.group(), text)


def weird_numbers(text: str, rng: random.Random) -> str:
    def repl(m: re.Match) -> str:
        r = rng.random()
        if r < 0.25:
            return str(rng.randint(10**12, 10**40))
        if r < 0.5:
            return "-" + m.group()
        if r < 0.75:
            return m.group().translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        return m.group() + "." + str(rng.randint(0, 9999))

    return re.sub(r"\d+", lambda m: repl(m) if rng.random() < 0.2 else m.group(), text)


def tags(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    out = []
    for line in lines:
        r = rng.random()
        if r < 0.1:
            line = "<td><span>" + line
        elif r < 0.2:
            line = line + "</td></tr><tr>"
        elif r < 0.25:
            line = "<div>" * rng.randint(1, 200) + line
        elif r < 0.3:
            line = "<table><tr><td colspan=99999 rowspan=-3>" + line
        out.append(line)
    if rng.random() < 0.5:
        out.insert(0, "<!DOCTYPE html><html><head><meta charset=gb2312><title>x</title></head><body>")
    return "\n".join(out)


MUTATIONS = {
    "truncate": truncate,
    "insert": insert_chars,
    "delete": delete_chars,
    "shuffle": shuffle_lines,
    "duplicate": duplicate_lines,
    "glue": glue_cells,
    "split": split_cells,
    "numbers": weird_numbers,
    "tags": tags,
}


def to_bytes(text: str, rng: random.Random) -> bytes:
    """Encode (possibly in a wrong codec, with flipped bytes) the way a crawl would deliver it."""
    codec = rng.choice(ENCODINGS)
    data = text.encode(codec, errors="replace")
    if rng.random() < 0.3 and data:
        buf = bytearray(data)
        for _ in range(rng.randint(1, 16)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        data = bytes(buf)
    return data


def mutate(text: str, rng: random.Random, rounds: int = 2) -> tuple[str, list[str]]:
    names = [rng.choice(sorted(MUTATIONS)) for _ in range(rng.randint(1, rounds))]
    for name in names:
        text = MUTATIONS[name](text, rng)
    return text, names
