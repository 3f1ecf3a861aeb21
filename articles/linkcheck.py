"""Sources' links watched: each source's original and archived address fetched once a
day (``manage.py check_links``), each fetch kept as a ``LinkCheck``, and the source's
``SourceLinkHealth`` worked out from its last checks (``link_state``).

The fetcher is written here on urllib3 rather than with ``requests`` (or a link-checker
package) because what matters is what it refuses to do: the addresses are typed by
contributors, and the check runs on our servers, so a source could point the checker at
the database, the cache or a cloud's metadata service. Every hop (the first request and
each redirect, followed by hand, five at most) resolves the host once, refuses if *any*
of its addresses is private, loopback, link-local, multicast, reserved or unspecified
(``address_allowed``), and then connects to the address it checked, pinned, with the
host name only in the Host header and for TLS (so a second DNS answer cannot send the
request elsewhere: DNS rebinding). ``requests`` resolves again when it connects and
follows redirects itself; pinning through it needs a transport adapter that overrides
more of urllib3 than this module uses. Only http and https; GET (some servers refuse
HEAD); LINK_CHECK_TIMEOUT for connecting and for each read, three times that for a
whole fetch; at most LINK_CHECK_MAX_BYTES of a body read (the size then is "at least").

One task per host (``check_host``) checks that host's addresses one after another,
LINK_CHECK_HOST_DELAY seconds apart: a host is never asked twice at once, and several
workers check different hosts in parallel.
"""

import hashlib
import ipaddress
import re
import socket
import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings
from django.utils import timezone
from django_tasks import task

from articles.archive import capture_if_needed
from articles.models import LinkCheck, LinkKind, LinkState, SourceLinkHealth, SourcePage
from core.cache import purge_all

MAX_REDIRECTS = 5
PERMANENT_REDIRECTS = {301, 308}
REDIRECTS = {301, 302, 303, 307, 308}
# "Changed a lot": more than this many of the 64 bits of the SimHash differ from the
# last good check of the same address.
CHANGED_BITS = 10
# Offline only after this many failures in a row, the first and the last this far apart.
OFFLINE_FAILURES = 3
OFFLINE_SPAN = timedelta(days=2)
SUCCESSES = {LinkCheck.Verdict.OK, LinkCheck.Verdict.MOVED, LinkCheck.Verdict.CHANGED}
CHUNK = 64 * 1024
# The tasks' queue of their own (settings.TASKS): a host's checks take hours.
LINK_QUEUE = "links"


class FetchError(Exception):
    """The address could not be fetched (refused, not resolved, no answer): the message
    is kept with the check."""


@dataclass
class Fetched:
    url: str
    final_url: str = ""
    status_code: int | None = None
    content_type: str = ""
    size: int | None = None
    truncated: bool = False  # the body was longer than LINK_CHECK_MAX_BYTES
    sha256: str = ""
    simhash: str = ""
    redirected: bool = False
    error: str = ""


# Addresses


