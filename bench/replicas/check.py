#!/usr/bin/env python3
"""Compares what the load sent and got with the holder's rows, exactly.

check.py ENVELOPES PSQL_COMMAND RESULTS.tsv [RESULTS.tsv...]

ENVELOPES: the envelopes of the run (one per line). PSQL_COMMAND: a psql command line (quoted) on
the holder's database. Each RESULTS file is one of load.py's (a re-send of failed envelopes is a
later file). Checks, for the envelopes of this run only:
  1. every envelope that got a 2xx answer has exactly one row in exchange_received (the replay
     ledger) and exactly one REQUEST_DECIDED row in access_log;
  2. no half-written request: every ledger row has exactly one REQUEST_DECIDED row and every
     REQUEST_DECIDED row its ledger row;
  3. an envelope answered 2xx more than once (a re-send) got REQUEST_RETRY_ANSWERED rows, one per
     answer after the first that the ledger already held.
Prints the counts and exits 1 on any difference.
"""
import base64
import collections
import json
import shlex
import subprocess
import sys


def payload(jws):
    part = jws.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def rows(psql, sql):
    out = subprocess.run(shlex.split(psql) + ["-At", "-F", "\t", "-c", sql], check=True, capture_output=True,
                         text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def main():
    envelopes_file, psql, result_files = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(envelopes_file) as f:
        ids = [payload(line.strip())["requestId"] for line in f if line.strip()]
    mine = set(ids)
    ok = collections.Counter()
    sent = collections.Counter()
    for name in result_files:
        with open(name) as f:
            for line in f:
                i, _url, status = line.split("\t")[:3]
                sent[ids[int(i)]] += 1
                if 200 <= int(status) < 300:
                    ok[ids[int(i)]] += 1
    ledger = collections.Counter(r[0] for r in rows(psql, "select request_id from exchange_received") if r[0] in mine)
    decided = collections.Counter()
    retried = collections.Counter()
    for request_id, action in rows(psql, "select request_id, action from access_log where action in "
                                         "('REQUEST_DECIDED', 'REQUEST_RETRY_ANSWERED')"):
        if request_id in mine:
            (decided if action == "REQUEST_DECIDED" else retried)[request_id] += 1
    problems = []
    for request_id in ok:
        if ledger[request_id] != 1 or decided[request_id] != 1:
            problems.append("answered 2xx but ledger=%d decided=%d: %s" % (ledger[request_id], decided[request_id],
                                                                           request_id))
    for request_id in set(ledger) | set(decided):
        if ledger[request_id] != 1 or decided[request_id] != 1:
            problems.append("half-written: ledger=%d decided=%d: %s" % (ledger[request_id], decided[request_id],
                                                                        request_id))
    committed_unanswered = [r for r in ledger if r not in ok]
    extra_answers = sum(n - 1 for n in ok.values())
    print("envelopes=%d sent=%d (distinct %d) answered_2xx=%d (distinct %d) ledger_rows=%d decided_rows=%d "
          "retry_rows=%d committed_without_2xx=%d" % (len(ids), sum(sent.values()), len(sent), sum(ok.values()),
                                                     len(ok), sum(ledger.values()), sum(decided.values()),
                                                     sum(retried.values()), len(committed_unanswered)))
    if sum(retried.values()) < extra_answers:
        problems.append("%d answers after the first but %d retry rows" % (extra_answers, sum(retried.values())))
    for p in problems[:20]:
        print("PROBLEM", p)
    if problems:
        print("FAILED: %d problems" % len(problems))
        sys.exit(1)
    print("OK: every 2xx has its ledger row and its log row; no half-written request")


if __name__ == "__main__":
    main()
