#!/usr/bin/env python3
"""Fills a Casebook home with N cases spread over Y years, for the listing benchmarks.

usage: generate_cases.py TEMPLATE_HOME TARGET_HOME N YEARS [CLIENTS]

TEMPLATE_HOME holds a few real cases (made by `casebook run`, see clients.sh). Each generated case
is one of them with another client (one of CLIENTS names, default N/5), another start time, and
its journal framed again (length and CRC-32 over the JSON) and its record.json rewritten to
match, so every listing reads it as a current case without replaying anything.
"""
import json, os, random, sys, zlib
from datetime import datetime, timedelta, timezone

template, target, count, years = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
clients = int(sys.argv[5]) if len(sys.argv) > 5 else max(1, count // 5)
random.seed(18)
first_names = ["Dana", "Sam", "Lee", "Kim", "Ann", "Leo", "Maya", "Omar", "Zoe", "Ivan", "Noor", "Ruth"]
last_names = ["Ruiz", "Okafor", "Novak", "Berg", "Silva", "Tanaka", "Moreau", "Kowalski", "Haddad", "Singh"]
names = [f"{first_names[i % len(first_names)]} {last_names[(i // len(first_names)) % len(last_names)]} {i}" for i in range(clients)]
words = ["parking", "traffic", "childcare", "forgot", "illness", "budget", "deadline", "travel", "weather", "car"]

templates = []
for name in sorted(os.listdir(f"{template}/cases")):
    folder = f"{template}/cases/{name}"
    lines = open(f"{folder}/journal.log", "rb").read().split(b"\n")[:-1]
    entries = [json.loads(line.split(b" ", 2)[2]) for line in lines]
    record = json.load(open(f"{folder}/record.json"))
    templates.append((entries, record, open(f"{folder}/record.md").read()))

def frame(entry):
    data = json.dumps(entry, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()
    return b"%08x %08x %s\n" % (len(data), zlib.crc32(data) & 0xFFFFFFFF, data)

def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

def shift(value, old_client, client, delta):
    if isinstance(value, dict):
        return {k: shift(v, old_client, client, delta) for k, v in value.items()}
    if isinstance(value, list):
        return [shift(v, old_client, client, delta) for v in value]
    if isinstance(value, str):
        if len(value) == 20 and value[4] == "-" and value[10] == "T" and value.endswith("Z"):
            moment = datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
            return iso(moment + delta)
        return value.replace(old_client, client) if old_client else value
    return value

os.makedirs(f"{target}/cases", mode=0o700, exist_ok=True)
end = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)
span = timedelta(days=365 * years)
for index in range(count):
    entries, record, markdown = random.choice(templates)
    client = random.choice(names)
    old_client = record.get("client")
    started = end - span * random.random()
    original = datetime.strptime(record["started"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    delta = started.replace(microsecond=0) - original
    new_entries = [shift(entry, old_client, client, delta) for entry in entries]
    note = {"noted": {"at": iso(started + timedelta(minutes=1)), "text": f"said {random.choice(words)} again"}}
    new_entries.insert(1, note)
    new_record = shift(record, old_client, client, delta)
    new_record.setdefault("notes", []).insert(0, {"at": note["noted"]["at"], "text": note["noted"]["text"]})
    day = started.strftime("%Y-%m-%d")
    slug = client.lower().replace(" ", "-")
    folder = f"{target}/cases/{day}-{record['playbook']}-{slug}-{index}"
    os.mkdir(folder, 0o700)
    with open(f"{folder}/journal.log", "wb") as out:
        out.write(b"".join(frame(entry) for entry in new_entries))
    with open(f"{folder}/record.json", "w") as out:
        json.dump(new_record, out, indent=2, sort_keys=True, ensure_ascii=False)
    with open(f"{folder}/record.md", "w") as out:
        out.write(markdown.replace(old_client, client) if old_client else markdown)
    # The records were written after the journal's last entry.
    stamp = (started + timedelta(minutes=30)).timestamp()
    os.utime(f"{folder}/journal.log", (stamp, stamp))
    os.utime(f"{folder}/record.json", (stamp + 1, stamp + 1))
    os.utime(f"{folder}/record.md", (stamp + 1, stamp + 1))
print(f"{count} cases of {clients} clients over {years} years in {target}/cases", file=sys.stderr)