def address_allowed(address):
    """False for an address the checker must never connect to: private, loopback,
    link-local (169.254.169.254, a cloud's metadata), multicast, reserved, unspecified,
    or anything else not globally routable, also when written as IPv4-mapped IPv6.
    LINK_CHECK_ALLOW_PRIVATE_ADDRESSES (tests only) allows them all."""
    if settings.LINK_CHECK_ALLOW_PRIVATE_ADDRESSES:
        return True
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def resolve(host, port):
    """The one address to connect to for ``host``, once every address it resolves to
    is allowed (any refused one refuses the host: the answer could alternate)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"Host not found: {host}") from error
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchError(f"Host not found: {host}")
    for address in addresses:
        if not address_allowed(address):
            raise FetchError(f"Refused: {host} resolves to a private or reserved address")
    return addresses[0]


# Fetching


def fetch(url):
    """GET ``url`` as the checker does (see the module's docstring): a ``Fetched``,
    with ``error`` set if it could not be fetched."""
    result = Fetched(url=url)
    deadline = time.monotonic() + 3 * settings.LINK_CHECK_TIMEOUT
    current = url
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            response, pool = request(current)
            try:
                location = response.headers.get("Location")
                if response.status in REDIRECTS and location:
                    current = urljoin(current, location)
                    result.redirected = True
                    continue
                result.final_url = current
                result.status_code = response.status
                result.content_type = response.headers.get("Content-Type", "")[:255]
                read_body(response, result, deadline)
                return result
            finally:
                response.release_conn()
                pool.close()
        raise FetchError(f"More than {MAX_REDIRECTS} redirects")
    except FetchError as error:
        result.error = str(error)[:255]
    except urllib3.exceptions.NewConnectionError:  # a TimeoutError too, in urllib3
        result.error = "Connection refused or failed"
    except urllib3.exceptions.TimeoutError:
        result.error = "No answer in time"
    except urllib3.exceptions.SSLError as error:
        result.error = f"TLS error: {error}"[:255]
    except (urllib3.exceptions.HTTPError, OSError) as error:
        result.error = f"Connection failed: {type(error).__name__}"
    except ValueError:  # an address or a header that cannot be sent as it is
        result.error = "Not a valid address"
    result.final_url = result.final_url or current
    return result


def request(url):
    """One GET of ``url`` on a connection to the address its host resolved to."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"Refused: not an http or https address ({parts.scheme or 'none'})")
    try:
        host, port = parts.hostname, parts.port
    except ValueError as error:
        raise FetchError("Not a valid address") from error
    if not host:
        raise FetchError("Not a valid address")
    try:  # an internationalised name, as DNS, TLS and the Host header spell it
        host = host.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise FetchError("Not a valid address") from error
    https = parts.scheme == "https"
    port = port or (443 if https else 80)
    address = resolve(host, port)
    timeout = urllib3.Timeout(connect=settings.LINK_CHECK_TIMEOUT, read=settings.LINK_CHECK_TIMEOUT)
    options = {"port": port, "timeout": timeout, "retries": False, "maxsize": 1}
    if https:
        pool = urllib3.HTTPSConnectionPool(
            address,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            **options,
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, **options)
    default_port = port == (443 if https else 80)
    host_header = host if default_port else f"{host}:{port}"
    if ":" in host and not default_port:  # an IPv6 literal
        host_header = f"[{host}]:{port}"
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {
        "Host": host_header,
        "User-Agent": settings.LINK_CHECK_USER_AGENT,
        "Accept": "*/*",
        # The body's bytes as sent: its hash and size mean the same on every check, and
        # nothing is decompressed beyond the size cap.
        "Accept-Encoding": "identity",
    }
    try:
        response = pool.urlopen(
            "GET",
            path,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            decode_content=False,
            assert_same_host=False,
        )
    except BaseException:
        pool.close()
        raise
    return response, pool


def read_body(response, result, deadline):
    """Read at most LINK_CHECK_MAX_BYTES of the body, hashing it as it comes."""
    cap = settings.LINK_CHECK_MAX_BYTES
    digest = hashlib.sha256()
    body = bytearray()
    while len(body) <= cap:
        if time.monotonic() > deadline:
            raise FetchError("No answer in time")
        chunk = response.read(CHUNK, decode_content=False)
        if not chunk:
            break
        body += chunk
    if len(body) > cap:
        del body[cap:]
        result.truncated = True
    digest.update(body)
    result.size = len(body)
    result.sha256 = digest.hexdigest()
    result.simhash = f"{simhash(text_of(body, result.content_type)):016x}"


def text_of(body, content_type):
    match = re.search(r"charset=([\w.:-]+)", content_type, re.IGNORECASE)
    try:
        text = bytes(body).decode(match.group(1) if match else "utf-8", errors="replace")
    except LookupError:
        text = bytes(body).decode("utf-8", errors="replace")
    return TAG.sub(" ", text)


TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"\w+")


def simhash(text):
    """A 64-bit SimHash of the words of ``text``: similar texts get hashes a few bits
    apart, different ones about 32 bits apart. Each distinct word votes, weighted by how
    often it occurs, for or against each bit with the bits of its own hash."""
    votes = [0] * 64
    for word, count in Counter(WORD.findall(text.lower())).items():
        hashed = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest())
        for bit in range(64):
            votes[bit] += count if hashed >> bit & 1 else -count
    return sum(1 << bit for bit in range(64) if votes[bit] > 0)


