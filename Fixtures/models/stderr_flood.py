#!/usr/bin/env python3
"""Writes MB megabytes (argv[1], default 50) to stderr before answering hello, then answers like a plain model.

Candor must keep reading stderr (a full stderr pipe would block the model and look like a hang), save only
the first part of it to the log followed by "[truncated", and answer every request.
"""
import json
import sys

megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 50
chunk = ("log line: all is well, nothing to see here " * 24 + "\n").encode()
written = 0
while written < megabytes * 1_000_000:
    sys.stderr.buffer.write(chunk)
    written += len(chunk)
sys.stderr.buffer.flush()
sys.stdin.buffer.readline()
sys.stdout.write(json.dumps({"candor": 1, "op": "hello", "name": "noisy", "version": "1.0"}) + "\n")
sys.stdout.flush()
for line in sys.stdin.buffer:
    request = json.loads(line)
    sys.stdout.write(json.dumps({"id": request["id"], "label": request["task"]["labels"][0]}) + "\n")
    sys.stdout.flush()
