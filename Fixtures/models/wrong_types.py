#!/usr/bin/env python3
"""Answers every request with its probabilities as strings ("0.5" instead of 0.5).

Candor must end every request as a protocol error saying which key had the wrong type and what it found.
"""
import json
import sys

sys.stdin.buffer.readline()
sys.stdout.write(json.dumps({"candor": 1, "op": "hello", "name": "stringly", "version": "1.0"}) + "\n")
sys.stdout.flush()
for line in sys.stdin.buffer:
    request = json.loads(line)
    labels = request["task"]["labels"]
    sys.stdout.write(json.dumps({"id": request["id"], "label": labels[0],
                                 "probabilities": {label: "0.5" for label in labels}}) + "\n")
    sys.stdout.flush()
