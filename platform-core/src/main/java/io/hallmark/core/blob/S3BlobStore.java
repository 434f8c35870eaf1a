package io.hallmark.core.blob;

import io.hallmark.api.HallmarkException;
import io.hallmark.core.s3.S3Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The blob store in an S3-compatible bucket ({@code blob-store=s3}, {@code blob-store-s3=s3://bucket/prefix?...}),
 * shared by every node that reaches the bucket. A blob is the object {@code <prefix>blobs/<first 2 hex>/<sha256>}.
 *
 * <p>A write reads its input one part ({@link #DEFAULT_PART_BYTES}) at a time, hashing as it goes, so only one part is
 * ever in memory. A blob that fits in one part (exactly one part included) is hashed first and put under its name
 * directly; a larger one is sent
 * as a multipart upload to {@code <prefix>uploads/<random>} and, once its hash is known, copied inside the bucket to
 * its name and the upload deleted. If a blob with that hash is already there, the new copy is dropped. A failed,
 * interrupted or too large write aborts the multipart upload and deletes the upload object, so it leaves no blob under
 * any name (an upload whose node died halfway is left to the bucket's lifecycle rule for incomplete multipart uploads
 * and {@code uploads/}). Reads stream the object's body.
 */
public final class S3BlobStore implements BlobStore {

    /** Bytes per multipart part (S3 needs at least 5 MiB for every part but the last). */
    public static final int DEFAULT_PART_BYTES = 8 << 20;
    /** The smallest part S3 accepts. */
    public static final int MIN_PART_BYTES = 5 << 20;
    /** The largest object one server-side copy can make. */
    public static final long MAX_COPY_BYTES = 5L << 30;

    private final S3Location location;
    private final S3Client client;
    private final long maxBlobBytes;
    private final int partBytes;

    private S3BlobStore(S3Location location, S3Client client, long maxBlobBytes, int partBytes) {
        this.location = location;
        this.client = client;
        this.maxBlobBytes = maxBlobBytes;
        this.partBytes = partBytes;
    }

    /** A store at {@code location} with the AWS SDK's default credentials. */
    public static S3BlobStore open(S3Location location, long maxBlobBytes) {
        return open(location, location.requireOnly(Set.of()).client(), maxBlobBytes, DEFAULT_PART_BYTES);
    }

    /**
     * A store at {@code location} written with {@code client} in parts of {@code partBytes}.
     *
     * @throws IllegalArgumentException for a part below 5 MiB or a limit beyond one copy's 5 GiB
     */
    public static S3BlobStore open(S3Location location, S3Client client, long maxBlobBytes, int partBytes) {
        location.requireOnly(Set.of());
        if (maxBlobBytes < 1 || maxBlobBytes > MAX_COPY_BYTES) {
            throw new IllegalArgumentException("maxBlobBytes must be between 1 and " + MAX_COPY_BYTES + ", was "
                    + maxBlobBytes);
        }
        if (partBytes < MIN_PART_BYTES) {
            throw new IllegalArgumentException("partBytes must be at least " + MIN_PART_BYTES + " (S3's smallest "
                    + "part), was " + partBytes);
        }
        return new S3BlobStore(location, client, maxBlobBytes, partBytes);
    }

    @Override
    public BlobRef put(InputStream in) {
        MessageDigest digest = BlobStore.newSha256();
        byte[] part = new byte[partBytes];
        PushbackInputStream input = new PushbackInputStream(in, 1);
        try {
            int n = input.readNBytes(part, 0, partBytes);
            checkLimit(n);
            digest.update(part, 0, n);
            int next = n < partBytes ? -1 : input.read();
            if (next >= 0) {
                input.unread(next);
            }
            if (next < 0) { // the whole blob is in this part: one PUT under its name, no upload and copy
                BlobRef ref = new BlobRef(HexFormat.of().formatHex(digest.digest()), n);
                if (!contains(ref.sha256())) {
                    client.putObject(b -> b.bucket(location.bucket()).key(key(ref.sha256()))
                            .contentType("application/octet-stream"), RequestBody.fromBytes(Arrays.copyOf(part, n)));
                }
                return ref;
            }
            return putMultipart(input, part, digest);
        } catch (IOException e) {
            throw new HallmarkException("Cannot read the bytes of a blob to store: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new HallmarkException("Cannot store blob in " + location + ": " + e.getMessage(), e);
        }
    }

    /** Uploads a blob larger than one part: {@code first} is already read and hashed. */
    private BlobRef putMultipart(InputStream in, byte[] first, MessageDigest digest) throws IOException {
        String upload = location.key("uploads/" + UUID.randomUUID());
        String uploadId = client.createMultipartUpload(b -> b.bucket(location.bucket()).key(upload)
                .contentType("application/octet-stream")).uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] part = first;
            int n = first.length;
            long size = 0;
            while (n > 0) {
                size += n;
                int number = parts.size() + 1;
                byte[] body = n == part.length ? part : Arrays.copyOf(part, n);
                String etag = client.uploadPart(b -> b.bucket(location.bucket()).key(upload).uploadId(uploadId)
                        .partNumber(number).contentLength((long) body.length), RequestBody.fromBytes(body)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                n = in.readNBytes(part, 0, partBytes);
                checkLimit(size + n);
                digest.update(part, 0, n);
            }
            client.completeMultipartUpload(b -> b.bucket(location.bucket()).key(upload).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            completed = true;
            BlobRef ref = new BlobRef(HexFormat.of().formatHex(digest.digest()), size);
            if (!contains(ref.sha256())) {
                client.copyObject(b -> b.sourceBucket(location.bucket()).sourceKey(upload)
                        .destinationBucket(location.bucket()).destinationKey(key(ref.sha256())));
            }
            return ref;
        } finally {
            if (completed) {
                deleteQuietly(upload);
            } else {
                abortQuietly(upload, uploadId);
            }
        }
    }

    private void checkLimit(long size) {
        if (size > maxBlobBytes) {
            throw new BlobTooLargeException(maxBlobBytes);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        BlobRef.requireSha256(sha256);
        try {
            return Optional.of(client.getObject(b -> b.bucket(location.bucket()).key(key(sha256))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new HallmarkException("Cannot read blob " + sha256 + " from " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        BlobRef.requireSha256(sha256);
        try {
            client.headObject(b -> b.bucket(location.bucket()).key(key(sha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new HallmarkException("Cannot look up blob " + sha256 + " in " + location + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new HallmarkException("Cannot look up blob " + sha256 + " in " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> describe() {
        try {
            client.headBucket(b -> b.bucket(location.bucket()));
        } catch (SdkException e) {
            throw new HallmarkException("Cannot reach the blob store bucket " + location + ": " + e.getMessage(), e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", "s3");
        details.put("bucket", location.bucket());
        details.put("prefix", location.prefix());
        details.put("partBytes", partBytes);
        return details;
    }

    /** The object key of a blob. */
    String key(String sha256) {
        return location.key("blobs/" + sha256.substring(0, 2) + "/" + sha256);
    }

    private void abortQuietly(String upload, String uploadId) {
        try {
            client.abortMultipartUpload(b -> b.bucket(location.bucket()).key(upload).uploadId(uploadId));
        } catch (SdkException e) {
            // left to the bucket's lifecycle rule for incomplete multipart uploads
        }
    }

    private void deleteQuietly(String key) {
        try {
            client.deleteObject(b -> b.bucket(location.bucket()).key(key));
        } catch (SdkException e) {
            // left to the bucket's lifecycle rule for uploads/
        }
    }
}
