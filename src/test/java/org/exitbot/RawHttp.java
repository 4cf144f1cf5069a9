package org.exitbot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@code HttpClient} will not do: announce a body and then stop sending it,
 * or send a chunked body that never ends. The server must answer from what it has; if it waits for the rest,
 * reading the answer times out and the test fails.
 */
public final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 15_000;

    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** Announces {@code contentLength} bytes of body, sends only {@code sent} of them, and reads the answer. */
    public static Response announceAndSendPart(int port, String method, String path, Map<String, String> headers,
            long contentLength, int sent) {
        var head = new LinkedHashMap<>(headers);
        head.put("Content-Length", String.valueOf(contentLength));
        return exchange(port, method, path, head, out -> out.write(filler(sent)));
    }

    /** Sends {@code chunks} chunks of {@code chunkSize} bytes, never the last (empty) chunk, and reads the answer. */
    public static Response chunkedWithoutEnd(int port, String method, String path, Map<String, String> headers,
            int chunkSize, int chunks) {
        var head = new LinkedHashMap<>(headers);
        head.put("Transfer-Encoding", "chunked");
        byte[] chunk = filler(chunkSize);
        return exchange(port, method, path, head, out -> {
            for (int i = 0; i < chunks; i++) {
                out.write((Integer.toHexString(chunkSize) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        });
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private static Response exchange(int port, String method, String path, Map<String, String> headers,
            BodyWriter body) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            var head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            try {
                body.write(out);
                out.flush();
            } catch (IOException closedByTheServer) {
                // the server answered and closed while the body was still coming: the answer is what counts
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer while the body was incomplete", e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        String length = headers.get("content-length");
        byte[] bytes;
        if (length != null) {
            bytes = in.readNBytes(Integer.parseInt(length));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                all.write(in.readNBytes(size));
                line(in);
            }
            bytes = all.toByteArray();
        } else {
            bytes = new byte[0];
        }
        return new Response(status, headers, new String(bytes, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The connection closed before the answer's head ended");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] filler(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }
}
