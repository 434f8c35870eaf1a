package io.hallmark.core.provenance;

import io.hallmark.core.audit.Signer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.operator.ContentSigner;

/**
 * The X.509 credential that signs Content Credentials, issued by the platform itself: a root certificate
 * self-signed with the platform key (a {@link Signer}: the key file or a key in an HSM, which never leaves it:
 * BouncyCastle's certificate builder gets a {@link ContentSigner} that calls it) and an end-entity certificate for a
 * signing key derived from the platform key (the SHA-256 of the platform key's Ed25519 signature of a fixed label:
 * Ed25519 signatures are deterministic, so the same platform key, in a file or an HSM, always gives the same
 * credential and nothing more needs storing or backing up). The end-entity
 * certificate follows C2PA's certificate profile: v3, {@code digitalSignature} key usage, the
 * {@code emailProtection} and {@code documentSigning} extended key usages, not a CA, subject and authority key
 * identifiers. Nobody else's trust list holds the root, so C2PA validators report the signature as valid and the
 * signer as untrusted unless a verifier adds the root ({@link #rootPem()}) to its trust anchors.
 */
public final class SigningCredential {

    private static final byte[] DERIVATION_LABEL =
            "hallmark content credentials signing key v1".getBytes(StandardCharsets.UTF_8);
    /** id-kp-documentSigning (RFC 9336). */
    private static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId.getInstance(
            new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));
    private static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2049-12-31T23:59:59Z");

    private final PrivateKey signingKey;
    private final byte[] endEntityDer;
    private final byte[] rootDer;

    private SigningCredential(PrivateKey signingKey, byte[] endEntityDer, byte[] rootDer) {
        this.signingKey = signingKey;
        this.endEntityDer = endEntityDer;
        this.rootDer = rootDer;
    }

    /** Issues (again, identically) the credential of the platform key. */
    public static SigningCredential issuedBy(Signer platform) {
        try {
            PublicKey platformPublic = platform.verifierKey().publicKey();
            byte[] seed = MessageDigest.getInstance("SHA-256").digest(platform.sign(DERIVATION_LABEL));
            Ed25519PrivateKeyParameters derived = new Ed25519PrivateKeyParameters(seed, 0);
            PrivateKey signingKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            Arrays.fill(seed, (byte) 0);
            PublicKey signingPublic = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    new SubjectPublicKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                            derived.generatePublicKey().getEncoded()).getEncoded()));
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X500Name rootName = new X500Name("CN=Hallmark platform " + platform.name() + ",O=Hallmark");
            ContentSigner byPlatform = new PlatformContentSigner(platform);

            X509v3CertificateBuilder root = new X509v3CertificateBuilder(rootName, serial(platformPublic),
                    Date.from(NOT_BEFORE), Date.from(NOT_AFTER), rootName,
                    SubjectPublicKeyInfo.getInstance(platformPublic.getEncoded()));
            root.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            root.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            root.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(platformPublic));
            X509CertificateHolder rootCert = root.build(byPlatform);

            X509v3CertificateBuilder ee = new X509v3CertificateBuilder(rootName, serial(signingPublic),
                    Date.from(NOT_BEFORE), Date.from(NOT_AFTER),
                    new X500Name("CN=Hallmark Content Credentials signer,O=Hallmark"),
                    SubjectPublicKeyInfo.getInstance(signingPublic.getEncoded()));
            ee.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            ee.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            ee.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_emailProtection, DOCUMENT_SIGNING}));
            ee.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(signingPublic));
            ee.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(platformPublic));
            X509CertificateHolder eeCert = ee.build(byPlatform);
            return new SigningCredential(signingKey, eeCert.getEncoded(), rootCert.getEncoded());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot issue the Content Credentials certificate: " + e.getMessage(), e);
        }
    }

    private static BigInteger serial(PublicKey key) throws GeneralSecurityException {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        return new BigInteger(1, Arrays.copyOf(h, 16)).clearBit(127).setBit(126); // positive, 16 bytes
    }

    /** The certificate chain, end entity first, DER-encoded (COSE {@code x5chain}). */
    public List<byte[]> chain() {
        return List.of(endEntityDer.clone(), rootDer.clone());
    }

    /** The root certificate in PEM: what a verifier adds to its trust anchors to trust this platform's signatures. */
    public String rootPem() {
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(rootDer)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** Signs with the end-entity key (Ed25519, COSE algorithm EdDSA). */
    byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(signingKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "SigningCredential[Ed25519, chain of 2]"; // never the key
    }

    /** Lets BouncyCastle's certificate builders sign with the platform key without ever seeing it. */
    private static final class PlatformContentSigner implements ContentSigner {
        private final Signer key;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        PlatformContentSigner(Signer key) {
            this.key = key;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
        }

        @Override
        public OutputStream getOutputStream() {
            buffer.reset();
            return buffer;
        }

        @Override
        public byte[] getSignature() {
            try {
                buffer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return key.sign(buffer.toByteArray());
        }
    }
}
