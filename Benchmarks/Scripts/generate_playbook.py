#!/usr/bin/env python3
"""Writes a valid playbook of N steps (a chain of two-answer questions and one end), the same
shape as the Swift benchmark's generator. usage: generate_playbook.py N > file.yaml"""
import sys

count = int(sys.argv[1])
out = ["id: generated", "title: Generated playbook", "start: step-0", "steps:"]
for index in range(count - 1):
    target = "done" if index + 1 == count - 1 else f"step-{index + 1}"
    out += [
        f"  - id: step-{index}",
        f"    ask: Question number {index}, did the client answer?",
        "    why: Each step says why it matters, as the bundled playbooks do.",
        "    choices:",
        "      - answer: yes",
        "        label: They answered",
        f"        next: {target}",
        "      - answer: no",
        f"        next: {target}",
    ]
out += ["  - id: done", "    end: Write down what was decided."]
print("\n".join(out))
