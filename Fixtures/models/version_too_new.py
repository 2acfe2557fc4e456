#!/usr/bin/env python3
"""Answers hello announcing protocol version 2, newer than Candor's.

Candor must refuse it at launch with a message naming both versions, before sending any request.
"""
import json
import sys

sys.stdin.buffer.readline()
sys.stdout.write(json.dumps({"candor": 2, "op": "hello", "name": "future", "version": "9.0"}) + "\n")
sys.stdout.flush()
sys.stdin.buffer.read()
