#!/usr/bin/env python3
"""An outside verifier of a node's access log, written from docs/dpo-guide.md alone (Python 3
standard library only). Reads the log as exported there, one JSON object per row in id order:

    psql ... -At -c "select row_to_json(a) from access_log a order by id" > access-log.jsonl
    python3 verify_access_log.py access-log.jsonl

recomputes every row by its canonical version (1: the whole row; 2: the content digest from the
row's fields, compared with the stored one, then the link) and every lane's chain, and prints a
JSON summary: the lanes' heads and their heads hash, or the first broken row and the problem.
Exit 0: valid; 1: broken; 2: unreadable input.
"""
import hashlib
import json
import re
import sys
from datetime import datetime, timezone

LANES = 16
GENESIS = "0" * 64
EVENT_FIELDS = ["occurred_at", "node_id", "actor", "agency", "action", "record_id", "outcome",
                "reason_codes", "request_id", "counterpart_node", "counterpart_party", "holder_agency",
                "purpose", "categories", "justification", "justification_fingerprint",
                "request_digest", "response_digest"]


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def utc_micros(value):
    """A timestamp as exported ('2026-03-01T14:15:02.12+05:00', fraction digits vary) in the
    canonical form: UTC, six fraction digits, 'Z'."""
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?(Z|[+-]\d\d(?::?\d\d)?(?::?\d\d)?)", value)
    if not m:
        raise ValueError("unreadable time " + value)
    offset = m.group(3)
    if offset == "Z":
        offset = "+00:00"
    elif len(offset) == 3:
        offset += ":00"
    parsed = datetime.fromisoformat(m.group(1).replace(" ", "T") + "." + (m.group(2) or "").ljust(6, "0") + offset)
    return parsed.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def lines(row, names):
    out = ""
    for name in names:
        value = row.get(name)
        if value is not None and name == "occurred_at":
            value = utc_micros(value)
        if value is None:
            out += name + "=-\n"
        else:
            value = str(value)
            out += name + "=" + str(len(value.encode("utf-8"))) + ":" + value + "\n"
    return out


def canonical_v1(row):
    return "access-log-v1\n" + lines(row, ["prev_hash", "id"] + EVENT_FIELDS)


def content_v2(row):
    return "access-log-content-v2\n" + lines(row, EVENT_FIELDS)


def link_v2(row):
    return ("access-log-v2\nprev_hash=" + row["prev_hash"] + "\nid=" + str(row["id"])
            + "\ncontent_digest=" + row["content_digest"] + "\n")


def verify(rows):
    previous = [GENESIS] * LANES
    last_id = [0] * LANES
    events = [0] * LANES
    versions = {1: 0, 2: 0}
    for row in rows:
        lane = row.get("lane")
        version = row.get("canonical_version", 1)  # a log exported before version 2 existed
        problem = None
        if not isinstance(lane, int) or not 0 <= lane < LANES:
            problem = "unknown_lane"
        elif row["prev_hash"] != previous[lane]:
            problem = "prev_hash_mismatch"
        elif version == 1:
            if sha256(canonical_v1(row)) != row["hash"]:
                problem = "hash_mismatch"
        elif version == 2:
            if sha256(content_v2(row)) != row.get("content_digest"):
                problem = "content_digest_mismatch"
            elif sha256(link_v2(row)) != row["hash"]:
                problem = "hash_mismatch"
        else:
            problem = "unknown_canonical_version"
        if problem:
            return {"valid": False, "firstBrokenEventId": row["id"], "problem": problem}
        previous[lane] = row["hash"]
        last_id[lane] = row["id"]
        events[lane] += 1
        versions[version] += 1
    heads = "access-log-heads-v1\n" + "".join(
        "lane=%d last_id=%d last_hash=%s events=%d\n" % (lane, last_id[lane], previous[lane], events[lane])
        for lane in range(LANES))
    return {"valid": True, "events": sum(events), "version1": versions[1], "version2": versions[2],
            "headHash": sha256(heads),
            "lanes": [{"lane": lane, "lastEventId": last_id[lane], "lastHash": previous[lane], "events": events[lane]}
                      for lane in range(LANES)]}


def main(path):
    try:
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as e:
        print("unreadable export: %s" % e, file=sys.stderr)
        return 2
    rows.sort(key=lambda r: r["id"])
    result = verify(rows)
    print(json.dumps(result))
    return 0 if result["valid"] else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: verify_access_log.py EXPORT.jsonl", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
