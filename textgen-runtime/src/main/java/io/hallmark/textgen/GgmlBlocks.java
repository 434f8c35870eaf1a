package io.hallmark.textgen;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The block formats of ggml's weight types, both ways: {@link #dequantize} reads one block as ggml-quants.c lays
 * it out, {@link #quantize} writes whole tensors (a plain round-to-nearest per block, enough for test and benchmark
 * files that llama.cpp reads; llama-quantize searches scales more carefully).
 */
final class GgmlBlocks {

    private GgmlBlocks() {}

    /** Decodes the block of {@code type} at byte {@code off} of {@code b} into {@code type.blockSize()} floats. */
    static void dequantize(TensorType type, ByteBuffer b, int off, float[] dst, int dstOff) {
        switch (type) {
            case F32 -> dst[dstOff] = b.getFloat(off);
            case F16 -> dst[dstOff] = Float.float16ToFloat(b.getShort(off));
            case BF16 -> dst[dstOff] = Float.intBitsToFloat((b.getShort(off) & 0xffff) << 16);
            case Q8_0 -> {
                float d = Float.float16ToFloat(b.getShort(off));
                for (int j = 0; j < 32; j++) {
                    dst[dstOff + j] = d * b.get(off + 2 + j);
                }
            }
            case Q4_0 -> {
                float d = Float.float16ToFloat(b.getShort(off));
                for (int j = 0; j < 16; j++) {
                    int q = b.get(off + 2 + j) & 0xff;
                    dst[dstOff + j] = d * ((q & 0xf) - 8);
                    dst[dstOff + j + 16] = d * ((q >>> 4) - 8);
                }
            }
            case Q4_K -> {
                float d = Float.float16ToFloat(b.getShort(off));
                float dmin = Float.float16ToFloat(b.getShort(off + 2));
                int scales = off + 4;
                int qs = off + 16;
                for (int j = 0; j < 4; j++) {
                    float d1 = d * scale(b, scales, 2 * j);
                    float m1 = dmin * min(b, scales, 2 * j);
                    float d2 = d * scale(b, scales, 2 * j + 1);
                    float m2 = dmin * min(b, scales, 2 * j + 1);
                    for (int l = 0; l < 32; l++) {
                        int q = b.get(qs + 32 * j + l) & 0xff;
                        dst[dstOff + 64 * j + l] = d1 * (q & 0xf) - m1;
                        dst[dstOff + 64 * j + 32 + l] = d2 * (q >>> 4) - m2;
                    }
                }
            }
            case Q5_K -> {
                float d = Float.float16ToFloat(b.getShort(off));
                float dmin = Float.float16ToFloat(b.getShort(off + 2));
                int scales = off + 4;
                int qh = off + 16;
                int qs = off + 48;
                for (int j = 0; j < 4; j++) {
                    float d1 = d * scale(b, scales, 2 * j);
                    float m1 = dmin * min(b, scales, 2 * j);
                    float d2 = d * scale(b, scales, 2 * j + 1);
                    float m2 = dmin * min(b, scales, 2 * j + 1);
                    for (int l = 0; l < 32; l++) {
                        int q = b.get(qs + 32 * j + l) & 0xff;
                        int h = b.get(qh + l) & 0xff;
                        dst[dstOff + 64 * j + l] = d1 * ((q & 0xf) | ((h >>> (2 * j)) & 1) << 4) - m1;
                        dst[dstOff + 64 * j + 32 + l] = d2 * ((q >>> 4) | ((h >>> (2 * j + 1)) & 1) << 4) - m2;
                    }
                }
            }
            case Q6_K -> {
                float d = Float.float16ToFloat(b.getShort(off + 208));
                for (int n = 0; n < 2; n++) {
                    int ql = off + 64 * n;
                    int qh = off + 128 + 32 * n;
                    int sc = off + 192 + 8 * n;
                    for (int l = 0; l < 32; l++) {
                        int is = l / 16;
                        int a = b.get(ql + l) & 0xff;
                        int c = b.get(ql + l + 32) & 0xff;
                        int h = b.get(qh + l) & 0xff;
                        int base = dstOff + 128 * n + l;
                        dst[base] = d * b.get(sc + is) * (((a & 0xf) | (h & 3) << 4) - 32);
                        dst[base + 32] = d * b.get(sc + is + 2) * (((c & 0xf) | ((h >>> 2) & 3) << 4) - 32);
                        dst[base + 64] = d * b.get(sc + is + 4) * (((a >>> 4) | ((h >>> 4) & 3) << 4) - 32);
                        dst[base + 96] = d * b.get(sc + is + 6) * (((c >>> 4) | ((h >>> 6) & 3) << 4) - 32);
                    }
                }
            }
        }
    }

