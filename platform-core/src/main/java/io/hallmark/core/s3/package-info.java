/**
 * Where Hallmark keeps things in an S3-compatible bucket (the audit checkpoint sink, the blob store): one way to
 * name a bucket and prefix ({@link io.hallmark.core.s3.S3Location}, {@code s3://bucket/prefix?endpoint=...}) and one
 * way to build its AWS SDK v2 client.
 */
package io.hallmark.core.s3;
