#!/usr/bin/env python3
"""Answers the first N requests (argv[1], default 3) like the echo model, then exits with status 3.

Candor must keep the N answers; the requests after them are resent to a restarted process, or, with no restart
left, end as crashed with a reason naming exit status 3.

With `--judge` it declares the `simulate` capability instead (name `crashing-judge`), so it can stand as an
external simulator that keeps crashing: what it answered is kept, the rest counts as "cannot tell".
"""
import json
import os
import sys

arguments = [argument for argument in sys.argv[1:] if argument != "--judge"]
judge = "--judge" in sys.argv[1:]
limit = int(arguments[0]) if arguments else 3


def send(message):
    sys.stdout.buffer.write(json.dumps(message).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


sys.stdin.buffer.readline()
send({"candor": 1, "op": "hello", "name": "crashing-judge" if judge else "crash-after", "version": "1.0",
      "capabilities": ["simulate"] if judge else ["text"]})
answered = 0
for line in sys.stdin.buffer:
    if answered == limit:
        sys.stderr.write("out of memory (simulated)\n")
        sys.stderr.flush()
        os._exit(3)
    request = json.loads(line)
    send({"id": request["id"], "label": request["task"]["labels"][0]})
    answered += 1
