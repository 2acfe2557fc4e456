#!/usr/bin/env python3
"""Answers every request twice: first with the first label, then again with the last label.

Candor must keep the first answer (ok, first label) and record the second as a duplicate-id incident.
"""
import json
import sys

sys.stdin.buffer.readline()
sys.stdout.write(json.dumps({"candor": 1, "op": "hello", "name": "twice", "version": "1.0"}) + "\n")
sys.stdout.flush()
for line in sys.stdin.buffer:
    request = json.loads(line)
    labels = request["task"]["labels"]
    sys.stdout.write(json.dumps({"id": request["id"], "label": labels[0]}) + "\n")
    sys.stdout.write(json.dumps({"id": request["id"], "label": labels[-1]}) + "\n")
    sys.stdout.flush()
