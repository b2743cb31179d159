package dev.cairn.runtime.internal.sqlfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A SQL file is read whole whatever size its connection reports: the file's, none, or a wrong
 * one, as a filtering class loader or a file that changed since its jar was indexed may give.
 */
class SqlResourceReadTest {

    /** Longer than the buffer of an unknown size, and with a character of several bytes. */
    private static final String TEXT = "CREATE TABLE t (note VARCHAR(20) DEFAULT 'é');\n".repeat(400);

    @ParameterizedTest
    @ValueSource(longs = {-1, 0, 1, 100, 19_200, 19_201, 19_300, 1_000_000})
    void theWholeTextIsRead_whateverSizeTheConnectionReports(long reportedSize) throws IOException {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);

        String read = SqlResource.readAll(new FixedConnection(bytes, reportedSize));

        assertEquals(19_200, bytes.length, "the sizes above straddle the text's");
        assertEquals(TEXT, read);
    }

    /** A connection to {@code bytes}, handed out in small reads, that reports {@code size}. */
    private static final class FixedConnection extends URLConnection {

        private final byte[] bytes;
        private final long size;

        FixedConnection(byte[] bytes, long size) throws IOException {
            super(new URL("file:/V1__fixed.sql"));
            this.bytes = bytes;
            this.size = size;
        }

        @Override
        public void connect() {
        }

        @Override
        public long getContentLengthLong() {
            return size;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, 1000));
                }
            };
        }
    }
}
