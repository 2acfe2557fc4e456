#!/usr/bin/env python3
"""Answers the first N requests (argv[1], default 3) like the echo model, then exits with status 3.

Candor must keep the N answers; the requests after them are resent to a restarted process, or, with no restart
left, end as crashed with a reason naming exit status 3.
"""
import json
import os
import sys

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 3


def send(message):
    sys.stdout.buffer.write(json.dumps(message).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


sys.stdin.buffer.readline()
send({"candor": 1, "op": "hello", "name": "crash-after", "version": "1.0", "capabilities": ["text"]})
answered = 0
for line in sys.stdin.buffer:
    if answered == limit:
        sys.stderr.write("out of memory (simulated)\n")
        sys.stderr.flush()
        os._exit(3)
    request = json.loads(line)
    send({"id": request["id"], "label": request["task"]["labels"][0]})
    answered += 1
