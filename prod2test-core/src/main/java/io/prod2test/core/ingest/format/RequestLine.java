package io.prod2test.core.ingest.format;

/**
 * An HTTP request line as access logs write it: {@code METHOD target HTTP/x}.
 *
 * @param method the method in upper case
 * @param target the target split into host (absolute form only), path and query
 */
record RequestLine(String method, Urls.Target target, String protocol) {

    /** @throws BadRecord naming {@code field} when the line is not a request line */
    static RequestLine parse(String text, String field) {
        if (text == null || text.isEmpty() || text.equals("-")) {
            throw new BadRecord(field, "no request line ('-'): the client sent no complete request");
        }
        String[] parts = text.split(" ", -1);
        if (parts.length != 3 || !parts[2].startsWith("HTTP/")) {
            throw new BadRecord(field, "expected a request line \"METHOD target HTTP/x\", was " + Texts.quote(text));
        }
        String method = Http.method(parts[0], field);
        if (!parts[0].equals(method)) {
            throw new BadRecord(field, "expected an upper-case HTTP method, was " + Texts.quote(parts[0]));
        }
        return new RequestLine(method, Urls.parse(parts[1], field), parts[2]);
    }
}
