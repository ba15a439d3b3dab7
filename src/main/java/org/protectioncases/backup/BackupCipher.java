package org.protectioncases.backup;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passphrase encryption of a backup, streamed: the file is never held in memory, and no byte of
 * it is used before it has been authenticated.
 *
 * <p>Layout: {@code PCBKENC1}, the PBKDF2 iteration count (int), a random 16-byte salt, then
 * chunks of 64 KiB plaintext, each sealed with AES-256-GCM (the JDK's implementation). The key is
 * PBKDF2-HMAC-SHA256 of the passphrase with the file's own salt (600,000 iterations, OWASP's
 * figure), so every file has its own key. Each chunk's nonce is its 11-byte counter plus a byte
 * that marks the last chunk, and the header is each chunk's associated data: chunks cannot be
 * reordered, dropped, or cut off at the end unnoticed (the STREAM construction, laid out as in
 * the age file format). Spring Security's {@code AesBytesEncryptor} seals whole byte arrays
 * with a 1,024-iteration SHA-1 key derivation, which suits neither a multi-gigabyte file nor a
 * human passphrase.
 */
final class BackupCipher {

    static final byte[] MAGIC = "PCBKENC1".getBytes(StandardCharsets.US_ASCII);
    static final int ITERATIONS = 600_000;
    static final int CHUNK = 64 * 1024;
    private static final int TAG = 16;
    private static final int SALT = 16;
    private static final int HEADER = MAGIC.length + 4 + SALT;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BackupCipher() {
    }

    /** Whether {@code head} (the first bytes of a file) starts like an encrypted backup. */
    static boolean isEncrypted(byte[] head) {
        return head.length >= MAGIC.length && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Wraps {@code out} so that what is written to the result lands in it encrypted; close the result to finish. */
    static OutputStream encrypt(OutputStream out, String passphrase) throws IOException {
        return encrypt(out, passphrase, ITERATIONS);
    }

    static OutputStream encrypt(OutputStream out, String passphrase, int iterations) throws IOException {
        byte[] salt = new byte[SALT];
        RANDOM.nextBytes(salt);
        byte[] header = ByteBuffer.allocate(HEADER).put(MAGIC).putInt(iterations).put(salt).array();
        out.write(header);
        return new Sealing(out, key(passphrase, salt, iterations), header);
    }

    /**
     * The plaintext of an encrypted backup whose first bytes are still to be read from {@code in}.
     * A wrong passphrase (or a damaged file) surfaces as {@link WrongPassphraseException} on the first read.
     */
    static InputStream decrypt(InputStream in, String passphrase) throws IOException {
        DataInputStream data = new DataInputStream(in.markSupported() ? in : new BufferedInputStream(in));
        byte[] header = new byte[HEADER];
        try {
            data.readFully(header);
        } catch (EOFException e) {
            throw new BackupFormatException("The file is too short to be an encrypted backup.");
        }
        if (!isEncrypted(header)) {
            throw new BackupFormatException("The file is not an encrypted backup of Protection Cases.");
        }
        ByteBuffer b = ByteBuffer.wrap(header, MAGIC.length, 4 + SALT);
        int iterations = b.getInt();
        if (iterations < 10_000 || iterations > 10_000_000) {
            throw new BackupFormatException("The backup's header is damaged.");
        }
        byte[] salt = new byte[SALT];
        b.get(salt);
        return new Opening(data, key(passphrase, salt, iterations), header);
    }

    private static SecretKey key(String passphrase, byte[] salt, int iterations) throws IOException {
        PBEKeySpec spec = new PBEKeySpec(passphrase.toCharArray(), salt, iterations, 256);
        try {
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(raw, "AES");
        } catch (GeneralSecurityException e) {
            throw new IOException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] nonce(long counter, boolean last) {
        return ByteBuffer.allocate(12).put((byte) 0).put((byte) 0).put((byte) 0).putLong(counter)
                .put((byte) (last ? 1 : 0)).array();
    }

    private static Cipher cipher(int mode, SecretKey key, long counter, boolean last, byte[] header) throws IOException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(TAG * 8, nonce(counter, last)));
            c.updateAAD(header);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM is not available in this JDK", e);
        }
    }

    /** Buffers one chunk; a full chunk is sealed only once more bytes arrive, so the last one is always marked. */
    private static final class Sealing extends FilterOutputStream {
        private final SecretKey key;
        private final byte[] header;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private long counter;
        private boolean closed;

        Sealing(OutputStream out, SecretKey key, byte[] header) {
            super(out);
            this.key = key;
            this.header = header;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == CHUNK) {
                    seal(false);
                }
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                out.write(cipher(Cipher.ENCRYPT_MODE, key, counter++, last, header).doFinal(buffer, 0, filled));
            } catch (GeneralSecurityException e) {
                throw new IOException("Could not encrypt the backup", e);
            }
            filled = 0;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                seal(true);
                out.close();
            }
        }
    }

    /** Reads one sealed chunk ahead; it is released only once its tag has been checked. */
    private static final class Opening extends InputStream {
        private final DataInputStream in;
        private final SecretKey key;
        private final byte[] header;
        private final byte[] sealed = new byte[CHUNK + TAG];
        private byte[] plain = new byte[0];
        private int position;
        private long counter;
        private boolean finished;

        Opening(DataInputStream in, SecretKey key, byte[] header) {
            this.in = in;
            this.key = key;
            this.header = header;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (position == plain.length) {
                if (finished) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, plain.length - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        private void next() throws IOException {
            int n = in.readNBytes(sealed, 0, sealed.length);
            boolean last = n < sealed.length || peekEnd();
            if (n < TAG) {
                throw new BackupFormatException("The encrypted backup is cut off.");
            }
            try {
                plain = cipher(Cipher.DECRYPT_MODE, key, counter, last, header).doFinal(sealed, 0, n);
            } catch (AEADBadTagException e) {
                throw counter == 0 ? new WrongPassphraseException()
                        : new BackupFormatException("The encrypted backup is damaged or cut off (chunk " + counter + ").");
            } catch (GeneralSecurityException e) {
                throw new IOException("Could not decrypt the backup", e);
            }
            counter++;
            position = 0;
            finished = last;
        }

        private boolean peekEnd() throws IOException {
            in.mark(1);
            int next = in.read();
            if (next == -1) {
                return true;
            }
            in.reset();
            return false;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** For tests: the sealed bytes of {@code plain}. */
    static byte[] seal(byte[] plain, String passphrase, int iterations) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = encrypt(bytes, passphrase, iterations)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }
}