def distance(a, b):
    """How many bits two hex SimHashes differ by."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


# Verdicts and states: pure functions


def verdict(fetched, last_ok_simhash=""):
    """What a fetch says about an address: ok, moved (reached through a redirect), gone
    (404, 410), changed (the words differ a lot from the last good check's), or
    unreachable (anything else: no answer, refused, 5xx, another 4xx)."""
    code = fetched.status_code
    if fetched.error or code is None:
        return LinkCheck.Verdict.UNREACHABLE
    if code in (404, 410):
        return LinkCheck.Verdict.GONE
    if not 200 <= code < 300:
        return LinkCheck.Verdict.UNREACHABLE
    if fetched.redirected and fetched.final_url != fetched.url:
        return LinkCheck.Verdict.MOVED
    if last_ok_simhash and fetched.simhash:
        if distance(last_ok_simhash, fetched.simhash) > CHANGED_BITS:
            return LinkCheck.Verdict.CHANGED
    return LinkCheck.Verdict.OK


@dataclass
class State:
    state: str
    verdict: str = ""
    checked_at: object = None
    online_at: object = None
    offline_since: object = None


def link_state(checks):
    """An address's state from its checks, newest first (``(verdict, checked_at)``
    pairs; those since its last success, and that success, are enough): online after a
    success; offline after OFFLINE_FAILURES failures in a row or more, the first and the
    last at least OFFLINE_SPAN apart (offline since the first); failing otherwise."""
    if not checks:
        return State(LinkState.UNCHECKED)
    latest_verdict, latest_at = checks[0]
    success_at = next((at for v, at in checks if v in SUCCESSES), None)
    state = State(LinkState.ONLINE, latest_verdict, latest_at, online_at=success_at)
    if latest_verdict in SUCCESSES:
        return state
    failures = []
    for check_verdict, checked_at in checks:
        if check_verdict in SUCCESSES:
            break
        failures.append(checked_at)
    first_failure = failures[-1]
    if len(failures) >= OFFLINE_FAILURES and latest_at - first_failure >= OFFLINE_SPAN:
        state.state = LinkState.OFFLINE
        state.offline_since = first_failure
    else:
        state.state = LinkState.FAILING
    return state


# Checks, recorded


def address_of(source, kind):
    return source.original_url if kind == LinkKind.ORIGINAL else source.archived_url


def check_address(source, kind, now=None):
    """Fetch one of a source's addresses, keep the check, and update the source's
    health. True if what readers see of it changed."""
    url = address_of(source, kind)
    if not url:
        return False
    checks = LinkCheck.objects.filter(source=source, kind=kind, url=url)
    last_ok = checks.filter(verdict=LinkCheck.Verdict.OK).exclude(body_simhash="").first()
    fetched = fetch(url)
    LinkCheck.objects.create(
        source=source,
        kind=kind,
        url=url,
        checked_at=now or timezone.now(),
        status_code=fetched.status_code,
        final_url=fetched.final_url[:2000],
        content_type=fetched.content_type,
        size=fetched.size,
        body_sha256=fetched.sha256,
        body_simhash=fetched.simhash,
        verdict=verdict(fetched, last_ok.body_simhash if last_ok else ""),
        error=fetched.error,
    )
    return update_health(source, kind, url)


def recent_checks(source, kind, url):
    """The checks of this address since its last success, and that success, newest first."""
    checks = LinkCheck.objects.filter(source=source, kind=kind, url=url)
    checks = checks.order_by("-checked_at", "-pk")
    last_success = checks.filter(verdict__in=SUCCESSES).values_list("checked_at", flat=True)[:1]
    if last_success:
        checks = checks.filter(checked_at__gte=last_success[0])
    return list(checks.values_list("verdict", "checked_at"))


def update_health(source, kind, url):
    """Work out the address's state from its checks and keep it. True if what readers
    see of it (its state and the dates shown with it) changed."""
    state = link_state(recent_checks(source, kind, url))
    health, _ = SourceLinkHealth.objects.get_or_create(source=source)
    fields = {
        f"{kind}_state": state.state,
        f"{kind}_verdict": state.verdict,
        f"{kind}_checked_at": state.checked_at,
        f"{kind}_offline_since": state.offline_since,
    }
    if state.online_at:  # kept from earlier checks when none since is a success
        fields[f"{kind}_online_at"] = state.online_at
    before = shown(health, kind)
    for name, value in fields.items():
        setattr(health, name, value)
    health.save()
    return shown(health, kind) != before


def shown(health, kind):
    """What the reader's line about this address depends on (components/link_state.html)."""
    values = [getattr(health, f"{kind}_{name}") for name in ("checked_at", "online_at")]
    return (
        getattr(health, f"{kind}_state"),
        getattr(health, f"{kind}_offline_since"),
        *[timezone.localdate(value) if value else None for value in values],
    )


def forget_replaced_addresses(sender, instance, **kwargs):
    """On publishing a source (``page_published``): an address that is not the one last
    checked (an editor accepted an archive capture, say) shows nothing until it is
    checked, rather than the old address's state."""
    health = SourceLinkHealth.objects.filter(source=instance).first()
    if health is None:
        return
    replaced = False
    for kind in LinkKind.values:
        last = LinkCheck.objects.filter(source=instance, kind=kind).values_list("url", flat=True)
        last_url = last.first()
        if last_url is not None and last_url != address_of(instance, kind):
            for name in ("verdict", "checked_at", "online_at", "offline_since"):
                setattr(health, f"{kind}_{name}", "" if name == "verdict" else None)
            setattr(health, f"{kind}_state", LinkState.UNCHECKED)
            replaced = True
    if replaced:
        health.save()


# Tasks


def host_of(url):
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def addresses_by_host(sources):
    """{host: [[source id, kind], ...]} for these sources' addresses."""
    hosts = {}
    for source in sources:
        for kind in LinkKind.values:
            url = address_of(source, kind)
            if url:
                hosts.setdefault(host_of(url), []).append([source.pk, kind])
    return hosts


@task(queue_name=LINK_QUEUE)
def check_host(host, addresses):
    """Check one host's addresses (``[source id, kind]`` pairs) one after another,
    LINK_CHECK_HOST_DELAY seconds apart; then ask for archive captures the checks call
    for (articles.archive). Purges the page cache once if readers would see a change."""
    sources = (
        SourcePage.objects.live()
        .only("title", "original_url", "archived_url")
        .in_bulk({source_id for source_id, _kind in addresses})
    )
    changed = False
    for number, (source_id, kind) in enumerate(addresses):
        source = sources.get(source_id)
        if source is None:  # unpublished or deleted since
            continue
        if number:
            time.sleep(settings.LINK_CHECK_HOST_DELAY)
        changed |= check_address(source, kind)
        capture_if_needed(source)
    if changed:
        purge_all()
    return changed
