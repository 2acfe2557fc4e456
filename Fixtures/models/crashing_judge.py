#!/usr/bin/env python3
"""A simulator (it declares `simulate`) that answers the first N requests (argv[1], default 50) with the first
label, then exits with status 3; every restarted copy does the same.

Candor must keep the answers it got, count every request it could not get answered as "cannot tell", finish the
scoring, and on a rerun ask again only what failed.
"""
import json
import os
import sys

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 50


def send(message):
    sys.stdout.buffer.write(json.dumps(message).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


sys.stdin.buffer.readline()
send({"candor": 1, "op": "hello", "name": "crashing-judge", "version": "1.0", "capabilities": ["simulate"]})
answered = 0
for line in sys.stdin.buffer:
    if answered == limit:
        os._exit(3)
    request = json.loads(line)
    send({"id": request["id"], "label": request["task"]["labels"][0]})
    answered += 1
