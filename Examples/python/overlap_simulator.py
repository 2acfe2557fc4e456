#!/usr/bin/env python3
"""An external simulator for Candor, in the Python standard library only.

Candor's simulatability scorers (`las`, `counterfactual-simulation`) ask a simulator to predict what the subject
model answers, from an input, an explanation, or both, given examples of the subject's earlier answers. This one
stands where an LLM judge would: it calls the label of the example that shares the most words with what it is
shown (the input, and the explanation's text and quoted highlights, which count twice), and says "cannot tell"
(label null) when nothing is shared or two labels tie.

Try it:  candor score --simulator-command "python3 Examples/python/overlap_simulator.py" --scorer las
"""
import json
import re
import sys

WORD = re.compile(r"[a-z0-9]+")


def words(value):
    """The lower-cased words of every string in a wire value; a table cell `name: value` as `name=value`."""
    found = []
    if isinstance(value, str):
        found += WORD.findall(value.lower())
    elif isinstance(value, list):
        for item in value:
            found += words(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "tokens":
                continue  # the same words as "text"
            if isinstance(item, (int, float, str)) and key not in ("text", "quote", "field"):
                found.append(f"{key.lower()}={str(item).lower()}")
            else:
                found += words(item)
    return found


def shown(case):
    """Word → weight of what a case shows: its input once, its explanation twice."""
    weights = {}
    for word in words(case.get("input") or {}):
        weights[word] = weights.get(word, 0) + 1
    for word in words(case.get("explanation") or {}):
        weights[word] = weights.get(word, 0) + 2
    return weights


def simulate(request):
    labels = request["task"]["labels"]
    query = shown(request)
    scores = {label: 0 for label in labels}
    for example in request.get("examples") or []:
        if example.get("label") not in scores:
            continue
        other = shown(example)
        scores[example["label"]] += sum(min(weight, other[word]) for word, weight in query.items() if word in other)
    ranked = sorted(labels, key=lambda label: -scores[label])
    if not ranked or scores[ranked[0]] == 0 or (len(ranked) > 1 and scores[ranked[0]] == scores[ranked[1]]):
        return {"id": request["id"], "label": None}
    return {"id": request["id"], "label": ranked[0]}


def main():
    for line in sys.stdin:
        try:
            request = json.loads(line)
        except ValueError:
            continue
        op = request.get("op")
        if op == "hello":
            answer = {"candor": 1, "op": "hello", "name": "overlap-simulator", "version": "1.0",
                      "capabilities": ["simulate"]}
        elif op == "simulate":
            answer = simulate(request)
        else:
            answer = {"id": request.get("id", ""), "error": f"only simulate is answered, not {op}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
