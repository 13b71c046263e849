"""A Redis cache that fails open: when Redis is down, reads miss and writes are dropped (logged
once a minute per process), so pages render uncached instead of failing. Wagtail itself keeps
site root paths in the cache, so without this a Redis outage would take the site down.

It also offers ``get_tracked(key)``: a read answered from this process's memory for as long as
Redis has not said the key changed (Redis "client-side caching", ``CLIENT TRACKING`` over RESP3).
The page cache reads its generation this way, so a page served from the cache needs no round
trip to Redis at all, while a change made by any other process is still seen on the next
request."""

import logging
import os
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError, ResponseError

logger = logging.getLogger(__name__)

_WARN_INTERVAL = 60.0


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client builds a new ``redis.Redis`` for every cache call, and redis-py 8 fills a
    ~170-entry response-callback table in each one: about a third of the time of serving a page
    from the cache. A ``redis.Redis`` is safe to share (it takes connections from its pool), so
    keep one per connection pool. The pools themselves already follow forks (redis-py checks
    the process id)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class TrackedKey:
    """This process's copy of one Redis value, kept current by Redis itself.

    A connection of its own (RESP3) turns on ``CLIENT TRACKING`` and reads the key. From then
    on Redis pushes an ``invalidate`` message down that connection when any client changes,
    deletes or flushes the key, in the same pass of its event loop as the writer's reply (so it
    is here microseconds after the writer knows the change is made, long before a request made
    because of that change can arrive). Each read only looks, without waiting, for such a
    message (one ``poll``, a few microseconds) and re-reads the key when there was one: the
    unchanged value costs no round trip, and a changed one is seen by every process at once.

    Safety nets: the value is re-read at least every ``max_age`` seconds (so even a connection
    that died silently can't keep a stale value for longer), anything unexpected drops the
    connection (the next read reconnects), and a process that forked starts afresh (gunicorn
    preloads the app).
    """

    def __init__(self, pool, raw_key, loads, max_age):
        self._pool = pool
        self._raw_key = raw_key
        self._loads = loads
        self._max_age = max_age
        self._conn = None
        self._pid = None
        self._value = None
        self._read_at = None  # None: must be read (never read, or Redis said it changed)
        self._lock = threading.Lock()

    def _invalidated(self, _message):
        self._read_at = None

    def _connect(self):
        conn = self._pool.connection_class(**{**self._pool.connection_kwargs, "protocol": 3})
        conn.connect()
        conn._parser.set_invalidation_push_handler(self._invalidated)
        conn.send_command("CLIENT", "TRACKING", "ON")
        if conn.read_response() not in (b"OK", "OK"):
            raise ResponseError("CLIENT TRACKING was refused")
        self._conn, self._pid, self._read_at = conn, os.getpid(), None

    def reset(self):
        if self._conn is not None and self._pid == os.getpid():
            try:
                self._conn.disconnect()
            except Exception:  # pragma: no cover - closing a broken socket
                pass
        self._conn, self._read_at = None, None

    def get(self):
        """The current value (``None`` when the key is missing). Raises RedisError/OSError."""
        with self._lock:
            if self._conn is None or self._pid != os.getpid():
                self._connect()
            conn = self._conn
            try:
                while conn.can_read(timeout=0):
                    conn.read_response(push_request=True)  # an invalidation: see _invalidated
                now = time.monotonic()
                if self._read_at is None or now - self._read_at > self._max_age:
                    # Stamp the read before making it: an invalidation that arrives with the
                    # reply (the parser hands it to _invalidated first) must win.
                    self._read_at = now
                    conn.send_command("GET", self._raw_key)
                    raw = conn.read_response()
                    self._value = None if raw is None else self._loads(raw)
            except BaseException:
                self.reset()
                raise
            return self._value


class ResilientRedisCache(RedisCache):
    _last_warning = 0.0
    # Seconds a tracked value may be kept without re-reading it (see TrackedKey).
    tracking_max_age = 5.0
    # Seconds to wait, after tracking failed, before trying it again (plain reads meanwhile).
    tracking_retry_after = 10.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._tracked = {}
        self._tracking_failed_at = None

    def get_tracked(self, key, default=None, version=None):
        """``get()``, answered from memory while Redis has not signalled a change to the key
        (see TrackedKey). Falls back to a plain ``get()`` when tracking is unavailable."""
        raw_key = self.make_and_validate_key(key, version=version)
        now = time.monotonic()
        if self._tracking_failed_at is None or now - self._tracking_failed_at > self.tracking_retry_after:
            tracked = self._tracked.get(raw_key)
            if tracked is None:
                pool = self._cache._get_connection_pool(False)
                tracked = self._tracked[raw_key] = TrackedKey(
                    pool, raw_key, self._cache._serializer.loads, self.tracking_max_age
                )
            try:
                value = tracked.get()
            except (RedisError, OSError):
                self._tracking_failed_at = now
                self._warn("tracked get")
            else:
                self._tracking_failed_at = None
                return default if value is None else value
        return self.get(key, default, version)

    def _warn(self, operation):
        now = time.monotonic()
        if now - ResilientRedisCache._last_warning > _WARN_INTERVAL:
            ResilientRedisCache._last_warning = now
            logger.warning("cache unavailable (%s); continuing without it", operation)

    def _guard(self, operation, default, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except (RedisError, OSError):
            self._warn(operation)
            return default

    def get(self, key, default=None, version=None):
        return self._guard("get", default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, super().get_many, keys, version)

    def set(self, *args, **kwargs):
        return self._guard("set", None, super().set, *args, **kwargs)

    def set_strict(self, *args, **kwargs):
        """``set()`` that raises when Redis can't take it (the page cache must know)."""
        return super().set(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._guard("add", False, super().add, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._guard("set_many", [], super().set_many, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guard("delete", False, super().delete, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guard("delete_many", None, super().delete_many, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guard("touch", False, super().touch, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._guard("has_key", False, super().has_key, *args, **kwargs)

    def clear(self):
        return self._guard("clear", None, super().clear)
