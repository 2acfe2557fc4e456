#!/usr/bin/env python3
"""Answers like a plain model, except that for a request whose first input text contains "bad" its answer's
label holds the bytes FF FE, which are not UTF-8.

Candor must end that request as a protocol error naming the bad byte, and keep every other answer.
"""
import json
import sys

sys.stdin.buffer.readline()
sys.stdout.buffer.write(json.dumps({"candor": 1, "op": "hello", "name": "bad-utf8", "version": "1.0"}).encode() + b"\n")
sys.stdout.buffer.flush()
for line in sys.stdin.buffer:
    request = json.loads(line)
    if "bad" in next(iter(request["input"].values()))["text"]:
        sys.stdout.buffer.write(b'{"id": "' + request["id"].encode() + b'", "label": "\xff\xfe"}\n')
    else:
        sys.stdout.buffer.write(json.dumps({"id": request["id"], "label": request["task"]["labels"][0]}).encode() + b"\n")
    sys.stdout.buffer.flush()
