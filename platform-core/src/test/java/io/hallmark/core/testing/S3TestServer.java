package io.hallmark.core.testing;

import io.hallmark.core.s3.S3Location;
import java.net.URI;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;

/**
 * A real S3 API server in the test JVM for the S3 checkpoint sink and the S3 blob store: S3Proxy (Maven Central
 * {@code org.gaul:s3proxy}, its own Jetty) over jclouds' in-memory {@code transient} blob store, with AWS
 * signature V2/V4 authentication on {@code 127.0.0.1} and a free port. Clients are the real AWS SDK v2.
 *
 * <p>What it does not do: S3Proxy 2.6 has no object lock (it answers {@code GetObjectLockConfiguration} with
 * {@code NotImplemented}, does not keep versions, and lets a locked object be overwritten or deleted). It is started
 * with {@code ignoreUnknownHeaders} so that the object-lock headers of a {@code PutObject} are accepted and ignored.
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "hallmark-test";
    public static final String SECRET_KEY = "hallmark-test-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final URI endpoint;

    private S3TestServer(S3Proxy proxy, BlobStoreContext context, URI endpoint) {
        this.proxy = proxy;
        this.context = context;
        this.endpoint = endpoint;
    }

    /** Starts a server with no buckets. */
    public static S3TestServer start() throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                proxy.stop();
                context.close();
                throw new IllegalStateException("S3Proxy did not start within 30 s: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        return new S3TestServer(proxy, context, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Credentials the server accepts. */
    public StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /** Creates a fresh bucket and returns its location ({@code s3://bucket/prefix?endpoint=...}) with more query. */
    public S3Location newBucket(String prefix, String moreQuery) {
        String bucket = "hm-" + UUID.randomUUID().toString().substring(0, 13);
        try (S3Client client = client()) {
            client.createBucket(CreateBucketRequest.builder().bucket(bucket).build());
        }
        return S3Location.parse("s3://" + bucket + "/" + prefix + "?endpoint=" + endpoint + "&region=us-east-1"
                + (moreQuery.isEmpty() ? "" : "&" + moreQuery));
    }

    /** A client for checking what the server holds. */
    public S3Client client() {
        return S3Location.parse("s3://any?endpoint=" + endpoint + "&region=us-east-1").client(credentials());
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }
}
