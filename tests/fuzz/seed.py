#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target into a folder, from samples/, dictionaries/,
rules/ and tests/golden/ (files, and the attachments inside the sample e-mails), or with
make_seeds for the targets whose seeds must be built. Seeds are made afresh each time and
never kept in the source tree.

  seed.py TARGET --source DIR --out DIR [--make-seeds BINARY]
"""
import argparse
import email
import email.policy
import hashlib
import json
import pathlib
import shutil
import subprocess
import sys

TARGETS = ["mail", "docx", "xlsx", "html_text", "tnef", "dictionary", "rules", "numbers",
           "find_facts", "review_csv", "review_decisions", "store"]

NUMBERS = ["1,745", "64 356", "25-30k", "between 10 and 15", "a dozen", "twice", "sept", "23",
           "2024", "3,000 - 3,600", "1.2 million", "5bn", "twenty-five", "three hundred", "a few",
           "several", "a handful of", "10 to 15", "2024-10-07", "2024-10", "0.5", "1e9", "once"]


def sample_files(source):
    for root in [source / "samples" / "replies", source / "samples" / "holdout" / "replies"]:
        if root.is_dir():
            yield from sorted(p for p in root.rglob("*") if p.is_file())


def mail_parts(source):
    """(file name, content type, bytes) of every leaf part of every sample e-mail."""
    for path in sample_files(source):
        if path.suffix.lower() != ".eml":
            continue
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
        for part in message.walk():
            if part.is_multipart():
                continue
            data = part.get_payload(decode=True)
            if data:
                yield (part.get_filename() or "", part.get_content_type(), data)


def seeds(target, source):
    """Yields the bytes of each seed."""
    if target == "mail":
        for path in sample_files(source):
            if path.suffix.lower() == ".eml":
                yield path.read_bytes()
    elif target in ("docx", "xlsx"):
        for path in sample_files(source):
            if path.suffix.lower() == "." + target:
                yield path.read_bytes()
        for name, _, data in mail_parts(source):
            if name.lower().endswith("." + target):
                yield data
    elif target == "html_text":
        for path in sample_files(source):
            if path.suffix.lower() in (".html", ".htm"):
                yield path.read_bytes()
        for _, content_type, data in mail_parts(source):
            if content_type == "text/html":
                yield data
    elif target == "tnef":
        for name, content_type, data in mail_parts(source):
            if content_type == "application/ms-tnef" or name.lower() == "winmail.dat":
                yield data
    elif target == "dictionary":
        for name in ["vendors.tsv", "products.tsv", "organisations.tsv", "not_clinical_ai.tsv"]:
            yield name.encode() + b"\n" + (source / "dictionaries" / name).read_bytes()
    elif target == "rules":
        for path in sorted((source / "rules").glob("*.rules")):
            yield path.name.encode() + b"\n" + path.read_bytes()
    elif target == "numbers":
        for text in NUMBERS:
            yield text.encode()
    elif target == "find_facts":
        for path in sorted((source / "tests" / "golden" / "extract").glob("*.json")):
            extracted = json.loads(path.read_text(encoding="utf-8"))
            for part in extracted.get("parts", []):
                for page in part.get("pages", []):
                    if page.get("text"):
                        yield b"2024-10-07\n" + page["text"].encode()
        for path in sample_files(source):
            if path.suffix.lower() in (".txt", ".csv"):
                yield path.read_bytes()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=TARGETS)
    parser.add_argument("--source", type=pathlib.Path, required=True)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--make-seeds", type=pathlib.Path)
    args = parser.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    if args.target in ("review_csv", "review_decisions", "store"):
        if args.make_seeds is None:
            sys.exit("seed.py: %s needs --make-seeds" % args.target)
        subprocess.run([str(args.make_seeds), args.target, str(args.out)], check=True)
        return
    count = 0
    for data in seeds(args.target, args.source.resolve()):
        # Named by content, as libFuzzer names its corpus files: duplicates collapse.
        (args.out / hashlib.sha1(data).hexdigest()).write_bytes(data)
        count += 1
    if count == 0:
        sys.exit("seed.py: no seeds found for " + args.target)


if __name__ == "__main__":
    main()
