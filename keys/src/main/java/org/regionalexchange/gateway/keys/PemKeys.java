package org.regionalexchange.gateway.keys;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.InvalidAlgorithmParameterException;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reads and writes keys as PEM: private keys as PKCS#8 ({@code BEGIN PRIVATE KEY}), public keys as
 * X.509 SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}). Bouncy Castle does the parsing and the key
 * generation; its Ed25519 is many times faster than the JDK's on JDK 17.
 */
public final class PemKeys {

    /** The Bouncy Castle provider instance used by the gateway; not registered globally. */
    public static final Provider BC = new BouncyCastleProvider();

    private PemKeys() {
    }

    /** Reads a PKCS#8 private key (Ed25519, EC or RSA). */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return privateKey(reader, file.toString());
        }
    }

    /** Reads an X.509 SubjectPublicKeyInfo public key from PEM text. */
    public static PublicKey parsePublicKey(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (!(object instanceof SubjectPublicKeyInfo info)) {
                throw new IllegalArgumentException("not a PEM public key (expected 'BEGIN PUBLIC KEY')");
            }
            return new JcaPEMKeyConverter().setProvider(BC).getPublicKey(info);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable PEM public key: " + e.getClass().getSimpleName());
        }
    }

    private static PrivateKey privateKey(Reader reader, String source) throws IOException {
        try (PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (!(object instanceof PrivateKeyInfo info)) {
                throw new IOException(source + " is not a PKCS#8 private key (expected 'BEGIN PRIVATE KEY')");
            }
            return new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(info);
        }
    }

    /** A new Ed25519 key pair for node signing. */
    public static KeyPair generateEd25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519", BC).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Bouncy Castle lacks Ed25519", e);
        }
    }

    /** A new RSA 2048 key pair (development token issuer: RS256 verifies fast on the JDK). */
    public static KeyPair generateRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BC);
            generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("Bouncy Castle lacks RSA", e);
        }
    }

    /** PEM text of a private key (PKCS#8, never the legacy PKCS#1 form) or a public key (SPKI). */
    public static String toPem(Key key) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            // getEncoded() is PKCS#8 for private keys and SubjectPublicKeyInfo for public keys.
            writer.writeObject(new PemObject(key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY", key.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
