#!/usr/bin/env python3
"""Times commands from start to the moment their first prompt appears on a pseudo terminal.

usage: first_prompt.py RUNS NAME=MARKER=COMMAND... (interleaved: one run of each in turn)
MARKER is the text whose appearance ends the measurement. Prints one line per command:
NAME median_ms p10_ms p90_ms.
"""
import os
import pty
import select
import signal
import statistics
import sys
import time


def time_to_marker(command, marker, environment):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(command[0], command, environment)
    seen = b""
    elapsed = None
    deadline = start + 10
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if marker in seen:
                elapsed = time.perf_counter() - start
                break
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    if elapsed is None:
        raise SystemExit(f"never saw {marker!r} from {command}: {seen[-200:]!r}")
    return elapsed * 1000


def main():
    runs = int(sys.argv[1])
    specs = []
    for argument in sys.argv[2:]:
        name, marker, command = argument.split("=", 2)
        specs.append((name, marker.encode(), command.split(" ")))
    environment = dict(os.environ, NO_COLOR="1", TERM="xterm")
    times = {name: [] for name, _, _ in specs}
    for _ in range(runs):
        for name, marker, command in specs:
            times[name].append(time_to_marker(command, marker, environment))
    for name, _, _ in specs:
        values = sorted(times[name])
        p10 = values[len(values) // 10]
        p90 = values[(len(values) * 9) // 10]
        print(f"{name} {statistics.median(values):.2f} {p10:.2f} {p90:.2f}")


if __name__ == "__main__":
    main()
