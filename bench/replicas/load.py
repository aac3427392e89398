#!/usr/bin/env python3
"""Sends request envelopes (one per line of ENVELOPES) to the holder replicas, closed loop.

load.py ENVELOPES OUT.tsv WORKERS SECONDS URL [URL...]

Envelope i goes to URL[i % len(URLs)] (POST /exchange/v1/requests); each is sent once. A worker
that finds its replica gone (connection refused or reset) records status 0 and moves on; the
caller decides what to re-send (retry.py). Stops when the envelopes run out or after SECONDS.
Writes one line per envelope sent: index, url, status, code (the problem's code or -), seconds
since start, milliseconds taken. Standard library only.
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse


def post(url, body, timeout=30):
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request("POST", parts.path, body=body, headers={"Content-Type": "application/jose",
                                                                "Accept": "application/jose, application/problem+json"})
        answer = conn.getresponse()
        data = answer.read()
        code = "-"
        if answer.status != 200:
            try:
                code = json.loads(data).get("code", "-")
            except ValueError:
                code = "-"
        return answer.status, code
    except OSError as e:
        return 0, type(e).__name__
    finally:
        conn.close()


def main():
    envelopes_file, out_file, workers, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    urls = [u.rstrip("/") + "/exchange/v1/requests" for u in sys.argv[5:]]
    with open(envelopes_file) as f:
        envelopes = [line.strip() for line in f if line.strip()]
    # ONLY=file of indices (one per line): send just those envelopes (a re-send after a failure).
    order = list(range(len(envelopes)))
    if os.environ.get("ONLY"):
        with open(os.environ["ONLY"]) as f:
            order = [int(line) for line in f if line.strip()]
    lock = threading.Lock()
    state = {"next": 0}
    results = []
    start = time.monotonic()

    def work():
        while True:
            with lock:
                if state["next"] >= len(order) or time.monotonic() - start >= seconds:
                    return
                i = order[state["next"]]
                state["next"] += 1
            url = urls[i % len(urls)]
            t0 = time.monotonic()
            status, code = post(url, envelopes[i])
            t1 = time.monotonic()
            with lock:
                results.append((i, url, status, code, t1 - start, (t1 - t0) * 1000))

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    results.sort()
    with open(out_file, "w") as out:
        for r in results:
            out.write("%d\t%s\t%d\t%s\t%.3f\t%.1f\n" % r)
    ok = sum(1 for r in results if 200 <= r[2] < 300)
    print("sent=%d ok=%d other=%d seconds=%.1f rate=%.1f/s" % (len(results), ok, len(results) - ok, elapsed,
                                                                 ok / elapsed if elapsed else 0))


if __name__ == "__main__":
    main()
