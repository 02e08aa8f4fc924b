#!/usr/bin/env python3
"""Writes an import file of QUOTES quotes with their speakers and sources, as NDJSON in the export's format.

Usage: generate.py QUOTES FILE. Deterministic (a fixed seed): the same QUOTES give the same bytes. One speaker per ten
quotes, one source per ten quotes; each source body holds its quotes' texts between attributions and filler, and each
quote's span points at its text (in code points, like the database). Every 50th body opens with a character outside the
Basic Multilingual Plane, so a span counted in UTF-16 units would be caught.
"""
import json
import os
import random
import sys
import uuid

WORDS = ("missile treaty alliance deployment range europe dialogue defence security arms control verification "
         "compliance violation intermediate nuclear forces talks response measured steps partners allies threat "
         "deterrence stability agreement ministry statement concerns risks capability system launcher ground cruise "
         "balance region commitment transparency inspection reduction escalation summit council members").split()


def new_id(rng, clock=[1_580_000_000_000]):
    """A UUID v7 as the API makes them: a millisecond clock first, so ids are in time order, then random bits."""
    clock[0] += 1
    return str(uuid.UUID(int=(clock[0] << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62) | rng.getrandbits(62)))


def sentence(rng, low, high):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def record(kind, data):
    return json.dumps({"type": kind, "data": data}, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(quotes, path):
    rng = random.Random(4354)
    speakers = [(new_id(rng), f"Speaker {i}") for i in range(max(1, quotes // 10))]
    per_source = 10
    spilled = path + ".quotes"  # quotes come after every source, so they wait here, not in memory
    with open(path, "w", encoding="utf-8") as out, open(spilled, "w", encoding="utf-8") as later:
        for i, (speaker_id, name) in enumerate(speakers):
            out.write(record("speaker", {"id": speaker_id, "slug": f"speaker-{i}", "name": name, "kind": "person"}))
        for s in range((quotes + per_source - 1) // per_source):
            source_id = new_id(rng)
            body = ("\U0001F30D " if s % 50 == 0 else "") + sentence(rng, 6, 12) + "\n\n"
            for _ in range(min(per_source, quotes - s * per_source)):
                speaker_id, name = rng.choice(speakers)
                text = sentence(rng, 8, 24)
                body += f"{name} said: \u201c"
                start = len(body)
                body += text + "\u201d " + sentence(rng, 4, 10) + "\n\n"
                later.write(record("quote", {
                    "id": new_id(rng), "speakerId": speaker_id, "sourceId": source_id, "kind": "direct", "text": text,
                    "saidOn": f"2020-02-{rng.randint(1, 28):02d}", "span": {"start": start, "end": start + len(text)},
                }))
            out.write(record("source", {"id": source_id, "url": f"https://news.example/{s}", "publisher": "Example News",
                                        "publishedOn": "2020-02-12", "language": "en", "body": body}))
    with open(path, "a", encoding="utf-8") as out, open(spilled, encoding="utf-8") as later:
        for line in later:
            out.write(line)
    os.remove(spilled)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(int(sys.argv[1]), sys.argv[2])
