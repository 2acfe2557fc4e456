#!/usr/bin/env python3
"""A self-explaining keyword model for Candor, in the Python standard library only.

It counts words from a small lexicon for each label (positive and negative words, for the `sentiment` suite),
predicts the label with the most hits, and explains itself by highlighting the words it counted and saying so
in a sentence. Labels without a lexicon get no hits, so it answers every suite, if not always well.

Try it:  candor check-model -- python3 Examples/python/keyword_model.py
"""
import json
import re
import sys

LEXICON = {
    "positive": {"good", "great", "moving", "delightful", "wonderful", "superb", "brilliant", "gripping",
                 "charming", "joy", "loved", "fun", "beautiful", "clever", "touching", "stunning"},
    "negative": {"bad", "dull", "terrible", "boring", "bland", "disappointing", "pointless", "predictable",
                 "uninspired", "mess", "awful", "tedious", "weak", "clumsy", "hated", "lifeless"},
}


def count(tokens, labels):
    """Hits per label, and the positions of the tokens that were counted."""
    hits = {label: 0 for label in labels}
    positions = []
    for position, token in enumerate(tokens):
        for label in labels:
            if token.lower() in LEXICON.get(label, ()):
                hits[label] += 1
                positions.append(position)
    return hits, positions


def decide(hits, labels):
    """The label with the most hits (the first one on a tie), and add-one smoothed probabilities."""
    total = sum(hits.values()) + len(labels)
    probabilities = {label: (hits[label] + 1) / total for label in labels}
    best = max(labels, key=lambda label: (hits[label], -labels.index(label)))
    return best, probabilities


def explain(request):
    labels = request["task"]["labels"]
    answer = {"id": request["id"]}
    all_hits = {label: 0 for label in labels}
    highlights = []
    for field, value in request.get("input", {}).items():
        tokens = value.get("tokens") or []
        hits, positions = count(tokens, labels)
        for label in labels:
            all_hits[label] += hits[label]
        if positions:
            highlights.append({"field": field, "tokens": positions})
    answer["label"], answer["probabilities"] = decide(all_hits, labels)
    if request["op"] == "explain":
        counted = ", ".join(f"{all_hits[label]} {label}" for label in labels)
        words = [tokens_of(request, h["field"])[i] for h in highlights for i in h["tokens"]]
        said = " because of " + ", ".join(f'"{word}"' for word in words) if words else " with no keyword found"
        answer["explanation"] = {"text": f"Keyword counts: {counted}; predicted {answer['label']}{said}.",
                                 "highlights": highlights}
    return answer


def tokens_of(request, field):
    return request["input"][field].get("tokens") or []


def from_explanation(request):
    """Predicts from the explanation's words alone: its text and its quoted highlights."""
    labels = request["task"]["labels"]
    explanation = request.get("explanation", {})
    pieces = [explanation.get("text", "")] + [h.get("quote", "") for h in explanation.get("highlights", [])]
    hits, _ = count(re.findall(r"\w+", " ".join(pieces)), labels)
    label, probabilities = decide(hits, labels)
    return {"id": request["id"], "label": label, "probabilities": probabilities}


def main():
    for line in sys.stdin.buffer:
        message = json.loads(line)
        if message.get("op") == "hello":
            reply = {"candor": 1, "op": "hello", "name": "keyword-model", "version": "1.0",
                     "capabilities": ["probabilities", "highlights", "text", "predict-from-explanation"]}
        elif message.get("op") in ("explain", "predict"):
            reply = explain(message)
        elif message.get("op") == "predict-from-explanation":
            reply = from_explanation(message)
        else:
            reply = {"id": message.get("id", ""), "error": f"unsupported op: {message.get('op')}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
