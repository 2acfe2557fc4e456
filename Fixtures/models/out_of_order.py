#!/usr/bin/env python3
"""Answers only after it has read K requests (argv[1], default 4), then answers those K in reverse order.

Candor must match every answer to its request by id (all ok, each with its own text), and must keep at least K
requests in flight: with fewer allowed in flight this model never answers and every request times out.
"""
import json
import sys

batch_size = int(sys.argv[1]) if len(sys.argv) > 1 else 4


def send(message):
    sys.stdout.buffer.write(json.dumps(message).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


sys.stdin.buffer.readline()
send({"candor": 1, "op": "hello", "name": "out-of-order", "version": "1.0", "capabilities": ["text"]})
waiting = []
for line in sys.stdin.buffer:
    waiting.append(json.loads(line))
    if len(waiting) == batch_size:
        for request in reversed(waiting):
            text = next(iter(request["input"].values()))["text"]
            send({"id": request["id"], "label": request["task"]["labels"][0], "explanation": {"text": text}})
        waiting = []
