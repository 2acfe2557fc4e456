#!/usr/bin/env python3
"""Refuses every request with {"id": ..., "error": "input too long"}.

Candor must end every request as a model error with that reason, and not retry it.
"""
import json
import sys

sys.stdin.buffer.readline()
sys.stdout.write(json.dumps({"candor": 1, "op": "hello", "name": "refuser", "version": "1.0"}) + "\n")
sys.stdout.flush()
for line in sys.stdin.buffer:
    request = json.loads(line)
    sys.stdout.write(json.dumps({"id": request["id"], "error": "input too long"}) + "\n")
    sys.stdout.flush()
