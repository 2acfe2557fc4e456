#!/usr/bin/env python3
"""Answers hello, then on the first request writes half an answer (no newline) and exits with status 0.

Candor must record the half line as an unterminated-line incident and treat the exit as a crash: the requests
are resent to a restarted process, or end as crashed when no restart is left.
"""
import json
import sys

sys.stdin.buffer.readline()
sys.stdout.write(json.dumps({"candor": 1, "op": "hello", "name": "half", "version": "1.0"}) + "\n")
sys.stdout.flush()
request = json.loads(sys.stdin.buffer.readline())
sys.stdout.write('{"id": "' + request["id"] + '", "lab')
sys.stdout.flush()
