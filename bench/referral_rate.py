"""Referrals between two nodes at a fixed rate, then what arrived (standard library only).

Sends POST /api/v1/referrals open-loop at a fixed rate (each request at start + i / rate, latency
counted from that scheduled instant), keeps each created referral's id with its scheduled wall-clock
time, then waits until the sender's outbox holds nothing pending (or --drain seconds pass) and reads
both nodes' tables through the given commands (psql): the receiver's referral_inbox (received_at:
stored and receipt signed at the receiver) and the sender's referral_outbox (delivered_at: the
receiver's signed receipt verified at the sender). Prints sent / received / acknowledged (they must
be equal; any difference is a loss and fails the run) and p50/p95/p99/max of
scheduled POST -> stored at the receiver, and -> receipt verified at the sender.
"""
import argparse
import http.client
import json
import queue
import subprocess
import sys
import threading
import time
import urllib.parse


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def psql(command, sql):
    out = subprocess.run(command + ["-At", "-F", ",", "-c", sql], check=True, capture_output=True, text=True).stdout
    return [line.split(",") for line in out.splitlines() if line.strip()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--body", required=True)
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--drain", type=float, default=120)
    parser.add_argument("--sender-psql", required=True, help="psql command of the sender's database, quoted")
    parser.add_argument("--receiver-psql", required=True, help="psql command of the receiver's database, quoted")
    parser.add_argument("--quiet", action="store_true", help="warm-up: send, check nothing, print one line")
    args = parser.parse_args()

    url = urllib.parse.urlparse(args.url)
    headers = {"Authorization": "Bearer " + args.token, "Content-Type": "application/json"}
    body = args.body.encode()
    total = int(args.rate * args.seconds)
    start_mono = time.monotonic() + 0.2
    start_wall = time.time() + (start_mono - time.monotonic())
    schedule = queue.Queue()
    for i in range(total):
        schedule.put(i)
    sent, errors, post_latencies, lock = {}, [], [], threading.Lock()

    def worker():
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        while True:
            try:
                i = schedule.get_nowait()
            except queue.Empty:
                return
            due = start_mono + i / args.rate
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            try:
                connection.request("POST", url.path, body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                elapsed = time.monotonic() - due
                with lock:
                    if response.status == 201:
                        sent[json.loads(payload)["id"]] = start_wall + i / args.rate
                        post_latencies.append(elapsed * 1000)
                    else:
                        errors.append(str(response.status))
            except Exception as e:  # noqa: BLE001 - any failure is counted, never hidden
                with lock:
                    errors.append(type(e).__name__)
                connection.close()
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)

    threads = [threading.Thread(target=worker) for _ in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sender = args.sender_psql.split()
    receiver = args.receiver_psql.split()
    deadline = time.monotonic() + args.drain
    while time.monotonic() < deadline:
        pending = int(psql(sender, "select count(*) from referral_outbox where state = 'PENDING'")[0][0])
        if pending == 0:
            break
        time.sleep(0.5)
    if args.quiet:
        print(f"warm-up: {len(sent)} sent, {len(errors)} errors")
        return 0
    ids = "','".join(sent)
    received = {r[0]: float(r[1]) for r in psql(receiver,
        f"select referral_id, extract(epoch from received_at) from referral_inbox where outcome = 'STORED'"
        f" and kind = 'REFERRAL' and referral_id in ('{ids}')")} if sent else {}
    stored = int(psql(receiver, f"select count(*) from referral where id in ('{ids}')")[0][0]) if sent else 0
    acked = {r[0]: (float(r[1]), int(r[2])) for r in psql(sender,
        f"select referral_id, extract(epoch from delivered_at), attempts from referral_outbox where kind = 'REFERRAL'"
        f" and state = 'DELIVERED' and referral_id in ('{ids}')")} if sent else {}
    to_receiver = [(received[i] - sent[i]) * 1000 for i in sent if i in received]
    to_ack = [(acked[i][0] - sent[i]) * 1000 for i in sent if i in acked]
    retried = sum(1 for a in acked.values() if a[1] > 1)
    print(f"scheduled {total} at {args.rate:g}/s for {args.seconds:g} s; POST errors {len(errors)}"
          + (f" ({', '.join(sorted(set(errors)))})" if errors else ""))
    print(f"sent (201) {len(sent)}; received (stored at the receiver) {len(received)} (referral rows {stored});"
          f" acknowledged (receipt verified at the sender) {len(acked)}; delivered after a retry {retried}")
    for name, values in (("POST answered (201)", post_latencies), ("POST -> stored at receiver", to_receiver),
                         ("POST -> receipt at sender", to_ack)):
        print(f"{name:28s} p50 {percentile(values, 50):7.1f} ms  p95 {percentile(values, 95):7.1f} ms"
              f"  p99 {percentile(values, 99):7.1f} ms  max {max(values) if values else float('nan'):7.1f} ms")
    lost = len(sent) - len(received)
    if errors or lost or len(acked) != len(sent) or stored != len(sent):
        print(f"FAILED: {len(errors)} POST errors, {lost} not received, {len(sent) - len(acked)} not acknowledged")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
