#!/usr/bin/env python3
"""Crashes before the handshake: writes an error to stderr and exits with status 1 without answering hello.

Candor must fail to launch with a handshake error that names the exit status and quotes the stderr line.
"""
import sys

sys.stderr.write("model weights not found: weights.bin\n")
sys.exit(1)
