#!/usr/bin/env python3
"""Answers every request, but under an id Candor never sent ("x-" + the request's id).

Candor must record each answer as an unknown-id incident and end every request as a protocol error after the
timeout, naming the unknown id.
"""
import json
import sys

sys.stdin.buffer.readline()
sys.stdout.write(json.dumps({"candor": 1, "op": "hello", "name": "unknown-ids", "version": "1.0"}) + "\n")
sys.stdout.flush()
for line in sys.stdin.buffer:
    request = json.loads(line)
    sys.stdout.write(json.dumps({"id": "x-" + request["id"], "label": request["task"]["labels"][0]}) + "\n")
    sys.stdout.flush()
