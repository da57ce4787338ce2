/**
 * Ingest stage, capturing: the recording reverse proxy of {@code prod2test record} (SPEC §2), for
 * teams that capture in staging or do not log bodies yet.
 *
 * <p><b>Takes in</b> live HTTP/1.1 traffic on the listening address, and a {@link
 * io.prod2test.core.ingest.record.RecordingConfig}: where to listen, the upstream URL, the log file,
 * an optional {@link io.prod2test.mask.Masker} and a service name. <b>Puts out</b> two things: to
 * the client, the upstream's responses unchanged (status, end-to-end headers, body bytes, streamed
 * as they arrive, chunked when the upstream's length is unknown); and to the log file, one
 * canonical exchange ({@link io.prod2test.api.ExchangeJson#write}) a line, masked when a masker is
 * set, appended and flushed as each exchange completes. Entry point: {@link
 * io.prod2test.core.ingest.record.RecordingProxy#start}.
 *
 * <p>What is forwarded: method, raw path and query (after the upstream URL's own path, if any), all
 * headers but the hop-by-hop ones ({@code connection} and the headers it names, {@code keep-alive},
 * {@code proxy-*}, {@code te}, {@code trailer}, {@code transfer-encoding}, {@code upgrade},
 * {@code expect}); {@code host} becomes the upstream's; the client's address is appended to
 * {@code x-forwarded-for}; {@code traceparent} passes through untouched. Responses, redirects
 * included, go back as the upstream sent them (the JDK server sets its own {@code date}; a
 * {@code location} pointing at the upstream is not rewritten). Upstream unreachable: the client
 * gets {@code 502} with a JSON {@code {"error", "message"}} body, and that exchange is logged with
 * status 502. A response cut off part way is cut off for the client too (the connection is
 * dropped, never ended as if complete).
 *
 * <p>What is logged, per exchange: {@code ts} when the request arrived; {@code method} in upper
 * case; {@code path} raw as sent, {@code query} form-decoded (as the ingest readers do); the
 * request headers as the upstream received them (no hop-by-hop, no {@code host}, with {@code
 * x-forwarded-for}), the response headers as the upstream sent them (no hop-by-hop), names in
 * lower case, repeated headers joined; {@code status}; {@code durationMs} until the last byte was
 * relayed; {@code traceId} from an incoming {@code traceparent}; {@code clientIp} from the first
 * {@code x-forwarded-for} entry, else the connection; {@code sessionId} from a {@code sid},
 * {@code session} or {@code JSESSIONID} cookie (or the one the response sets, for a login);
 * {@code userId} from the {@code sub} claim of a bearer JWT.
 *
 * <p>Bodies: up to {@link io.prod2test.core.ingest.record.RecordingProxy#BODY_LIMIT} (1 MiB), text
 * and JSON content types are logged as JSON when they parse, as a string otherwise; {@code gzip} and
 * {@code deflate} are decoded for the log. Everything else becomes a JSON string
 * {@code "<body of N bytes not recorded: REASON>"} (binary, over the limit, an undecodable coding,
 * interrupted): base64 would pass for text in the canonical shape, and the masker cannot see
 * personal data inside binary formats, so nothing it cannot mask is written. Bodies stream through;
 * only the first MiB is held, for the log.
 *
 * <p>Lines are in order of completion, not of arrival. An existing log is appended to. Not
 * supported: WebSocket and other upgrades, {@code CONNECT}, HTTP/2 to the upstream, TLS on the
 * listening side.
 */
package io.prod2test.core.ingest.record;
