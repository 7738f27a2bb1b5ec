-- wrk script for the NewsApi load test: one query shape per run, each request drawn at random
-- (seeded, per thread) from a large space of distinct URLs, so that the run measures the service
-- and not a cache. bench/api.sh sets the environment; by hand:
--
--   SHAPE=list-filters BENCH_LISTS=/tmp/lists wrk -t2 -c32 -d20s --latency -s bench/wrk/shapes.lua http://127.0.0.1:5899
--
-- The shape may also be given as the first script argument (wrk ... -s shapes.lua URL -- list-q).
-- BENCH_LISTS is a folder of lists exported from the database (see api.sh, export_lists):
--   ids.txt          published article ids, one a line
--   related_ids.txt  published article ids that have related links
--   topics.txt       slug<TAB>name<TAB>published article count
--   providers.txt    key (domain)<TAB>published article count
--   types.txt, categories.txt   distinct values among published articles
--   meta.txt         published<TAB>first year<TAB>last year<TAB>published with related links
-- BENCH_SEED (default 42) seeds the draws; thread i uses BENCH_SEED + i.
-- BENCH_PAGE_SIZE fixes the list shapes' page size (default: random 10..30, mean 20, as the reference page).
--
-- done() prints one parseable line:
--   RESULT shape=.. requests=.. duration_s=.. rps=.. p50_ms=.. p90_ms=.. p99_ms=.. max_ms=..
--          non2xx=.. connect=.. read=.. write=.. timeout=.. distinct_urls=.. url_space=..
-- distinct_urls counts the distinct URLs the threads sent (summed over threads); url_space is the
-- number of distinct URLs the shape can draw (exact where it is bounded, else a lower bound).

local shape = os.getenv("SHAPE") or "list-default"
local lists = os.getenv("BENCH_LISTS") or "."
local seed = tonumber(os.getenv("BENCH_SEED") or "42")
local fixed_page_size = tonumber(os.getenv("BENCH_PAGE_SIZE") or "")

local SORTS = { "-publishedDateTime", "publishedDateTime", "-quality", "quality", "-heat", "heat", "title", "-title" }

-- Topic words and title-template words of the bench corpus, and prefixes of them (q matches prefixes).
local WORDS = {
  "ai", "cloud", "secur", "security", "data", "python", "rust", "azure", "kubernetes", "guide", "announces", "preview",
  "roadmap", "partnership", "tools", "available", "report", "building", "mistakes", "ways", "learning", "open", "source",
  "devops", "quantum", "comp", "dock", "linux", "windows", "mobile", "api", "startups", "gaming", "new", "the", "inside",
}

local PROVIDER_Q = { "a", "e", "micro", "daily", "tech", "open", "wire", "news", "cloud", "byte", "data", "blog" }

-- main state (setup/done) ----------------------------------------------------------------------

local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

-- thread state (init/request) ------------------------------------------------------------------

local ids, related_ids = { size = 0 }, { size = 0 }
local topics, providers, types, categories = {}, {}, {}, {}
local published, first_year, last_year, with_related = 0, 2015, 2024, 0
local seen, distinct = {}, 0
local MAX_TRACKED = 2000000

local function read_lines(name)
  local out = {}
  local file = io.open(lists .. "/" .. name, "r")
  if file == nil then
    return out
  end
  for line in file:lines() do
    if line ~= "" then
      table.insert(out, line)
    end
  end
  file:close()
  return out
end

-- The id lists stay on disk, one random line read per pick: a million ids took each thread's init
-- over a second, and wrk starts the first thread's requests while it runs the second's init, so
-- that second of loading shared the cores with the server under test and its requests counted.
local function line_file(name)
  local file = io.open(lists .. "/" .. name, "r")
  if file == nil then
    return { size = 0 }
  end
  return { file = file, size = file:seek("end") }
end

-- The first whole line after a random byte (a line is drawn in proportion to the length of the
-- one before it: ids are of similar lengths), wrapping to the first line after the last.
local function pick_line(list)
  local pos = math.random(0, list.size - 1)
  list.file:seek("set", pos)
  if pos > 0 then
    list.file:read("*l")
  end
  local line = list.file:read("*l")
  if line == nil or line == "" then
    list.file:seek("set", 0)
    line = list.file:read("*l")
  end
  return line
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do
    table.insert(fields, field)
  end
  return fields
end

