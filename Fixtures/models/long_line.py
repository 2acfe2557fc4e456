#!/usr/bin/env python3
"""Answers like a plain model, except that for a request whose first input text contains "long" it prints a
10 MB line: an answer whose explanation text is 10 million characters. With --id-last the line's "id" comes
after the text, so it cannot be read from the line's beginning.

Candor must hold at most max-line bytes of it. With the id first, that request ends as a protocol error (line
too long) and the others are answered. With the id last, nothing can be matched to the line, so the process is
restarted and the requests it owed are resent (and fail as protocol errors once no restart is left).
"""
import json
import sys

id_last = "--id-last" in sys.argv


def send(message):
    sys.stdout.buffer.write(json.dumps(message).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


sys.stdin.buffer.readline()
send({"candor": 1, "op": "hello", "name": "long-line", "version": "1.0"})
for line in sys.stdin.buffer:
    request = json.loads(line)
    label = request["task"]["labels"][0]
    if "long" in next(iter(request["input"].values()))["text"]:
        huge = {"label": label, "explanation": {"text": "a" * 10_000_000}}
        send({**huge, "id": request["id"]} if id_last else {"id": request["id"], **huge})
    else:
        send({"id": request["id"], "label": label})