    /** The 6-bit scale of sub-block {@code j} (0..7) of a Q4_K/Q5_K super-block. */
    static int scale(ByteBuffer b, int scales, int j) {
        return j < 4 ? b.get(scales + j) & 63
                : (b.get(scales + j + 4) & 0xf) | ((b.get(scales + j - 4) & 0xff) >>> 6) << 4;
    }

    /** The 6-bit min of sub-block {@code j} (0..7) of a Q4_K/Q5_K super-block. */
    static int min(ByteBuffer b, int scales, int j) {
        return j < 4 ? b.get(scales + j + 4) & 63
                : ((b.get(scales + j + 4) & 0xff) >>> 4) | ((b.get(scales + j) & 0xff) >>> 6) << 4;
    }

    /** The values of a whole tensor as float32. */
    static float[] dequantize(TensorType type, ByteBuffer data, int elements) {
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int base = b.position();
        float[] out = new float[elements];
        for (int block = 0; block < elements / type.blockSize(); block++) {
            dequantize(type, b, base + block * type.blockBytes(), out, block * type.blockSize());
        }
        return out;
    }

    /** Encodes {@code v} (a multiple of the block size) as {@code type}. */
    static byte[] quantize(TensorType type, float[] v) {
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(type.bytes(v.length))).order(ByteOrder.LITTLE_ENDIAN);
        for (int block = 0; block < v.length / type.blockSize(); block++) {
            int o = block * type.blockSize();
            switch (type) {
                case F32 -> b.putFloat(v[o]);
                case F16 -> b.putShort(Float.floatToFloat16(v[o]));
                case BF16 -> b.putShort(toBf16(v[o]));
                case Q8_0 -> quantizeQ8_0(v, o, b);
                case Q4_0 -> quantizeQ4_0(v, o, b);
                case Q4_K -> quantizeQ45K(v, o, b, false);
                case Q5_K -> quantizeQ45K(v, o, b, true);
                case Q6_K -> quantizeQ6K(v, o, b);
            }
        }
        return b.array();
    }

    /** float32 to bfloat16, rounding to nearest even as ggml does. */
    static short toBf16(float f) {
        int u = Float.floatToRawIntBits(f);
        if ((u & 0x7fffffff) > 0x7f800000) {
            return (short) ((u >>> 16) | 64); // a quiet NaN
        }
        return (short) ((u + (0x7fff + ((u >>> 16) & 1))) >>> 16);
    }

    private static void quantizeQ8_0(float[] v, int o, ByteBuffer b) {
        float amax = 0;
        for (int j = 0; j < 32; j++) {
            amax = Math.max(amax, Math.abs(v[o + j]));
        }
        float d = amax / 127f;
        float inv = d == 0 ? 0 : 1f / d;
        b.putShort(Float.floatToFloat16(d));
        for (int j = 0; j < 32; j++) {
            b.put((byte) Math.round(v[o + j] * inv));
        }
    }

    private static void quantizeQ4_0(float[] v, int o, ByteBuffer b) {
        float amax = 0;
        float max = 0;
        for (int j = 0; j < 32; j++) {
            if (Math.abs(v[o + j]) > amax) {
                amax = Math.abs(v[o + j]);
                max = v[o + j];
            }
        }
        float d = max / -8f;
        float inv = d == 0 ? 0 : 1f / d;
        b.putShort(Float.floatToFloat16(d));
        for (int j = 0; j < 16; j++) {
            int lo = Math.min(15, (int) (v[o + j] * inv + 8.5f));
            int hi = Math.min(15, (int) (v[o + j + 16] * inv + 8.5f));
            b.put((byte) (lo | hi << 4));
        }
    }

    /** Q4_K (4-bit) or Q5_K (5-bit): per 32-weight sub-block an unsigned scale and min, each 6 bits of d / dmin. */
    private static void quantizeQ45K(float[] v, int o, ByteBuffer b, boolean fiveBits) {
        int levels = fiveBits ? 31 : 15;
        float[] scales = new float[8];
        float[] mins = new float[8];
        float maxScale = 0;
        float maxMin = 0;
        for (int s = 0; s < 8; s++) {
            float lo = 0;
            float hi = 0;
            for (int l = 0; l < 32; l++) {
                lo = Math.min(lo, v[o + 32 * s + l]);
                hi = Math.max(hi, v[o + 32 * s + l]);
            }
            scales[s] = (hi - lo) / levels;
            mins[s] = -lo;
            maxScale = Math.max(maxScale, scales[s]);
            maxMin = Math.max(maxMin, mins[s]);
        }
        short dh = Float.floatToFloat16(maxScale / 63f);
        short mh = Float.floatToFloat16(maxMin / 63f);
        float d = Float.float16ToFloat(dh);
        float dmin = Float.float16ToFloat(mh);
        int[] sc = new int[8];
        int[] m = new int[8];
        for (int s = 0; s < 8; s++) {
            sc[s] = d == 0 ? 0 : Math.min(63, Math.round(scales[s] / d));
            m[s] = dmin == 0 ? 0 : Math.min(63, Math.round(mins[s] / dmin));
        }
        b.putShort(dh);
        b.putShort(mh);
        byte[] packed = new byte[12];
        for (int j = 0; j < 4; j++) {
            packed[j] = (byte) (sc[j] | (sc[j + 4] >>> 4) << 6);
            packed[j + 4] = (byte) (m[j] | (m[j + 4] >>> 4) << 6);
            packed[j + 8] = (byte) ((sc[j + 4] & 0xf) | (m[j + 4] & 0xf) << 4);
        }
        b.put(packed);
        int[] q = new int[256];
        for (int s = 0; s < 8; s++) {
            float step = d * sc[s];
            float offset = dmin * m[s];
            for (int l = 0; l < 32; l++) {
                q[32 * s + l] = step == 0 ? 0 : Math.clamp(Math.round((v[o + 32 * s + l] + offset) / step), 0, levels);
            }
        }
        if (fiveBits) {
            byte[] qh = new byte[32];
            for (int j = 0; j < 4; j++) {
                for (int l = 0; l < 32; l++) {
                    qh[l] |= (byte) (((q[64 * j + l] >>> 4) & 1) << (2 * j) | ((q[64 * j + 32 + l] >>> 4) & 1) << (2 * j + 1));
                }
            }
            b.put(qh);
        }
        for (int j = 0; j < 4; j++) {
            for (int l = 0; l < 32; l++) {
                b.put((byte) ((q[64 * j + l] & 0xf) | (q[64 * j + 32 + l] & 0xf) << 4));
            }
        }
    }

    /** Q6_K: per 16-weight sub-block a signed 8-bit scale of d, weights -32..31. */
    private static void quantizeQ6K(float[] v, int o, ByteBuffer b) {
        float[] scales = new float[16];
        float maxScale = 0;
        for (int s = 0; s < 16; s++) {
            float amax = 0;
            for (int l = 0; l < 16; l++) {
                amax = Math.max(amax, Math.abs(v[o + 16 * s + l]));
            }
            scales[s] = amax / 31f;
            maxScale = Math.max(maxScale, scales[s]);
        }
        short dh = Float.floatToFloat16(maxScale / 127f);
        float d = Float.float16ToFloat(dh);
        byte[] sc = new byte[16];
        int[] q = new int[256];
        for (int s = 0; s < 16; s++) {
            sc[s] = (byte) (d == 0 ? 0 : Math.min(127, Math.round(scales[s] / d)));
            float step = d * sc[s];
            for (int l = 0; l < 16; l++) {
                q[16 * s + l] = (step == 0 ? 0 : Math.clamp(Math.round(v[o + 16 * s + l] / step), -32, 31)) + 32;
            }
        }
        byte[] ql = new byte[128];
        byte[] qh = new byte[64];
        for (int n = 0; n < 2; n++) {
            for (int l = 0; l < 32; l++) {
                int q1 = q[128 * n + l];
                int q2 = q[128 * n + l + 32];
                int q3 = q[128 * n + l + 64];
                int q4 = q[128 * n + l + 96];
                ql[64 * n + l] = (byte) ((q1 & 0xf) | (q3 & 0xf) << 4);
                ql[64 * n + l + 32] = (byte) ((q2 & 0xf) | (q4 & 0xf) << 4);
                qh[32 * n + l] = (byte) ((q1 >>> 4) | (q2 >>> 4) << 2 | (q3 >>> 4) << 4 | (q4 >>> 4) << 6);
            }
        }
        b.put(ql);
        b.put(qh);
        b.put(sc);
        b.putShort(dh);
    }
}
