#!/usr/bin/env python3
"""Gives a bot folder a large knowledge base, for the soak and build measures with documents loaded.

Usage:
    bench/make-knowledge-bot.py BOTDIR [--documents 10000] [--data DIR]

BOTDIR is a bot folder (e.g. from `bin/combot new-bot BOTDIR`). Writes --documents SQuAD v1.1 dev paragraphs
(../shared/data/squad-dev-passages/corpus.jsonl, CC BY-SA 4.0, read in place) into BOTDIR/knowledge as HTML, as
bench/knowledge writes its cold build: the corpus repeated in folders copy00, copy01 ..., each copy's titles numbered
("(edition 2)"), so that no two passages embed alike (10,000 documents make 10,756 passages). Routes the intent
`question` and `unknown` to `knowledge` in BOTDIR/bot.yaml. Then `bin/combot train BOTDIR` builds the index.
Python 3 standard library only.
"""
import argparse
import html
import json
import os
import sys


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("botdir")
    parser.add_argument("--documents", type=int, default=10000)
    parser.add_argument("--data", default=next((d for d in (os.path.join(root, "..", "shared", "data", "squad-dev-passages"),
                                                            os.path.join(root, "..", "..", "shared", "data", "squad-dev-passages"))
                                                if os.path.isfile(os.path.join(d, "corpus.jsonl"))), None))
    args = parser.parse_args()
    if not args.data:
        sys.exit("no squad-dev-passages folder found; give it with --data DIR")
    yaml_path = os.path.join(args.botdir, "bot.yaml")
    with open(yaml_path, encoding="utf-8") as f:
        yaml = f.read()
    question = "  - name: question\n    description: asks about the service or anything else\n    route: llm"
    if question in yaml:
        yaml = yaml.replace(question, question.replace("route: llm", "route: knowledge"))
    yaml = yaml.replace("unknown:\n  route: llm", "unknown:\n  route: knowledge")
    if "route: knowledge" not in yaml:
        sys.exit(yaml_path + ": found neither the shipped bot's question intent nor unknown routed to llm")
    with open(yaml_path, "w", encoding="utf-8") as f:
        f.write(yaml)

    with open(os.path.join(args.data, "corpus.jsonl"), encoding="utf-8") as f:
        corpus = [json.loads(line) for line in f]
    copies = (args.documents + len(corpus) - 1) // len(corpus)
    written = 0
    for copy in range(copies):
        for doc in corpus:
            if written == args.documents:
                break
            written += 1
            folder = os.path.join(args.botdir, "knowledge", "copy%02d" % copy if copies > 1 else "", doc["id"][:3])
            os.makedirs(folder, exist_ok=True)
            title = html.escape("%s (edition %d)" % (doc["title"], copy + 1), quote=False)
            with open(os.path.join(folder, doc["id"] + ".html"), "w", encoding="utf-8") as out:
                out.write("<h1>" + title + "</h1>\n<p>" + html.escape(doc["text"], quote=False) + "</p>\n")
    print("%d documents in %s; question and unknown routed to knowledge" % (written, os.path.join(args.botdir, "knowledge")))


if __name__ == "__main__":
    main()
