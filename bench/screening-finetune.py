#!/usr/bin/env python3
"""Fine-tunes the service's own encoder (all-MiniLM-L6-v2, rebuilt in PyTorch from its ONNX export) as a crisis
classifier on the crisis head's training rows, and screens the held-out sets with it beside the shipped screening.
Run by bench/screening-finetune, which makes the dumps and the Python environment:

    python -P bench/screening-finetune.py MODEL_DIR SEED EPOCHS DUMP [DUMP ...]

MODEL_DIR holds all-minilm-l6-v2.onnx (float) and all-minilm-l6-v2-tokenizer.json. Each DUMP is the output of
`bin/ml dump` on a copy of the shipped bot with one screening set as its screening/heldout.tsv; the first one's
train.tsv (the crisis head's rows, as CrisisHeadTrainer builds them) is the training set, and its held-out messages
choose the fine-tuned model's threshold: the lowest score of a crisis message there, as the shipped margin was chosen
on that set. Every message is scored whole and part by part (the dump's parts are the service's), and its score is the
highest. Per set and method: single and compound crisis messages caught, benign and other-intent messages flagged, and
the benign messages flagged at that set's own full recall (threshold read off the set: what the score could do).
"""
import random
import sys
import time

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

BATCH = 16
MAX_TOKENS = 256


def encoder(model_dir):
    """BertModel with the ONNX export's weights; the export names every tensor but its MatMul weights, transposed."""
    graph = onnx.load(f"{model_dir}/all-minilm-l6-v2.onnx").graph
    tensors = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    state = {k: torch.tensor(v) for k, v in tensors.items()
             if not k.startswith("onnx::") and k != "embeddings.position_ids"}
    for node in graph.node:
        if node.op_type == "MatMul" and node.input[1].startswith("onnx::"):
            name = node.name.strip("/").removesuffix("/MatMul").replace("/", ".") + ".weight"
            state[name] = torch.tensor(tensors[node.input[1]]).T.contiguous()
    config = BertConfig(vocab_size=30522, hidden_size=384, num_hidden_layers=6, num_attention_heads=12,
                        intermediate_size=1536, max_position_embeddings=512, type_vocab_size=2)
    model = BertModel(config, add_pooling_layer=False)
    loaded = model.load_state_dict(state, strict=False)
    assert not loaded.unexpected_keys and all("position_ids" in k for k in loaded.missing_keys), loaded
    return model


class Screener(torch.nn.Module):
    """The encoder's mean-pooled, normalised embedding, as the service pools it, and one logistic output."""

    def __init__(self, model_dir):
        super().__init__()
        self.encoder = encoder(model_dir)
        self.out = torch.nn.Linear(384, 1)

    def forward(self, ids, mask):
        hidden = self.encoder(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
        weights = mask.unsqueeze(-1).float()
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1)
        return self.out(torch.nn.functional.normalize(pooled, dim=-1) * 10).squeeze(-1)


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t", len(header) - 1))) for line in f if line.strip()]


def messages(dump):
    """(set, message) -> group, [(text, shipped score)] over the whole message and its parts."""
    found = {}
    for row in read_rows(f"{dump}/heldout.tsv"):
        key = (row["set"], row["message"])
        shipped = 1.0 if row["phrase"] in ("1", "true") else float(row["java"])
        found.setdefault(key, [row["group"], []])[1].append((row["text"], shipped))
    return list(found.values())


