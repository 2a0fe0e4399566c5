// failure/network-timeout for redis-py: clients and pools made without socket_timeout (no timeout by
// default), or with socket_timeout=None, under every import form, with the fix that adds the timeout;
// not with a timeout, a connection pool, **kwargs, or a URL that carries socket_timeout.
import { findingRows, fixSummary } from "../../helpers/rule-tester";

const MISSING = "without `socket_timeout=`";
const DISABLED = "with `socket_timeout=None`";

const ROWS: [string, string[]][] = [
  ["import redis\n\ncache = redis.Redis(host=\"cache\", port=6379)\n", ["3:9 redis.Redis " + MISSING + " => Add socket_timeout=10 3:44 \", socket_timeout=10\""]],
  ["from redis import StrictRedis\n\ncache = StrictRedis()\n", ["3:9 redis.StrictRedis " + MISSING + " => Add socket_timeout=10 3:21 \"socket_timeout=10\""]],
  ["import redis.asyncio as aioredis\n\ncache = aioredis.from_url(REDIS_URL)\n", ["3:9 redis.asyncio.from_url " + MISSING + " => Add socket_timeout=10 3:36 \", socket_timeout=10\""]],
  ["import redis\n\npool = redis.ConnectionPool(host=\"cache\", socket_timeout=None)\n", ["3:8 redis.ConnectionPool " + DISABLED]],
  ["from redis.asyncio import Redis\n\ncache = Redis.from_url(\"redis://cache:6379/0\")\n", ["3:9 redis.asyncio.Redis.from_url " + MISSING + " => Add socket_timeout=10 3:46 \", socket_timeout=10\""]],
  ["import redis\n\ncache = redis.Redis(host=\"cache\", socket_timeout=5, socket_connect_timeout=2)\n", []],
  ["import redis\n\npool = redis.ConnectionPool(host=\"cache\", socket_timeout=5)\ncache = redis.Redis(connection_pool=pool)\n", []],
  ["import redis\n\ncache = redis.Redis(**settings.REDIS)\n", []],
  ["import redis\n\ncache = redis.from_url(\"redis://cache:6379/0?socket_timeout=5\")\n", []],
  ["import redis\n\nclient = redis.exceptions.ConnectionError\nredis.Redis.ping\n", []],
];

findingRows("failure/network-timeout (Python redis)", "failure/network-timeout", ROWS, {
  filename: "app/cache.py",
  show: (f) => {
    const [, api, how] = /^`([^`]+)` (without `socket_timeout=`|with `socket_timeout=None`)/.exec(f.message) ?? [];
    return `${f.line}:${f.column} ${api} ${how}${fixSummary(f)}`;
  },
});
