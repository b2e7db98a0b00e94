//! The client's address, for rate limits, sign-in throttling and the
//! `/metrics` allow-list.
//!
//! Behind `KOLEGA_TRUST_PROXY=N` reverse proxies, each proxy appends the
//! address it received the request from to `X-Forwarded-For`, so the last N
//! entries were written by machines we trust and everything to their left
//! by the client (who can write anything there). The client is therefore the
//! Nth entry from the right — never the leftmost, which is whatever the
//! client sent. When the header has fewer entries than N, or that entry is
//! no IP address, the request did not come the way the configuration says
//! (a misconfigured or bypassed proxy): we use the TCP peer, which at worst
//! puts such requests under the proxy's address — over-limited, never
//! spoofable.
//!
//! A loopback address means "the machine that wrote it": `127.0.0.1`
//! written by a proxy elsewhere is a client on the proxy's machine, not on
//! ours. So such an entry becomes the address of its writer (the entry to
//! its right, or the peer) — which also keeps a client that reaches
//! Kolega directly and claims `127.0.0.1` out of the `/metrics` allow-list.
//!
//! Written here rather than with axum-client-ip: its `RightmostXForwardedFor`
//! trusts exactly one hop and refuses the request when the header is
//! missing, while we need a hop count and a fall-back to the peer; what is
//! left is one small function over `std::net::IpAddr`, tested below.

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;

/// The client of a request that arrived from `peer` (the TCP peer, if
/// known) with `headers`, trusting `trusted_hops` proxies in front of us.
pub fn client_address(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted_hops: usize,
) -> Option<IpAddr> {
    let peer = peer.map(|ip| ip.to_canonical());
    if trusted_hops == 0 {
        return peer;
    }
    // Several header lines are one list, in order (RFC 9110, 5.3). A line
    // that is not visible ASCII cannot be split reliably: count it as junk,
    // so the entries to its right still line up.
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .flat_map(|line| line.to_str().unwrap_or("\u{0}").split(','))
        .map(str::trim)
        .collect();
    let Some(start) = entries.len().checked_sub(trusted_hops) else {
        return peer;
    };
    let mut client = parse_entry(entries[start]);
    // Who wrote each entry: the next one to its right, the last the peer.
    let writers = entries[start + 1..]
        .iter()
        .map(|entry| parse_entry(entry))
        .chain(std::iter::once(peer));
    for writer in writers {
        match client {
            Some(ip) if ip.is_loopback() => client = writer,
            _ => break,
        }
    }
    client.or(peer)
}

