"""A Redis cache that fails open: when Redis is down, reads miss and writes are dropped (logged
once a minute per process), so pages render uncached instead of failing. Wagtail itself keeps
site root paths in the cache, so without this a Redis outage would take the site down."""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

_WARN_INTERVAL = 60.0


class ResilientRedisCache(RedisCache):
    _last_warning = 0.0

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
