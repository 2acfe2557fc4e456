#!/usr/bin/env python3
"""Answers with an explanation text holding U+2028, U+2029 and a carriage return (escaped), written raw as
UTF-8, with raw CR bytes as JSON whitespace between keys and every line ended by CR LF.

Candor must split lines on LF only and decode every answer intact: the text is exactly
"one\u2028two\u2029three\rfour".
"""
import json
import sys

sys.stdin.buffer.readline()
sys.stdout.buffer.write(json.dumps({"candor": 1, "op": "hello", "name": "unicode", "version": "1.0"}).encode() + b"\r\n")
sys.stdout.buffer.flush()
for line in sys.stdin.buffer:
    request = json.loads(line)
    text = json.dumps("one\u2028two\u2029three\rfour", ensure_ascii=False)
    answer = '{"id": %s,\r"label": %s,\r"explanation": {"text": %s}}' % (
        json.dumps(request["id"]), json.dumps(request["task"]["labels"][0]), text)
    sys.stdout.buffer.write(answer.encode("utf-8") + b"\r\n")
    sys.stdout.buffer.flush()