/// An address as proxies write it: `192.0.2.1`, `2001:db8::1`, or with a
/// port (`192.0.2.1:4711`, `[2001:db8::1]:4711`), as some load balancers do.
fn parse_entry(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .or_else(|_| entry.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    const PEER: &str = "10.0.0.5";

    fn from(lines: &[&str], hops: usize) -> Option<String> {
        let mut headers = HeaderMap::new();
        for line in lines {
            headers.append("x-forwarded-for", HeaderValue::from_str(line).unwrap());
        }
        client_address(PEER.parse().ok(), &headers, hops).map(|ip| ip.to_string())
    }

    fn peer() -> Option<String> {
        Some(PEER.to_owned())
    }

    #[test]
    fn without_a_trusted_proxy_the_header_is_ignored() {
        assert_eq!(from(&["127.0.0.1"], 0), peer());
        assert_eq!(from(&[], 0), peer());
    }

    #[test]
    fn one_proxy_means_the_rightmost_entry() {
        assert_eq!(from(&["203.0.113.7"], 1).as_deref(), Some("203.0.113.7"));
        assert_eq!(
            from(&["127.0.0.1, 203.0.113.7"], 1).as_deref(),
            Some("203.0.113.7"),
            "a spoofed leftmost entry is not the client"
        );
        assert_eq!(
            from(&[" 198.51.100.1 ,203.0.113.7 "], 1).as_deref(),
            Some("203.0.113.7")
        );
    }

    #[test]
    fn n_proxies_mean_the_nth_entry_from_the_right() {
        let chain = ["198.51.100.1, 203.0.113.7, 10.0.0.2"];
        assert_eq!(from(&chain, 2).as_deref(), Some("203.0.113.7"));
        assert_eq!(from(&chain, 3).as_deref(), Some("198.51.100.1"));
    }

    #[test]
    fn several_header_lines_are_one_list_in_order() {
        let lines = ["198.51.100.1", "203.0.113.7, 10.0.0.2"];
        assert_eq!(from(&lines, 1).as_deref(), Some("10.0.0.2"));
        assert_eq!(from(&lines, 2).as_deref(), Some("203.0.113.7"));
        assert_eq!(from(&lines, 3).as_deref(), Some("198.51.100.1"));
    }

    #[test]
    fn too_few_entries_or_junk_fall_back_to_the_peer() {
        assert_eq!(from(&[], 1), peer(), "no header");
        assert_eq!(from(&["203.0.113.7"], 2), peer(), "fewer entries than hops");
        assert_eq!(from(&["unknown"], 1), peer());
        assert_eq!(from(&["203.0.113.7, "], 1), peer(), "an empty last entry");
        assert_eq!(from(&["203.0.113.7, 300.1.1.1"], 1), peer());
        assert_eq!(from(&["203.0.113.7, not-an-ip"], 1), peer());
        // A line that is not ASCII still counts as one entry.
        let mut headers = HeaderMap::new();
        headers.append("x-forwarded-for", HeaderValue::from_static("203.0.113.7"));
        headers.append(
            "x-forwarded-for",
            HeaderValue::from_bytes("čćž".as_bytes()).unwrap(),
        );
        assert_eq!(
            client_address(PEER.parse().ok(), &headers, 1).map(|ip| ip.to_string()),
            peer()
        );
        assert_eq!(
            client_address(PEER.parse().ok(), &headers, 2).map(|ip| ip.to_string()),
            Some("203.0.113.7".to_owned())
        );
    }

    #[test]
    fn ports_ipv6_and_mapped_addresses_are_read() {
        assert_eq!(
            from(&["203.0.113.7:4711"], 1).as_deref(),
            Some("203.0.113.7")
        );
        assert_eq!(from(&["2001:DB8::1"], 1).as_deref(), Some("2001:db8::1"));
        assert_eq!(
            from(&["[2001:db8::1]:4711"], 1).as_deref(),
            Some("2001:db8::1")
        );
        assert_eq!(
            from(&["::ffff:203.0.113.7"], 1).as_deref(),
            Some("203.0.113.7")
        );
        let mapped_peer = "::ffff:127.0.0.1".parse().ok();
        assert_eq!(
            client_address(mapped_peer, &HeaderMap::new(), 0).map(|ip| ip.to_string()),
            Some("127.0.0.1".to_owned())
        );
    }

    #[test]
    fn loopback_is_the_machine_that_wrote_it() {
        // A client claiming to be "localhost" to a proxy elsewhere, or to us
        // directly, is the machine it connected from.
        assert_eq!(from(&["127.0.0.1"], 1), peer());
        assert_eq!(from(&["::1"], 1), peer());
        assert_eq!(
            from(&["127.0.0.1, 203.0.113.9"], 2).as_deref(),
            Some("203.0.113.9")
        );
        assert_eq!(
            from(&["127.0.0.1, 127.0.0.1"], 2),
            peer(),
            "two proxies on one machine"
        );
        assert_eq!(from(&["127.0.0.1, junk"], 2), peer());
        // Through a proxy on this machine, loopback is this machine.
        let mut headers = HeaderMap::new();
        headers.append("x-forwarded-for", HeaderValue::from_static("127.0.0.1"));
        let local = client_address("127.0.0.1".parse().ok(), &headers, 1);
        assert_eq!(local.map(|ip| ip.to_string()).as_deref(), Some("127.0.0.1"));
    }

    #[test]
    fn without_a_peer_nothing_is_made_up() {
        assert_eq!(client_address(None, &HeaderMap::new(), 1), None);
    }
}
