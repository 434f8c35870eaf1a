package io.hallmark.core.audit;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;
import io.hallmark.api.HallmarkException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform key in a hardware security module, through its PKCS#11 library (tested with SoftHSM2): the private
 * key never leaves the token; {@link #sign} runs {@code C_Sign} with {@code CKM_EDDSA}.
 *
 * <p>The JDK's SunPKCS11 provider has no EdDSA, so this binds the few PKCS#11 (v2.40/3.0) C functions it needs with
 * JNA. One session, used under a lock.
 */
public final class Pkcs11Signer implements Signer, AutoCloseable {

    private static final long CKF_RW_SESSION = 0x2;
    private static final long CKF_SERIAL_SESSION = 0x4;
    private static final long CKU_USER = 1;
    private static final long CKR_OK = 0;
    private static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
    private static final long CKR_USER_ALREADY_LOGGED_IN = 0x100;
    private static final long CKA_CLASS = 0x0;
    private static final long CKA_TOKEN = 0x1;
    private static final long CKA_PRIVATE = 0x2;
    private static final long CKA_LABEL = 0x3;
    private static final long CKA_SENSITIVE = 0x103;
    private static final long CKA_SIGN = 0x108;
    private static final long CKA_VERIFY = 0x10A;
    private static final long CKA_EXTRACTABLE = 0x162;
    private static final long CKA_EC_PARAMS = 0x180;
    private static final long CKA_EC_POINT = 0x181;
    private static final long CKO_PUBLIC_KEY = 2;
    private static final long CKO_PRIVATE_KEY = 3;
    private static final long CKM_EC_EDWARDS_KEY_PAIR_GEN = 0x1055;
    private static final long CKM_EDDSA = 0x1057;
    /** DER of the Ed25519 OID 1.3.101.112, the curve parameter of an Edwards key. */
    private static final byte[] ED25519_OID = {0x06, 0x03, 0x2B, 0x65, 0x70};
    /** CK_ATTRIBUTE and CK_MECHANISM: CK_ULONG, pointer, CK_ULONG. */
    private static final int STRUCT_SIZE = NativeLong.SIZE * 2 + Native.POINTER_SIZE;

    /** The PKCS#11 functions used, as the C interface declares them (CK_ULONG is a C unsigned long). */
    interface Cryptoki extends Library {
        NativeLong C_Initialize(Pointer initArgs);

        NativeLong C_GetSlotList(byte tokenPresent, Pointer slotList, NativeLongByReference count);

        NativeLong C_GetTokenInfo(NativeLong slot, Pointer info);

        NativeLong C_OpenSession(NativeLong slot, NativeLong flags, Pointer application, Pointer notify,
                NativeLongByReference session);

        NativeLong C_CloseSession(NativeLong session);

        NativeLong C_Login(NativeLong session, NativeLong userType, Pointer pin, NativeLong pinLength);

        NativeLong C_FindObjectsInit(NativeLong session, Pointer template, NativeLong count);

        NativeLong C_FindObjects(NativeLong session, NativeLongByReference object, NativeLong max,
                NativeLongByReference count);

        NativeLong C_FindObjectsFinal(NativeLong session);

        NativeLong C_GetAttributeValue(NativeLong session, NativeLong object, Pointer template, NativeLong count);

        NativeLong C_GenerateKeyPair(NativeLong session, Pointer mechanism, Pointer publicTemplate,
                NativeLong publicCount, Pointer privateTemplate, NativeLong privateCount,
                NativeLongByReference publicKey, NativeLongByReference privateKey);

        NativeLong C_SignInit(NativeLong session, Pointer mechanism, NativeLong key);

        NativeLong C_Sign(NativeLong session, Pointer data, NativeLong length, Pointer signature,
                NativeLongByReference signatureLength);
    }

    private static final Map<Path, Cryptoki> LOADED = new HashMap<>();

    private final Cryptoki p11;
    private final NativeLong session;
    private final NativeLong privateKey;
    private final VerifierKey verifierKey;

    private Pkcs11Signer(Cryptoki p11, NativeLong session, NativeLong privateKey, VerifierKey verifierKey) {
        this.p11 = p11;
        this.session = session;
        this.privateKey = privateKey;
        this.verifierKey = verifierKey;
    }

    /**
     * Opens the Ed25519 key pair labelled {@code keyLabel} on the token labelled {@code tokenLabel}.
     *
     * @throws HallmarkException naming what is missing: the library, the token, the PIN, the key
     */
    public static Pkcs11Signer open(Path library, String tokenLabel, char[] pin, String keyLabel) {
        Cryptoki p11 = load(library);
        NativeLong session = login(p11, tokenLabel, pin);
        NativeLong priv = find(p11, session, CKO_PRIVATE_KEY, keyLabel);
        NativeLong pub = find(p11, session, CKO_PUBLIC_KEY, keyLabel);
        if (priv == null || pub == null) {
            p11.C_CloseSession(session);
            throw new HallmarkException("Token '" + tokenLabel + "' holds no Ed25519 key pair labelled '" + keyLabel
                    + "'; make one with your HSM's tools or Pkcs11Signer.generate");
        }
        byte[] raw = ecPoint(p11, session, pub);
        Pkcs11Signer signer = new Pkcs11Signer(p11, session, priv, VerifierKey.of(name(raw), raw));
        byte[] probe = "probe".getBytes(StandardCharsets.UTF_8);
        if (!signer.verifierKey.verify(probe, signer.sign(probe))) {
            signer.close();
            throw new HallmarkException("The key '" + keyLabel + "' on token '" + tokenLabel + "' does not sign with "
                    + "its public half; it is not an Ed25519 key pair");
        }
        return signer;
    }

    /**
     * Makes a new Ed25519 key pair labelled {@code keyLabel} on the token (the private key sensitive and not
     * extractable); returns its public key.
     */
    public static VerifierKey generate(Path library, String tokenLabel, char[] pin, String keyLabel) {
        Cryptoki p11 = load(library);
        NativeLong session = login(p11, tokenLabel, pin);
        try {
            if (find(p11, session, CKO_PRIVATE_KEY, keyLabel) != null) {
                throw new HallmarkException("Token '" + tokenLabel + "' already holds a key labelled '" + keyLabel + "'");
            }
            byte[] label = keyLabel.getBytes(StandardCharsets.UTF_8);
            Map<Long, byte[]> pubAttrs = new LinkedHashMap<>();
            pubAttrs.put(CKA_TOKEN, bool(true));
            pubAttrs.put(CKA_LABEL, label);
            pubAttrs.put(CKA_EC_PARAMS, ED25519_OID);
            pubAttrs.put(CKA_VERIFY, bool(true));
            Map<Long, byte[]> privAttrs = new LinkedHashMap<>();
            privAttrs.put(CKA_TOKEN, bool(true));
            privAttrs.put(CKA_LABEL, label);
            privAttrs.put(CKA_PRIVATE, bool(true));
            privAttrs.put(CKA_SENSITIVE, bool(true));
            privAttrs.put(CKA_EXTRACTABLE, bool(false));
            privAttrs.put(CKA_SIGN, bool(true));
            List<Memory> keep = new ArrayList<>();
            NativeLongByReference hPub = new NativeLongByReference();
            NativeLongByReference hPriv = new NativeLongByReference();
            check("C_GenerateKeyPair", p11.C_GenerateKeyPair(session, mechanism(CKM_EC_EDWARDS_KEY_PAIR_GEN),
                    template(pubAttrs, keep), new NativeLong(pubAttrs.size()), template(privAttrs, keep),
                    new NativeLong(privAttrs.size()), hPub, hPriv));
            byte[] raw = ecPoint(p11, session, hPub.getValue());
            return VerifierKey.of(name(raw), raw);
        } finally {
            p11.C_CloseSession(session);
        }
    }

    @Override
    public VerifierKey verifierKey() {
        return verifierKey;
    }

    @Override
    public synchronized byte[] sign(byte[] message) {
        check("C_SignInit", p11.C_SignInit(session, mechanism(CKM_EDDSA), privateKey));
        Memory data = new Memory(Math.max(1, message.length));
        data.write(0, message, 0, message.length);
        Memory sig = new Memory(64);
        NativeLongByReference len = new NativeLongByReference(new NativeLong(64));
        check("C_Sign", p11.C_Sign(session, data, new NativeLong(message.length), sig, len));
        return sig.getByteArray(0, len.getValue().intValue());
    }

    @Override
    public synchronized void close() {
        p11.C_CloseSession(session);
    }

    @Override
    public String toString() {
        return "Pkcs11Signer[" + verifierKey.encoded() + "]";
    }

    private static String name(byte[] raw) {
        return "hallmark-" + Hashes.hex(Hashes.sha256(raw)).substring(0, 12);
    }

    /** Loads the library and initializes it once per process. */
    private static synchronized Cryptoki load(Path library) {
        Path lib = library.toAbsolutePath().normalize();
        Cryptoki p11 = LOADED.get(lib);
        if (p11 == null) {
            try {
                p11 = Native.load(lib.toString(), Cryptoki.class);
            } catch (UnsatisfiedLinkError e) {
                throw new HallmarkException("Cannot load the PKCS#11 library " + lib + ": " + e.getMessage(), e);
            }
            long rv = p11.C_Initialize(Pointer.NULL).longValue();
            if (rv != CKR_OK && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                throw new HallmarkException("C_Initialize of " + lib + " failed: CKR 0x" + Long.toHexString(rv));
            }
            LOADED.put(lib, p11);
        }
        return p11;
    }

    private static void check(String function, NativeLong rv) {
        if (rv.longValue() != CKR_OK) {
            throw new HallmarkException("PKCS#11 " + function + " failed: CKR 0x" + Long.toHexString(rv.longValue()));
        }
    }

    /** Opens a read-write session on the token labelled {@code tokenLabel} and logs the user in. */
    private static NativeLong login(Cryptoki p11, String tokenLabel, char[] pin) {
        NativeLongByReference count = new NativeLongByReference();
        check("C_GetSlotList", p11.C_GetSlotList((byte) 1, Pointer.NULL, count));
        int n = count.getValue().intValue();
        Memory slots = new Memory((long) Math.max(1, n) * NativeLong.SIZE);
        check("C_GetSlotList", p11.C_GetSlotList((byte) 1, slots, count));
        NativeLong slot = null;
        for (int i = 0; i < count.getValue().intValue(); i++) {
            NativeLong id = slots.getNativeLong((long) i * NativeLong.SIZE);
            Memory info = new Memory(512); // CK_TOKEN_INFO is about 208 bytes; its label is the first 32
            check("C_GetTokenInfo", p11.C_GetTokenInfo(id, info));
            if (new String(info.getByteArray(0, 32), StandardCharsets.UTF_8).strip().equals(tokenLabel)) {
                slot = id;
                break;
            }
        }
        if (slot == null) {
            throw new HallmarkException("No PKCS#11 token labelled '" + tokenLabel + "'");
        }
        NativeLongByReference hSession = new NativeLongByReference();
        check("C_OpenSession", p11.C_OpenSession(slot, new NativeLong(CKF_SERIAL_SESSION | CKF_RW_SESSION),
                Pointer.NULL, Pointer.NULL, hSession));
        NativeLong session = hSession.getValue();
        byte[] pinBytes = new String(pin).getBytes(StandardCharsets.UTF_8);
        Memory pinMem = new Memory(Math.max(1, pinBytes.length));
        pinMem.write(0, pinBytes, 0, pinBytes.length);
        long rv = p11.C_Login(session, new NativeLong(CKU_USER), pinMem, new NativeLong(pinBytes.length)).longValue();
        Arrays.fill(pinBytes, (byte) 0);
        pinMem.clear();
        if (rv != CKR_OK && rv != CKR_USER_ALREADY_LOGGED_IN) {
            p11.C_CloseSession(session);
            throw new HallmarkException("Login to PKCS#11 token '" + tokenLabel + "' failed (CKR 0x"
                    + Long.toHexString(rv) + "): wrong PIN?");
        }
        return session;
    }

    /** The handle of the object of {@code objectClass} labelled {@code label}, or {@code null}. */
    private static NativeLong find(Cryptoki p11, NativeLong session, long objectClass, String label) {
        Map<Long, byte[]> attrs = new LinkedHashMap<>();
        attrs.put(CKA_CLASS, ulong(objectClass));
        attrs.put(CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
        List<Memory> keep = new ArrayList<>();
        check("C_FindObjectsInit", p11.C_FindObjectsInit(session, template(attrs, keep), new NativeLong(attrs.size())));
        NativeLongByReference object = new NativeLongByReference();
        NativeLongByReference found = new NativeLongByReference();
        try {
            check("C_FindObjects", p11.C_FindObjects(session, object, new NativeLong(1), found));
        } finally {
            p11.C_FindObjectsFinal(session);
        }
        return found.getValue().longValue() == 0 ? null : object.getValue();
    }

    /** The raw 32-byte Ed25519 public key of a public key object ({@code CKA_EC_POINT}, DER-wrapped or not). */
    private static byte[] ecPoint(Cryptoki p11, NativeLong session, NativeLong object) {
        Memory value = new Memory(64);
        Memory attr = new Memory(STRUCT_SIZE);
        attr.setNativeLong(0, new NativeLong(CKA_EC_POINT));
        attr.setPointer(NativeLong.SIZE, value);
        attr.setNativeLong(NativeLong.SIZE + Native.POINTER_SIZE, new NativeLong(64));
        check("C_GetAttributeValue", p11.C_GetAttributeValue(session, object, attr, new NativeLong(1)));
        byte[] point = value.getByteArray(0, attr.getNativeLong(NativeLong.SIZE + Native.POINTER_SIZE).intValue());
        if (point.length == 34 && point[0] == 0x04 && point[1] == 32) {
            return Arrays.copyOfRange(point, 2, 34);
        }
        if (point.length == 32) {
            return point;
        }
        throw new HallmarkException("The public key object is not an Ed25519 key (" + point.length + " bytes)");
    }

    private static Memory template(Map<Long, byte[]> attrs, List<Memory> keep) {
        Memory t = new Memory((long) STRUCT_SIZE * attrs.size());
        int i = 0;
        for (Map.Entry<Long, byte[]> e : attrs.entrySet()) {
            Memory v = new Memory(Math.max(1, e.getValue().length));
            v.write(0, e.getValue(), 0, e.getValue().length);
            keep.add(v);
            long at = (long) i * STRUCT_SIZE;
            t.setNativeLong(at, new NativeLong(e.getKey()));
            t.setPointer(at + NativeLong.SIZE, v);
            t.setNativeLong(at + NativeLong.SIZE + Native.POINTER_SIZE, new NativeLong(e.getValue().length));
            i++;
        }
        keep.add(t);
        return t;
    }

    private static Memory mechanism(long type) {
        Memory m = new Memory(STRUCT_SIZE);
        m.setNativeLong(0, new NativeLong(type));
        m.setPointer(NativeLong.SIZE, Pointer.NULL);
        m.setNativeLong(NativeLong.SIZE + Native.POINTER_SIZE, new NativeLong(0));
        return m;
    }

    private static byte[] bool(boolean b) {
        return new byte[] {(byte) (b ? 1 : 0)};
    }

    private static byte[] ulong(long v) {
        Memory m = new Memory(NativeLong.SIZE);
        m.setNativeLong(0, new NativeLong(v));
        return m.getByteArray(0, NativeLong.SIZE);
    }
}
