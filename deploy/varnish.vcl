vcl 4.1;
# Varnish in front of the practice site: the edge cache that keeps anonymous visitors' public
# pages and is purged by the app when an editor publishes (practice_site/edge_cache.py). Used by
# deploy/topology.py, tests/topology/ and `make bench-edge`; on a server, render it once (the
# placeholders below; `envsubst` does it) into /etc/varnish/default.vcl.
#
# Placeholders, each written as a dollar sign and the name in braces:
#   BACKEND_HOST, BACKEND_PORT   the reverse proxy (nginx's edge listener, EDGE_LISTEN in
#                                deploy/nginx.conf.template), e.g. 127.0.0.1 and 8081
#
# What it does:
# - Caches only what the app marks for shared caches (Cache-Control s-maxage): the app decides
#   what is public; anything without it (the contact form, the thanks page, the admin, search,
#   redirects, errors) passes through untouched. /static/ files are cached by their own max-age.
# - Never looks up or stores: non-GET/HEAD requests, the admin, documents, the contact and
#   search pages, /healthz, and any request with a session cookie (an editor, a visitor on the
#   thanks page) or Authorization. Other cookies (the CSRF cookie) are dropped from the public
#   pages it may cache: those pages don't read them.
# - PURGE <path> (with the page's Host) from the `purgers` addresses only: the app servers.
# - Tracking parameters (utm_*, fbclid, gclid, mc_cid, mc_eid) are removed before the lookup: no
#   page reads them (the app's page cache ignores them too), and a link shared with them then
#   hits the same cached page instead of filling the cache with copies.

import std;

backend default {
    .host = "${BACKEND_HOST}";
    .port = "${BACKEND_PORT}";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
}

# Who may purge: the app servers. On several machines, list their private addresses here.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from here."));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        return (synth(405, "Not allowed."));
    }
    # One cache entry per page whatever the case of the host name.
    if (req.http.host) {
        set req.http.host = std.tolower(req.http.host);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents|contact|search|es/search)(/|\?|$)" || req.url ~ "^/healthz") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(__Host-)?sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    # Tracking parameters: dropped, then a dangling ? or & tidied.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=") {
        set req.url = regsuball(req.url, "(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]+$", "");
        set req.url = regsub(req.url, "\?&+", "?");
    }
    return (hash);
}

sub vcl_backend_fetch {
    # A fetch for a page this cache may keep: the app renders it afresh rather than from its own
    # page cache, which may not have heard of a change yet (practice_site/page_cache.py).
    if (!bereq.uncacheable) {
        set bereq.http.X-Edge-Fill = "1";
    } else {
        unset bereq.http.X-Edge-Fill;
    }
}

sub vcl_backend_response {
    # Cached only when the app said a shared cache may keep it (s-maxage), or a static file.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || (beresp.http.Cache-Control !~ "s-maxage" && bereq.url !~ "^/static/")) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;  # remember "don't cache" for a while (hit-for-miss)
        return (deliver);
    }
    # Serve a slightly stale page while one request fetches the new one (after the TTL, not after
    # a purge: a purged page is gone).
    set beresp.grace = 30s;
    return (deliver);
}

sub vcl_deliver {
    # For tests and the benchmark; the same header the app's own page cache sends is X-Cache.
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "HIT";
    } else {
        set resp.http.X-Edge-Cache = "MISS";
    }
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason;
    return (deliver);
}
