#!/usr/bin/env python3
"""Answers hello, then exits with status 0 without reading a request.

Candor must restart it as allowed and then end every request as crashed, with a reason naming the exit status.
"""
import json
import sys

sys.stdin.buffer.readline()
sys.stdout.write(json.dumps({"candor": 1, "op": "hello", "name": "quitter", "version": "1.0"}) + "\n")
sys.stdout.flush()
