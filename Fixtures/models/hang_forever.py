#!/usr/bin/env python3
"""Completes the handshake, then reads requests and never answers; it does not exit when its stdin closes.
With --ignore-sigterm it also ignores SIGTERM. Its hello gives its process id as its version, so a test can
check that it is gone after the shutdown.

Candor must end every request as a timeout after the timeout, and at the end stop it with SIGTERM (or SIGKILL).
"""
import json
import os
import signal
import sys
import time

if "--ignore-sigterm" in sys.argv:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
sys.stdin.buffer.readline()
sys.stdout.buffer.write(json.dumps({"candor": 1, "op": "hello", "name": "hang", "version": str(os.getpid())}).encode() + b"\n")
sys.stdout.buffer.flush()
for line in sys.stdin.buffer:
    pass
while True:
    time.sleep(60)
