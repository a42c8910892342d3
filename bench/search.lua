-- wrk script for the search load test: each request is the next query from the file given after "--".
local queries = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do queries[#queries + 1] = line end
  -- Threads start at different points so they do not send the same query at the same time.
  i = math.random(#queries)
end

function request()
  i = i % #queries + 1
  return wrk.format("GET", "/api/search?limit=20&" .. queries[i])
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
