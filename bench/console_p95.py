"""bench/console-load: the server time of each console page from the node's own metrics.

Reads two snapshots of /actuator/prometheus (before and after the load) and, for each page (the
`uri` tag of http_server_requests, status 200 only), prints the requests served in between, their
mean, and p50/p95/p99 interpolated in the histogram's buckets (the bucket deltas: exactly the run's
requests), with the node's own client-side p95 gauge of its last minutes beside it.

    python3 console_p95.py BEFORE AFTER URI...
"""
import re
import sys

LINE = re.compile(r'^(\w+)\{(.*)\} ([0-9.eE+-]+|NaN)$')
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def read(path):
    series = []
    for line in open(path, encoding="utf-8"):
        m = LINE.match(line.strip())
        if m:
            series.append((m.group(1), dict(LABEL.findall(m.group(2))), float(m.group(3))))
    return series


def page(series, uri):
    buckets, count, total, gauge = {}, 0.0, 0.0, None
    for name, labels, value in series:
        if labels.get("uri") != uri or labels.get("status") != "200":
            continue
        if name == "http_server_requests_seconds_bucket":
            le = float("inf") if labels["le"] == "+Inf" else float(labels["le"])
            buckets[le] = buckets.get(le, 0.0) + value
        elif name == "http_server_requests_seconds_count":
            count += value
        elif name == "http_server_requests_seconds_sum":
            total += value
        elif name == "http_server_requests_seconds" and labels.get("quantile") == "0.95":
            gauge = value if gauge is None else max(gauge, value)
    return buckets, count, total, gauge


def quantile(buckets, q):
    bounds = sorted(buckets)
    n = buckets[bounds[-1]]
    if n <= 0:
        return float("nan")
    rank, lower, below = q * n, 0.0, 0.0
    for le in bounds:
        if buckets[le] >= rank:
            if le == float("inf"):
                return lower
            inside = buckets[le] - below
            return lower + (le - lower) * ((rank - below) / inside if inside > 0 else 1.0)
        lower, below = le, buckets[le]
    return lower


before, after = read(sys.argv[1]), read(sys.argv[2])
print(f"{'page':44} {'requests':>8} {'mean ms':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'gauge p95':>9}")
for uri in sys.argv[3:]:
    b0, c0, s0, _ = page(before, uri)
    b1, c1, s1, g = page(after, uri)
    delta = {le: b1[le] - b0.get(le, 0.0) for le in b1}
    n = c1 - c0
    if n <= 0 or not delta:
        print(f"{uri:44} {0:>8}")
        continue
    row = [quantile(delta, q) * 1000 for q in (0.5, 0.95, 0.99)]
    gauge = f"{g * 1000:.1f}" if g is not None else "-"
    print(f"{uri:44} {int(n):>8} {(s1 - s0) / n * 1000:>8.1f} {row[0]:>7.1f} {row[1]:>7.1f} {row[2]:>7.1f} {gauge:>9}")
