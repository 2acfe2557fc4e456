#!/usr/bin/env python3
"""Sleeps SECONDS (argv[1], default 3) before answering hello, then answers like a plain model.

Candor must wait for it within the start-up timeout, and fail the launch with "no hello within" when the
start-up timeout is shorter.
"""
import json
import sys
import time

time.sleep(float(sys.argv[1]) if len(sys.argv) > 1 else 3)
sys.stdin.buffer.readline()
sys.stdout.write(json.dumps({"candor": 1, "op": "hello", "name": "slow", "version": "1.0"}) + "\n")
sys.stdout.flush()
for line in sys.stdin.buffer:
    request = json.loads(line)
    sys.stdout.write(json.dumps({"id": request["id"], "label": request["task"]["labels"][0]}) + "\n")
    sys.stdout.flush()