local function enc(s)
  return (tostring(s):gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function pick(list)
  return list[math.random(#list)]
end

local function pages(count, size)
  return math.max(1, math.ceil(count / size))
end

local function page_size()
  return fixed_page_size or math.random(10, 30)
end

local function any_sort()
  -- None (the default order) or one of the eight.
  local i = math.random(0, #SORTS)
  if i == 0 then
    return ""
  end
  return "&sort=" .. enc(SORTS[i])
end

local function date(year)
  return string.format("%04d-%02d-%02d", year, math.random(1, 12), math.random(1, 28))
end

-- One bound, the other or both (min <= max): never an invalid combination, which would be a 400.
local function bounds(name, low, high)
  local a, b = math.random(low, high), math.random(low, high)
  if a > b then
    a, b = b, a
  end
  local which = math.random(3)
  if which == 1 then
    return "min" .. name .. "=" .. a
  elseif which == 2 then
    return "max" .. name .. "=" .. b
  end
  return "min" .. name .. "=" .. a .. "&max" .. name .. "=" .. b
end

local FILTER_KINDS = 7

local function filters(how_many)
  local chosen, parts = {}, {}
  while #parts < how_many do
    local k = math.random(FILTER_KINDS)
    if not chosen[k] then
      chosen[k] = true
      if k == 1 then
        table.insert(parts, bounds("Quality", 0, 200))
      elseif k == 2 then
        table.insert(parts, bounds("Heat", 0, 300))
      elseif k == 3 and #topics > 0 then
        local t = pick(topics)
        table.insert(parts, "topic=" .. enc(math.random(2) == 1 and t[1] or t[2]))
        if math.random(3) == 1 then
          table.insert(parts, "topic=" .. enc(pick(topics)[1]))
        end
      elseif k == 4 and #providers > 0 then
        table.insert(parts, "provider=" .. enc(pick(providers)[1]))
      elseif k == 5 and #types > 0 then
        local t = pick(types)
        table.insert(parts, "type=" .. enc(math.random(2) == 1 and t or t:upper()))
      elseif k == 6 and #categories > 0 then
        table.insert(parts, "category=" .. enc(pick(categories)))
      else
        local from_year = math.random(first_year, last_year)
        local to_year = math.min(last_year + 1, from_year + math.random(0, 3))
        local from, to = date(from_year), date(to_year)
        if from > to then
          from, to = to, from
        end
        local which = math.random(3)
        if which == 1 then
          table.insert(parts, "from=" .. from)
        elseif which == 2 then
          table.insert(parts, "to=" .. to)
        else
          table.insert(parts, "from=" .. from .. "&to=" .. to)
        end
      end
    end
  end
  return table.concat(parts, "&")
end

local function q()
  local words = pick(WORDS)
  if math.random(2) == 1 then
    words = words .. " " .. pick(WORDS)
  end
  return "q=" .. enc(words)
end

local make = {}

make["reference"] = function()
  return "/bench/reference"
end

-- A random page of the unfiltered list (page size 10..30) at <prefix>, which ends in "?" or "&".
local function any_page(prefix)
  local size = page_size()
  return prefix .. "page=" .. math.random(pages(published, size)) .. "&pageSize=" .. size
end

make["list-default"] = function()
  return any_page("/api/articles?")
end

-- list-default's pages from bench/ceiling.sh's yardsticks (src/Api/Benchmarks/CeilingApi.cs).
make["ceiling-pipeline"] = function() return any_page("/api/bench/pipeline?") end
make["ceiling-clustered"] = function() return any_page("/api/bench/clustered?") end
make["ceiling-file"] = function() return any_page("/bench/file?") end
make["ceiling-file-versioned"] = function() return any_page("/bench/file?versioned=true&") end

make["list-filters"] = function()
  return "/api/articles?" .. filters(math.random(1, 3)) .. "&page=" .. math.random(1, 3)
end

make["list-sorts"] = function()
  local size = page_size()
  return "/api/articles?sort=" .. enc(pick(SORTS)) .. "&page=" .. math.random(pages(published, size)) .. "&pageSize=" .. size
end

make["list-deep"] = function()
  -- Page ~5,000 at page size 20 (offset ~100,000), or as deep as the data allows.
  local size = page_size()
  local last = pages(published, size)
  local target = math.min(last, math.floor(100000 / size))
  local page = math.max(1, target - math.random(0, 99))
  return "/api/articles?sort=" .. enc(pick(SORTS)) .. "&page=" .. page .. "&pageSize=" .. size
end

make["list-q"] = function()
  local extra = ""
  if math.random(3) == 1 then
    extra = "&minQuality=" .. math.random(0, 150)
  end
  return "/api/articles?" .. q() .. extra .. any_sort() .. "&page=" .. math.random(1, 3)
end

make["topic-articles"] = function()
  local t = pick(topics)
  local size = page_size()
  return "/api/topics/" .. enc(t[1]) .. "/articles?page=" .. math.random(pages(tonumber(t[3]) or 1, size)) .. "&pageSize=" .. size .. any_sort()
end

make["provider-articles"] = function()
  local p = pick(providers)
  local size = page_size()
  return "/api/providers/" .. enc(p[1]) .. "/articles?page=" .. math.random(pages(tonumber(p[2]) or 1, size)) .. "&pageSize=" .. size .. any_sort()
end

make["article-detail"] = function()
  return "/api/articles/" .. enc(pick_line(ids))
end

make["article-related"] = function()
  return "/api/articles/" .. enc(pick_line(related_ids.size > 0 and related_ids or ids)) .. "/related?pageSize=" .. math.random(1, 5)
end

local function catalogue(path, count, q_words)
  local size = math.random(5, 100)
  local sort = math.random(2) == 1 and "&sort=name" or ""
  local filter = ""
  if math.random(4) == 1 then
    filter = "&q=" .. enc(pick(q_words))
  end
  return path .. "?page=" .. math.random(pages(count, size)) .. "&pageSize=" .. size .. sort .. filter
end

make["providers"] = function()
  return catalogue("/api/providers", #providers, PROVIDER_Q)
end

make["topics"] = function()
  return catalogue("/api/topics", #topics, { "a", "e", "data", "power", "cloud", "web", "learn" })
end

-- Every shape but the reference, one drawn per request (the soak's traffic).
local MIXED = { "list-default", "list-filters", "list-sorts", "list-deep", "list-q", "topic-articles",
  "provider-articles", "article-detail", "article-related", "providers", "topics" }

make["mixed"] = function()
  return make[pick(MIXED)]()
end

-- The number of distinct URLs a shape can draw (for the report; exact where bounded).
local url_space

local function mixed_space()
  local total, saved = 0, shape
  for _, name in ipairs(MIXED) do
    shape = name
    total = total + url_space()
  end
  shape = saved
  return total
end

url_space = function()
  local sizes = {}
  if fixed_page_size then
    sizes = { fixed_page_size }
  else
    for s = 10, 30 do table.insert(sizes, s) end
  end
  local function sum_pages(count)
    local n = 0
    for _, s in ipairs(sizes) do n = n + pages(count, s) end
    return n
  end
  local catalogue_space = function(count)
    local n = 0
    for s = 5, 100 do n = n + pages(count, s) end
    return n * 2 * (1 + 12)
  end
  if shape == "reference" then return 1 end
  if shape == "mixed" then return mixed_space() end
  if shape == "list-default" or shape:match("^ceiling%-") then return sum_pages(published) end
  if shape == "list-sorts" then return #SORTS * sum_pages(published) end
  if shape == "list-deep" then return #SORTS * #sizes * 100 end
  if shape == "list-q" then return (#WORDS + #WORDS * #WORDS) * 3 * (#SORTS + 1) * (1 + 151) end
  -- list-filters: the date-range filter alone at page 1..3 (10 years of days, both ends) is a lower bound.
  if shape == "list-filters" then return 3 * (3650 * 3650 / 2) end
  if shape == "article-detail" then return published end
  if shape == "article-related" then return (with_related > 0 and with_related or published) * 5 end
  if shape == "providers" then return catalogue_space(#providers) end
  if shape == "topics" then return catalogue_space(#topics) end
  local total = 0
  local rows = shape == "topic-articles" and topics or providers
  local column = shape == "topic-articles" and 3 or 2
  for _, row in ipairs(rows) do total = total + sum_pages(tonumber(row[column]) or 1) end
  return total * (#SORTS + 1)
end

function init(args)
  if args[1] ~= nil and args[1] ~= "" then
    shape = args[1]
  end
  if make[shape] == nil then
    error("unknown shape '" .. shape .. "'")
  end
  math.randomseed(seed + (thread_index or 0))
  ids = line_file("ids.txt")
  related_ids = line_file("related_ids.txt")
  for _, line in ipairs(read_lines("topics.txt")) do table.insert(topics, split(line)) end
  for _, line in ipairs(read_lines("providers.txt")) do table.insert(providers, split(line)) end
  types = read_lines("types.txt")
  categories = read_lines("categories.txt")
  local meta = split(read_lines("meta.txt")[1] or "0\t2015\t2024\t0")
  published = tonumber(meta[1]) or 0
  first_year = tonumber(meta[2]) or 2015
  last_year = tonumber(meta[3]) or 2024
  with_related = tonumber(meta[4]) or 0
  if shape ~= "reference" and (ids.size == 0 or #topics == 0 or #providers == 0) then
    error("no lists in " .. lists .. " (ids.txt, topics.txt, providers.txt)")
  end
  wrk.thread:set("url_space", url_space())
end

function request()
  local path = make[shape]()
  if distinct < MAX_TRACKED and not seen[path] then
    seen[path] = true
    distinct = distinct + 1
    wrk.thread:set("distinct", distinct)
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local distinct_urls, space = 0, 0
  for _, thread in ipairs(threads) do
    distinct_urls = distinct_urls + (tonumber(thread:get("distinct")) or 0)
    space = math.max(space, tonumber(thread:get("url_space")) or 0)
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT shape=%s requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "non2xx=%d connect=%d read=%d write=%d timeout=%d distinct_urls=%d url_space=%d\n",
    shape, summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect, e.read, e.write, e.timeout, distinct_urls, space))
end
