#!/usr/bin/env python3
"""A well-behaved model: answers every request with the first label, uniform probabilities, a highlight of the
first token (by index and by quote) and a text that repeats the first input field.

Candor must record every request as ok, with this answer.
"""
import json
import sys


def send(message):
    sys.stdout.buffer.write(json.dumps(message).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


def answer(request):
    labels = request["task"]["labels"]
    field, value = next(iter(request.get("input", {}).items()), ("none", {}))
    tokens = value.get("tokens") or [""]
    return {
        "id": request["id"],
        "label": labels[0],
        "probabilities": {label: 1.0 / len(labels) for label in labels},
        "explanation": {
            "text": "echo: " + value.get("text", ""),
            "highlights": [{"field": field, "tokens": [0]}, {"field": field, "quote": tokens[0]}],
        },
    }


sys.stdin.buffer.readline()
send({"candor": 1, "op": "hello", "name": "echo", "version": "1.0",
      "capabilities": ["probabilities", "highlights", "text"]})
for line in sys.stdin.buffer:
    send(answer(json.loads(line)))
