# PPRNet Research Blog: Varnish 7.1 (Debian 12, with varnish-modules for xkey) between nginx and the app.
#   nginx (TLS, :443) -> Varnish (127.0.0.1:6081) -> Kestrel (127.0.0.1:5000)
# Install as /etc/varnish/default.vcl and run varnishd with the options in deploy/varnish.service.conf
# (-p http_gzip_support=off among them, so Brotli from the app reaches browsers that ask for it).
# The app purges by tag after every save: set Cdn__PurgeUrls__0=http://127.0.0.1:6081/ on the app.
vcl 4.1;

import std;
import xkey;

backend app {
    .host = "127.0.0.1";
    .port = "5000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    # While the app restarts, the probe marks it sick and grace serves what is cached.
    .probe = {
        .url = "/healthz";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
    }
}

# Only the app, on this machine, may purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is for the app only"));
        }
        if (!req.http.xkey) {
            return (synth(400, "PURGE needs an xkey header: the cache tags to purge"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }

    # Forms, sign-in and everything an editor does go straight to the app and are never stored.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)pprnet\.auth") {
        return (pass);
    }
    if (req.url ~ "^/(admin|subscribe|healthz|readyz)(/|\?|$)") {
        return (pass);
    }

    # Public pages are the same for everyone: other cookies must not split or bypass the cache.
    unset req.http.Cookie;

    # One value per coding, as the app itself normalizes, so each page is kept at most three times.
    if (req.http.Accept-Encoding ~ "\bbr\b") {
        set req.http.Accept-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "\bgzip\b") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    return (hash);
}

sub vcl_backend_response {
    # Stale pages are served for a day while the app is down or being asked again (stale-if-error).
    set beresp.grace = 24h;

    # Anything personal, or that sets a cookie, is passed through and not stored.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The tags are for caches, not readers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
