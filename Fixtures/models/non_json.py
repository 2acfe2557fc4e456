#!/usr/bin/env python3
"""Completes the handshake, then prints a line of plain text (not JSON) for every request.

Candor must record each line as a protocol incident with an excerpt, and end every request as a protocol error
(no valid answer, with the text quoted) after the timeout.
"""
import sys

sys.stdin.buffer.readline()
sys.stdout.write('{"candor": 1, "op": "hello", "name": "non-json", "version": "1.0"}\n')
sys.stdout.flush()
for line in sys.stdin.buffer:
    sys.stdout.write("Thinking about it... the answer is positive\n")
    sys.stdout.flush()
