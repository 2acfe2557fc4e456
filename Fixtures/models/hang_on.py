#!/usr/bin/env python3
"""Answers like a plain model, except that it never answers a request whose first input text contains WORD
(argv[1], default "hang").

Candor must end that one request as a timeout and keep every other answer.
"""
import json
import sys

word = sys.argv[1] if len(sys.argv) > 1 else "hang"


def send(message):
    sys.stdout.buffer.write(json.dumps(message).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


sys.stdin.buffer.readline()
send({"candor": 1, "op": "hello", "name": "hang-on-one", "version": "1.0"})
for line in sys.stdin.buffer:
    request = json.loads(line)
    text = next(iter(request["input"].values()))["text"]
    if word not in text:
        send({"id": request["id"], "label": request["task"]["labels"][0]})
