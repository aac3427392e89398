-- wrk script of bench/console-load: thread i (one connection each: wrk -t N -c N) is signed-in
-- session i of the file SESSIONS ("PAGE<TAB>COOKIE" per line, PAGE a path of the console): it GETs
-- its page again and again with its own session cookie. Answers other than 200 (a 302 to the
-- sign-in page would mean a lost session) are counted and printed at the end, per page.
local file = os.getenv("SESSIONS")
local threads, created = {}, 0

function setup(thread)
  thread:set("id", created)
  created = created + 1
  table.insert(threads, thread)
end

function init(args)
  errors, answered = 0, 0
  local n = 0
  for line in io.lines(file) do
    if n == id then
      path, cookie = line:match("^([^\t]+)\t(.+)$")
    end
    n = n + 1
  end
  wrk.headers["Cookie"] = cookie
end

function request()
  return wrk.format("GET", path)
end

function response(status, headers, body)
  answered = answered + 1
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  local per = {}
  for _, thread in ipairs(threads) do
    local p = thread:get("path")
    per[p] = per[p] or {0, 0}
    per[p][1] = per[p][1] + thread:get("answered")
    per[p][2] = per[p][2] + thread:get("errors")
  end
  for p, c in pairs(per) do
    io.write(string.format("page %s answered %d non200 %d\n", p, c[1], c[2]))
  end
  io.write("latency_us")
  for _, q in ipairs({50, 90, 95, 99}) do
    io.write(string.format(" p%d=%d", q, latency:percentile(q)))
  end
  io.write(string.format(" max=%d\n", latency.max))
end
