#!/usr/bin/env python3
"""CLINC150 through the service: `convert` writes a bot folder from data_full.json, `ask` sends the test split to a
running service and prints the figures. Used by bench/clinc150; nothing of the data set is kept in the repository.

Data: Larson et al., "An Evaluation Dataset for Intent Classification and Out-of-Scope Prediction", EMNLP-IJCNLP
2019 (github.com/clinc/oos-eval), CC BY 3.0. The folder written here carries its SOURCE.md and LICENSE.
"""
import json
import pathlib
import shutil
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

# The paper's Table 2 (Full), in-scope accuracy / out-of-scope recall, with a threshold on the classifier's confidence.
ANCHORS = [("BERT (threshold)", 0.962, 0.523), ("Rasa (threshold)", 0.909, 0.312)]


def clean(text):
    return " ".join(text.split())


def convert(data_dir, bot_dir):
    data_dir, bot = pathlib.Path(data_dir), pathlib.Path(bot_dir)
    data = json.loads((data_dir / "data_full.json").read_text(encoding="utf-8"))
    intents = sorted({intent for _, intent in data["train"]})
    bot.mkdir(parents=True)
    lines = ["name: clinc150", "intents:"]
    for intent in intents:
        lines += [f"  - name: {intent}", "    route: reply", f"    replies: [\"({intent})\"]"]
    (bot / "bot.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def tsv(rows, oos_rows, header):
        out = [header]
        seen = set()
        for text, intent in rows + [(text, "unknown") for text, _ in oos_rows]:
            key = clean(text).lower()
            if key and key not in seen:
                seen.add(key)
                out.append(f"{intent}\t{clean(text)}")
        return "\n".join(out) + "\n"

    # train and its out-of-scope training queries to learn from; val (and oos_val) only to select: the held-out set.
    (bot / "train.tsv").write_text(tsv(data["train"], data["oos_train"], "# CLINC150 train + oos_train (CC BY 3.0)"),
                                   encoding="utf-8")
    (bot / "heldout.tsv").write_text(tsv(data["val"], data["oos_val"], "# CLINC150 val + oos_val (CC BY 3.0)"),
                                     encoding="utf-8")
    for name in ("SOURCE.md", "LICENSE"):
        shutil.copy(data_dir / name, bot / name)
    print(f"wrote {bot}: {len(intents)} intents", file=sys.stderr)


def ask(data_dir, url, split="test", workers=4):
    data = json.loads((pathlib.Path(data_dir) / "data_full.json").read_text(encoding="utf-8"))
    queries = ([(text, intent) for text, intent in data[split]]
               + [(text, "unknown") for text, _ in data["oos_" + split]])

    def classify(query):
        body = json.dumps({"text": query[0]}).encode("utf-8")
        request = urllib.request.Request(url + "/api/v1/classify", data=body,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.loads(response.read())
        return query[1], answer["intent"], answer.get("crisisPart"), query[0]

    with ThreadPoolExecutor(workers) as pool:
        answers = list(pool.map(classify, queries))
    in_scope = [(want, got) for want, got, _, _ in answers if want != "unknown"]
    oos = [(want, got) for want, got, _, _ in answers if want == "unknown"]
    accuracy = sum(want == got for want, got in in_scope) / len(in_scope)
    recall = sum(got == "unknown" for _, got in oos) / len(oos)
    safety = sum(got == "crisis" for _, got, _, _ in answers)
    by_part = sum(got == "crisis" and part is not None for _, got, part, _ in answers)
    print(f"CLINC150 {split} through the service ({len(in_scope)} in-scope and {len(oos)} out-of-scope queries, "
          f"POST /api/v1/classify):")
    print(f"  {'Combot':<20} in-scope accuracy {accuracy:.3f}, out-of-scope recall {recall:.3f}")
    for name, acc, rec in ANCHORS:
        print(f"  {name:<20} in-scope accuracy {acc:.3f}, out-of-scope recall {rec:.3f} (Larson et al. 2019)")
    print(f"  safety reply: {safety} of {len(answers)} ordinary queries ({100 * safety / len(answers):.2f} %), "
          f"{by_part} of them from one part of the query")
    if split == "val":
        # Only the split that selects is read query by query; the test split is reported as figures alone.
        for want, got, _, text in answers:
            if got == "crisis":
                print(f"    safety reply: {want}: {text}")


if __name__ == "__main__":
    if sys.argv[1] == "convert":
        convert(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "ask":
        ask(sys.argv[2], sys.argv[3], *sys.argv[4:5])
    else:
        sys.exit("usage: clinc150.py convert DATA_DIR BOT_DIR | ask DATA_DIR URL [test|val]")
