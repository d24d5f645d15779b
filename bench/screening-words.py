#!/usr/bin/env python3
"""The crisis head over the embedding alone against the embedding and the text's words, with the threshold rules that
docs/ml.md ("How the rule and the data were chosen") compared: word features scaled 0 (the embedding alone), 0.5, 1
and 2 against the embedding's unit length, L2 1e-4 and 1e-3, and thresholds at the 0/1/2/5/10 % quantiles of the
out-of-fold crisis scores times 1, 0.5 and 0.2. Reuses bench/screening-classifiers.py's data, grouped folds,
weighted logistic regression and held-out screening (the part of that script before its own methods run).

    ML_JAVA_OPTS=-Xmx1g bin/ml dump [BOT_DIR]
    OPENBLAS_NUM_THREADS=1 python3 bench/screening-words.py [DUMP_DIR]

With a copy of the shipped bot whose screening/heldout.tsv is bench/screening-blind.tsv as BOT_DIR, the held-out
figures are the blind set's.
"""
import collections
import pathlib
import re
import sys

import numpy as np

dump = sys.argv[1] if len(sys.argv) > 1 else "adapters-ml/target/screening-dump/"
source = (pathlib.Path(__file__).parent / "screening-classifiers.py").read_text()
shared = {}
sys.argv = [sys.argv[0], dump.rstrip("/") + "/"]
exec(compile(source[:source.index('print(f"{len(y)} training rows')], "screening-classifiers.py", "exec"), shared)
X, y, H, held, fold, weight = (shared[k] for k in ("X", "y", "H", "held", "fold", "weight"))
train_texts = [r["text"] for r in shared["train"]]
held_texts = [r["text"] for r in held]


def tokens(text):
    """Words and pairs of adjacent words, as WordFeatures reads them (letters only here)."""
    words = re.sub(r"[^a-z ]", " ", text.lower().replace("'", "")).split()
    return set(words + [a + "_" + b for a, b in zip(words, words[1:])])


def vocabulary(texts, min_texts=3):
    counts = collections.Counter(t for text in texts for t in tokens(text))
    return {t: i for i, t in enumerate(sorted(t for t, n in counts.items() if n >= min_texts))}


def features(texts, vocab, scale):
    F = np.zeros((len(texts), len(vocab)))
    for i, text in enumerate(texts):
        for t in tokens(text):
            if t in vocab:
                F[i, vocab[t]] = 1
    return scale * F / np.sqrt(np.maximum(F.sum(1, keepdims=True), 1))


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


for scale, l2 in ((s, l) for s in (0.0, 0.5, 1.0, 2.0) for l in (1e-4, 1e-3)):
    oof = np.zeros(len(y))
    for f in range(shared["FOLDS"]):
        inside = fold != f
        vocab = vocabulary([t for t, keep in zip(train_texts, inside) if keep])
        A = np.hstack([X, features(train_texts, vocab, scale)])
        beta = shared["logistic"](A[inside], y[inside], weight[inside], l2 / 2)
        oof[~inside] = sigmoid(A[~inside] @ beta[:-1] + beta[-1])
    vocab = vocabulary(train_texts)
    A = np.hstack([X, features(train_texts, vocab, scale)])
    B = np.hstack([H, features(held_texts, vocab, scale)])
    beta = shared["logistic"](A, y, weight, l2 / 2)
    scores = sigmoid(B @ beta[:-1] + beta[-1])
    crisis = np.sort(oof[y == 1])
    print(f"word scale {scale}, L2 {l2}: {len(vocab)} words and pairs")
    print("| rule | threshold | single | compound | benign flagged | other intents flagged |")
    print("|---|---|---|---|---|---|")
    for share in (0.0, 0.01, 0.02, 0.05, 0.10):
        quantile = crisis[int(np.floor(share * len(crisis)))]
        for margin in (1.0, 0.5, 0.2):
            print(shared["blind_report"](f"{100 * share:.0f} % quantile x {margin}", scores, quantile * margin))
