"""Open-loop, fixed-rate HTTP load for the bench scripts (standard library only).

Requests are scheduled at start + i / rate; a pool of workers sends them; each latency is measured
from the scheduled instant (no coordinated omission). Prints count, errors, throughput and
latency percentiles. An answer is an error unless it is HTTP 200 and, with --expect, its JSON
"outcome" equals the expected value.
"""
import argparse
import collections
import http.client
import json
import queue
import threading
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--body", required=True)
    parser.add_argument("--rate", type=float, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=32)
    parser.add_argument("--expect", default=None)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()

    url = urllib.parse.urlparse(args.url)
    body = args.body.encode()
    headers = {"Authorization": "Bearer " + args.token, "Content-Type": "application/json"}
    total = int(args.rate * args.seconds)
    start = time.monotonic() + 0.2
    schedule = queue.Queue()
    for i in range(total):
        schedule.put(start + i / args.rate)
    latencies, errors, lock = [], [], threading.Lock()

    def worker():
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        while True:
            try:
                due = schedule.get_nowait()
            except queue.Empty:
                return
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            try:
                connection.request("POST", url.path, body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                ok = response.status == 200
                if ok and args.expect:
                    ok = json.loads(payload).get("outcome") == args.expect
                error = None
                if not ok:
                    try:
                        code = json.loads(payload).get("code") or json.loads(payload).get("outcome")
                    except ValueError:
                        code = payload[:60]
                    error = f"{response.status} {code}"
            except Exception as e:  # a transport failure is an error of the run, counted and shown
                connection.close()
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
                error = type(e).__name__
            done = time.monotonic()
            with lock:
                latencies.append(done - due)
                if error:
                    errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    if args.quiet:
        return
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    print(f"requests {len(latencies)}  errors {len(errors)}  throughput {len(latencies) / elapsed:.1f}/s")
    print(f"latency ms: p50 {pct(50):.1f}  p90 {pct(90):.1f}  p99 {pct(99):.1f}  p99.9 {pct(99.9):.1f}  max {latencies[-1] * 1000:.1f}")
    if errors:
        print("errors by kind:", dict(collections.Counter(errors).most_common()))


if __name__ == "__main__":
    main()
