package io.prod2test.core.ingest.record;

import io.prod2test.mask.Masker;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a {@link RecordingProxy} listens on, forwards to and writes.
 *
 * @param listen   the address the proxy accepts connections on; port 0 picks a free one
 *                 ({@link RecordingProxy#address()} then tells which)
 * @param upstream the service to forward to: an absolute {@code http} or {@code https} URL; a path
 *                 in it is a prefix put before every request's own path
 * @param out      the canonical log to append to, one exchange a line; created with its folders
 * @param masker   masks every exchange before it is written; {@code null} writes the raw exchange
 *                 (the caller decides whether that is allowed, e.g. for a staging capture)
 * @param service  the {@code service} field of every line; {@code null} means the upstream's host
 */
public record RecordingConfig(InetSocketAddress listen, URI upstream, Path out, Masker masker, String service) {

    public RecordingConfig {
        if (listen == null) {
            throw new IllegalArgumentException("listen is required: the HOST:PORT the proxy accepts connections on (port 0 picks a free one)");
        }
        if (listen.isUnresolved()) {
            throw new IllegalArgumentException("listen must be a resolvable address, was '" + listen.getHostString() + "'");
        }
        if (upstream == null) {
            throw new IllegalArgumentException("upstream is required: the URL of the service the proxy forwards to");
        }
        String scheme = upstream.getScheme() == null ? null : upstream.getScheme().toLowerCase(Locale.ROOT);
        if (!upstream.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme)) || upstream.isOpaque()) {
            throw new IllegalArgumentException("upstream must be an absolute http:// or https:// URL, was '" + upstream + "'");
        }
        if (upstream.getHost() == null || upstream.getHost().isEmpty()) {
            throw new IllegalArgumentException("upstream must name a host, was '" + upstream + "'");
        }
        if (upstream.getRawUserInfo() != null) {
            // A credential in the URL would end up in command lines, process lists and error messages.
            throw new IllegalArgumentException("upstream must not carry user info (a credential): give the host only");
        }
        if (upstream.getRawQuery() != null || upstream.getRawFragment() != null) {
            throw new IllegalArgumentException("upstream must not have a query or fragment: each request's own path and query are appended to it, was '"
                    + upstream + "'");
        }
        if (out == null) {
            throw new IllegalArgumentException("out is required: the file the canonical log is written to");
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("out must be a file, not a folder: " + out);
        }
        if (service == null) {
            service = upstream.getHost();
        } else if (service.isBlank()) {
            throw new IllegalArgumentException("service must not be blank: leave it out to use the upstream's host");
        }
    }

    /** Raw recording (no masker) under the upstream's host as service name. */
    public RecordingConfig(InetSocketAddress listen, URI upstream, Path out) {
        this(listen, upstream, out, null, null);
    }

    /** The same configuration, masking with {@code masker} ({@code null}: writing raw). */
    public RecordingConfig withMasker(Masker masker) {
        return new RecordingConfig(listen, upstream, out, masker, service);
    }

    /** The same configuration under another service name ({@code null}: the upstream's host). */
    public RecordingConfig withService(String service) {
        return new RecordingConfig(listen, upstream, out, masker, service);
    }

    /**
     * Parses the {@code --listen} value: {@code HOST:PORT}, {@code [IPv6]:PORT}, or {@code :PORT}
     * for every interface. Port 0 picks a free port.
     *
     * @throws IllegalArgumentException saying what form is expected
     */
    public static InetSocketAddress listenAddress(String hostPort) {
        String expected = "listen must be HOST:PORT (e.g. 127.0.0.1:9090, [::1]:9090 or :9090), was '" + hostPort + "'";
        if (hostPort == null || hostPort.isBlank()) {
            throw new IllegalArgumentException(expected);
        }
        String text = hostPort.strip();
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(expected);
        }
        String host = text.substring(0, colon);
        String portText = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException(expected + ": an IPv6 address goes in brackets");
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected + ": the port is not a number");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(expected + ": the port must be 0-65535");
        }
        InetSocketAddress address = host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("listen host '" + host + "' cannot be resolved");
        }
        return address;
    }
}