def fine_tune(model_dir, tokenizer, rows, epochs):
    model = Screener(model_dir)
    positives = sum(y for y, _ in rows)
    loss = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((len(rows) - positives) / positives))
    optimiser = torch.optim.AdamW([{"params": model.encoder.parameters(), "lr": 3e-5},
                                   {"params": model.out.parameters(), "lr": 1e-3}], weight_decay=0.01)
    steps = epochs * ((len(rows) + BATCH - 1) // BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, s / (0.1 * steps)) * max(0.0, (steps - s) / steps))
    started = time.time()
    for epoch in range(epochs):
        model.train()
        # Batches of similar length, in random order: short texts need not be padded to the longest.
        order = sorted(range(len(rows)), key=lambda i: (len(rows[i][1]) // 40, random.random()))
        batches = [order[s:s + BATCH] for s in range(0, len(order), BATCH)]
        random.shuffle(batches)
        total = 0.0
        for batch in batches:
            encoded = tokenizer([rows[i][1] for i in batch], padding=True, truncation=True,
                                max_length=MAX_TOKENS, return_tensors="pt")
            value = loss(model(encoded["input_ids"], encoded["attention_mask"]),
                         torch.tensor([float(rows[i][0]) for i in batch]))
            optimiser.zero_grad()
            value.backward()
            optimiser.step()
            schedule.step()
            total += value.item() * len(batch)
        print(f"epoch {epoch + 1}: loss {total / len(rows):.4f}, {time.time() - started:.0f} s", flush=True)
    return model.eval()


def scores(model, tokenizer, texts):
    result = np.zeros(len(texts))
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    with torch.no_grad():
        for s in range(0, len(order), 64):
            batch = order[s:s + 64]
            encoded = tokenizer([texts[i] for i in batch], padding=True, truncation=True,
                                max_length=MAX_TOKENS, return_tensors="pt")
            result[batch] = torch.sigmoid(model(encoded["input_ids"], encoded["attention_mask"])).numpy()
    return result


def summary(name, groups, score, threshold):
    def count(group):
        members = score[groups == group]
        return f"{(members >= threshold).sum()}/{len(members)}"
    crisis = score[(groups == "single") | (groups == "compound")]
    benign = score[groups == "benign"]
    at_full_recall = (benign >= crisis.min()).sum()
    return (f"  {name:34s} single {count('single'):9s} compound {count('compound'):9s} "
            f"benign {count('benign'):9s} ({100 * (benign >= threshold).mean():4.1f} %) "
            f"other {count('other'):7s} | benign at full recall {at_full_recall} "
            f"({100 * at_full_recall / len(benign):.1f} %)")


def main():
    model_dir, seed, epochs, dumps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(2)
    tokenizer = PreTrainedTokenizerFast(tokenizer_file=f"{model_dir}/all-minilm-l6-v2-tokenizer.json",
                                        pad_token="[PAD]", unk_token="[UNK]", cls_token="[CLS]", sep_token="[SEP]")
    rows = [(int(r["label"]), r["text"]) for r in read_rows(f"{dumps[0]}/train.tsv")]
    print(f"training rows {len(rows)}, crisis {sum(y for y, _ in rows)}; seed {seed}, {epochs} epochs", flush=True)
    model = fine_tune(model_dir, tokenizer, rows, epochs)
    shipped_threshold = float(open(f"{dumps[0]}/head.txt").read().split()[1])

    evaluated = []
    for dump in dumps:
        found = messages(dump)
        texts = [text for _, parts in found for text, _ in parts]
        tuned = iter(scores(model, tokenizer, texts))
        groups = np.array([group for group, _ in found])
        shipped = np.array([max(s for _, s in parts) for _, parts in found])
        fine = np.array([max(next(tuned) for _ in parts) for _, parts in found])
        evaluated.append((dump, groups, shipped, fine))
    _, groups, _, fine = evaluated[0]
    threshold = fine[(groups == "single") | (groups == "compound")].min()
    for dump, groups, shipped, fine in evaluated:
        print(dump)
        print(summary(f"shipped screening ({shipped_threshold:.4f})", groups, shipped, shipped_threshold))
        print(summary(f"fine-tuned, first set's ({threshold:.4f})", groups, fine, threshold))
        print(summary("fine-tuned at 0.5", groups, fine, 0.5))
        print(summary("mean of the two, at the means", groups, (shipped + fine) / 2, (shipped_threshold + threshold) / 2))


if __name__ == "__main__":
    main()
