#!/usr/bin/env python3
"""The crisis head (embedding and words, as CrisisHeadTrainer fits it) against the mean of its standardised logit and
a k-NN score over the embeddings (mean cosine of the k nearest crisis rows minus that of the k nearest other rows), on
the validation set and the two blind sets, each read from a dump of `bin/ml dump`:

    ML_JAVA_OPTS=-Xmx1g bin/ml dump && mv adapters-ml/target/screening-dump DUMPS/val
    # a copy of the shipped bot with bench/screening-blind.tsv (then -2.tsv) as its screening/heldout.tsv:
    ML_JAVA_OPTS=-Xmx1g bin/ml dump COPY && mv adapters-ml/target/screening-dump DUMPS/blind1   (and DUMPS/blind2)
    OPENBLAS_NUM_THREADS=1 python3 bench/screening-ensemble.py DUMPS

Folds are grouped by screening message (numpy's own, not Java's), so the threshold of the logistic head alone differs
a little from the shipped one; the first line is the shipped head's own scores from the dump. Each line: the rule's
threshold (the out-of-fold score 95 % of crisis rows reach; for the logistic head 0.6 x that, as shipped), then per
set: single and compound crisis messages caught, benign and other-intent messages flagged, and in brackets the benign
messages flagged at 100 / 99 / 98 % recall of that set's crisis messages with the threshold read off the set itself
(optimistic: what the score could do, whatever the rule).
"""
import collections
import csv
import re
import sys

import numpy as np

FOLDS = 5
L2 = 1e-4
SETS = ("val", "blind1", "blind2")


