package io.hallmark.app.bench;

import io.hallmark.imagegen.FloatImage;
import io.hallmark.imagegen.ScopedOnnxLoader;
import io.hallmark.imagegen.latent.LatentGenerator;
import io.hallmark.imagegen.video.GifEncoder;
import io.hallmark.imagegen.video.LatentVideo;
import io.hallmark.imagegen.video.Mp4Encoder;
import io.hallmark.imagegen.video.VideoSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Video throughput: frames/s of rendering a latent trajectory through the MNIST VAE decoder, of encoding the same
 * frames as MP4 (H.264, JCodec, pure Java) and as an animated GIF (ImageIO), and, when {@code ffmpeg} is
 * installed, of ffmpeg's libx264 encoding the same raw frames (the peer; its process start is included).
 */
public final class VideoBenchmark {

    /** What to run. */
    public record Settings(Path modelsDir, Path workDir, int frames, int size, int fps) {}

    private final Settings settings;
    private final Consumer<String> progress;

    public VideoBenchmark(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public Map<String, Object> run() throws Exception {
        VideoSettings clip = new VideoSettings(settings.frames(), settings.fps(), settings.size(), settings.size());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("frames", clip.frames());
        result.put("size", clip.width() + "x" + clip.height());
        result.put("fps", clip.fps());
        result.put("cpus", Runtime.getRuntime().availableProcessors());
        List<FloatImage> frames;
        try (ScopedOnnxLoader loader = new ScopedOnnxLoader()) {
            LatentGenerator vae = LatentGenerator.open(settings.modelsDir().resolve("mnist-vae"), loader,
                    LatentGenerator.ValueRange.ZERO_TO_ONE);
            LatentVideo.render(vae, 0, new VideoSettings(8, clip.fps(), clip.width(), clip.height()), 4, (d, t) -> { },
                    () -> false); // warm-up
            progress.accept("rendering " + clip.frames() + " frames through the VAE decoder");
            long t0 = System.nanoTime();
            frames = LatentVideo.render(vae, 1, clip, 24, (d, t) -> { }, () -> false);
            result.put("renderFramesPerSecond", perSecond(clip.frames(), System.nanoTime() - t0));
        }
        Mp4Encoder.encode(frames.subList(0, Math.min(8, frames.size())), clip.fps()); // warm-up
        progress.accept("encoding MP4 (H.264, JCodec)");
        long t0 = System.nanoTime();
        byte[] mp4 = Mp4Encoder.encode(frames, clip.fps());
        result.put("mp4FramesPerSecond", perSecond(clip.frames(), System.nanoTime() - t0));
        result.put("mp4Bytes", mp4.length);
        GifEncoder.encode(frames.subList(0, Math.min(8, frames.size())), clip.fps());
        progress.accept("encoding GIF (ImageIO)");
        t0 = System.nanoTime();
        byte[] gif = GifEncoder.encode(frames, clip.fps());
        result.put("gifFramesPerSecond", perSecond(clip.frames(), System.nanoTime() - t0));
        result.put("gifBytes", gif.length);
        result.put("memory", Memory.snapshot());
        Map<String, Object> ffmpeg = ffmpeg(frames, clip);
        result.put("ffmpegLibx264", ffmpeg);
        if (ffmpeg.get("framesPerSecond") instanceof Double peer) {
            result.put("ffmpegOverJcodec", Math.round(peer / (Double) result.get("mp4FramesPerSecond") * 100) / 100.0);
        }
        return result;
    }

    private Map<String, Object> ffmpeg(List<FloatImage> frames, VideoSettings clip) throws IOException, InterruptedException {
        Map<String, Object> m = new LinkedHashMap<>();
        Path out = settings.workDir().resolve("peer.mp4");
        byte[] raw = new byte[frames.size() * clip.width() * clip.height() * 3];
        int p = 0;
        for (FloatImage f : frames) {
            for (float v : f.pixels()) {
                raw[p++] = (byte) (!(v > 0) ? 0 : v >= 1 ? 255 : Math.round(v * 255f));
            }
        }
        Process process;
        try {
            process = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s",
                    clip.width() + "x" + clip.height(), "-r", Integer.toString(clip.fps()), "-i", "-", "-c:v", "libx264",
                    "-preset", "medium", "-pix_fmt", "yuv420p", out.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            m.put("skipped", "ffmpeg is not installed");
            return m;
        }
        progress.accept("peer: ffmpeg libx264 on the same frames");
        long t0 = System.nanoTime();
        try (OutputStream in = process.getOutputStream()) {
            in.write(raw);
        }
        String log = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            m.put("skipped", "ffmpeg failed: " + log.strip());
            return m;
        }
        m.put("framesPerSecond", perSecond(frames.size(), System.nanoTime() - t0));
        m.put("bytes", Files.size(out));
        return m;
    }

    private static double perSecond(int frames, long nanos) {
        return Math.round(frames * 1e10 / nanos) / 10.0;
    }
}
