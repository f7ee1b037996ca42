package dev.microshop.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what HTTP clients will not send as written: raw paths with {@code ..} and
 * {@code %00}, and chunked bodies that keep coming after the gateway has answered.
 */
final class RawHttp {

    private RawHttp() {}

    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends the request line and headers exactly as given, with no body. */
    static Answer send(int port, String requestLineAndHeaders) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLineAndHeaders + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code totalBytes} of body in 64 KB chunks after the given request line and headers, and reads the
     * answer, which may come (and the connection close) before the whole body went out.
     */
    static Answer sendChunked(int port, String requestLineAndHeaders, int totalBytes) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLineAndHeaders + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.ISO_8859_1);
            try {
                for (int sent = 0; sent < totalBytes; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (SocketException answeredEarly) {
                // The gateway answered and closed before taking the whole body: its answer is waiting to be read.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            in.transferTo(bytes);
        } catch (SocketException reset) {
            // The connection was reset after the answer: what came is what there is.
        }
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        int endOfHeaders = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, endOfHeaders).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int n = 1; n < lines.length; n++) {
            String[] nameAndValue = lines[n].split(":", 2);
            headers.put(nameAndValue[0].trim().toLowerCase(Locale.ROOT), nameAndValue[1].trim());
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(endOfHeaders + 4));
    }
}
