-- wrk script of bench/holder-throughput: POSTs the envelopes of the file ENVELOPES (one per line)
-- with "Authorization: Bearer TOKEN" (none when TOKEN is empty); thread i of THREADS takes lines
-- i, i+THREADS, ... in turn, so no two threads send the same envelope. A thread that used up its
-- slice starts it again (counted as "wrapped": a replay, which the holder's own path refuses).
-- Prints the answers that were not 2xx and the wraps at the end.
local file, token, nthreads = os.getenv("ENVELOPES"), os.getenv("TOKEN") or "", tonumber(os.getenv("THREADS"))
local threads, created = {}, 0

function setup(thread)
  thread:set("id", created)
  created = created + 1
  table.insert(threads, thread)
end

function init(args)
  lines, pos, errors, wrapped = {}, 0, 0, 0
  local n = 0
  for line in io.lines(file) do
    if n % nthreads == id then table.insert(lines, line) end
    n = n + 1
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/jose"
  if token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
end

function request()
  pos = pos + 1
  if pos > #lines then pos, wrapped = 1, wrapped + 1 end
  return wrk.format(nil, nil, nil, lines[pos])
end

function response(status, headers, body)
  if status < 200 or status > 299 then errors = errors + 1 end
end

function done(summary, latency, requests)
  local e, w = 0, 0
  for _, thread in ipairs(threads) do
    e, w = e + thread:get("errors"), w + thread:get("wrapped")
  end
  io.write(string.format("non2xx %d\nwrapped %d\n", e, w))
end