def read(directory, name):
    with open(f"{directory}/{name}", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def tokens(text):
    """Words and pairs of adjacent words, as WordFeatures reads them (letters only here)."""
    words = re.sub(r"[^a-z ]", " ", text.lower().replace("'", "").replace("\u2019", "")).split()
    return set(words + [a + "_" + b for a, b in zip(words, words[1:])])


def vocabulary(texts, min_texts=3):
    counts = collections.Counter(t for text in texts for t in tokens(text))
    return {t: i for i, t in enumerate(sorted(t for t, n in counts.items() if n >= min_texts))}


def with_words(embeddings, texts, vocab):
    words = np.zeros((len(texts), len(vocab)))
    for i, text in enumerate(texts):
        for t in tokens(text):
            if t in vocab:
                words[i, vocab[t]] = 1
    return np.hstack([embeddings, words / np.sqrt(np.maximum(words.sum(1, keepdims=True), 1))])


def logistic(a, labels, weights, l2):
    """Weighted binary logistic regression by Newton: mean weighted log-loss + l2/2 |w|^2 (bias free)."""
    a = np.hstack([a, np.ones((len(a), 1))])
    reg = np.full(a.shape[1], l2)
    reg[-1] = 0
    beta = np.zeros(a.shape[1])
    share = weights / weights.sum()
    for _ in range(60):
        p = 1 / (1 + np.exp(-(a @ beta)))
        step = np.linalg.solve((a * (share * p * (1 - p))[:, None]).T @ a + np.diag(reg + 1e-10),
                               a.T @ (share * (p - labels)) + reg * beta)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return beta


def knn(queries, rows, labels, k):
    similarity = queries @ rows.T
    nearest = lambda s: np.sort(s, 1)[:, -k:].mean(1)
    return nearest(similarity[:, labels == 1]) - nearest(similarity[:, labels == 0])


dumps = sys.argv[1].rstrip("/")
train = read(f"{dumps}/val", "train.tsv")
X = np.load(f"{dumps}/val/train.npy").astype(float)
y = np.array([int(r["label"]) for r in train])
texts = [r["text"] for r in train]
weight = np.where(y == 1, round((y == 0).sum() / (y == 1).sum()), 1.0)

# Folds: the rows of one screening message (benign messages share sentences) together, stratified greedily.
parent = list(range(len(y)))


def root(a):
    while parent[a] != a:
        parent[a] = parent[parent[a]]
        a = parent[a]
    return a


by_message = collections.defaultdict(list)
for r in read(f"{dumps}/val", "train-messages.tsv"):
    by_message[r["message"]].append(int(r["row"]))
for rows in by_message.values():
    for r in rows[1:]:
        parent[root(r)] = root(rows[0])
groups = collections.defaultdict(list)
for i in range(len(y)):
    groups[root(i)].append(i)
fold = np.zeros(len(y), dtype=int)
load = np.zeros((FOLDS, 2))
for g in sorted(groups.values(), key=lambda g: (-len(g), min(g))):
    counts = np.bincount(y[g], minlength=2)
    f = int(np.argmin(load[:, int(counts[1] > 0)]))
    fold[g] = f
    load[f] += counts

held = {s: (read(f"{dumps}/{s}", "heldout.tsv"), np.load(f"{dumps}/{s}/heldout.npy").astype(float)) for s in SETS}


def report(name, threshold, score):
    line = [f"{name:<28} threshold {threshold:7.4f}"]
    for s, (rows, embeddings) in held.items():
        scores = score(embeddings, [r["text"] for r in rows]) if score else np.array([float(r["java"]) for r in rows])
        best, label, group = collections.defaultdict(lambda: -np.inf), {}, {}
        for r, v in zip(rows, scores):
            m = (r["set"], r["message"])
            best[m] = max(best[m], np.inf if r["phrase"] == "1" else v)
            label[m] = r["label"]
            group.setdefault(m, r["group"])
        kinds = collections.defaultdict(list)
        for m in best:
            own = m[0] != "heldout"
            kind = ("single" if group[m] == "single" or not own else "compound") if label[m] == "1" else (
                "benign" if own else "other")
            kinds[kind].append(best[m])
        crisis = np.sort(kinds["single"] + kinds["compound"])
        benign = np.array(kinds["benign"])
        curve = "/".join(str(int((benign >= crisis[int((1 - r) * len(crisis))]).sum())) for r in (1.0, 0.99, 0.98))
        n = {k: f"{sum(v >= threshold for v in kinds[k])}/{len(kinds[k])}" for k in kinds}
        line.append(f"{s}: {n['single']} {n['compound']}, benign {n['benign']}, other {n['other']} [{curve}]")
    print(" | ".join(line), flush=True)


report("shipped head (Java)", float(open(f"{dumps}/val/head.txt").read().split("threshold\t")[1].split()[0]), None)
oof_logit = np.zeros(len(y))
oof_knn = {k: np.zeros(len(y)) for k in (3, 5, 10)}
for f in range(FOLDS):
    inside = fold != f
    vocab = vocabulary([t for t, keep in zip(texts, inside) if keep])
    a = with_words(X, texts, vocab)
    beta = logistic(a[inside], y[inside], weight[inside], L2 / 2)
    oof_logit[~inside] = a[~inside] @ beta[:-1] + beta[-1]
    for k in oof_knn:
        oof_knn[k][~inside] = knn(X[~inside], X[inside], y[inside], k)
vocab = vocabulary(texts)
beta = logistic(with_words(X, texts, vocab), y, weight, L2 / 2)
logit = lambda e, t: with_words(e, t, vocab) @ beta[:-1] + beta[-1]
probability = lambda e, t: 1 / (1 + np.exp(-logit(e, t)))
report("logistic, 0.6 x q5", 0.6 * np.quantile(1 / (1 + np.exp(-oof_logit[y == 1])), 0.05), probability)
standard = lambda v, oof: (v - oof.mean()) / oof.std()
for k, oof in oof_knn.items():
    for alpha in (0.3, 0.5):
        combined = (1 - alpha) * standard(oof_logit, oof_logit) + alpha * standard(oof, oof)
        score = lambda e, t, k=k, alpha=alpha, oof=oof: ((1 - alpha) * standard(logit(e, t), oof_logit)
                                                         + alpha * standard(knn(e, X, y, k), oof))
        report(f"logistic + {alpha} k-NN (k {k}), q5", np.quantile(combined[y == 1], 0.05), score)
