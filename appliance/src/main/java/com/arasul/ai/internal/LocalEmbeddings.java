package com.arasul.ai.internal;

import ai.onnxruntime.OrtEnvironment;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The quantized all-MiniLM-L6-v2 (384 dimensions) run inside the appliance on ONNX Runtime, the model
 * file shipped in a Maven artifact. Loaded on the first request, never at start. Before loading, the
 * libraries are told to stay offline and quiet: DJL's tokenizer would otherwise probe a cloud metadata
 * address and cache under the home folder, ONNX Runtime would copy its natives to /tmp and send telemetry.
 */
final class LocalEmbeddings implements EmbeddingProvider {

    static final String MODEL = "all-minilm-l6-v2-q";
    static final int DIMENSIONS = 384;

    private static final Logger log = LoggerFactory.getLogger(LocalEmbeddings.class);
    private static final String ORT_NATIVES = "ai/onnxruntime/native/";

    private final Path nativeFolder;
    private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

    /** @param nativeFolder where the native libraries are unpacked: under the data folder */
    LocalEmbeddings(Path nativeFolder) {
        this.nativeFolder = nativeFolder;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String defaultModel() {
        return MODEL;
    }

    @Override
    public boolean loaded() {
        return model != null;
    }

    @Override
    public List<float[]> embed(List<String> texts, String requested) {
        if (!MODEL.equals(requested)) {
            throw new LlmFailure(HttpStatus.NOT_FOUND, "the embedding model '" + requested
                    + "' is not on the box; the appliance embeds with '" + MODEL + "'");
        }
        List<Embedding> embeddings = model().embedAll(texts.stream().map(TextSegment::from).toList()).content();
        return embeddings.stream().map(Embedding::vector).toList();
    }

    private AllMiniLmL6V2QuantizedEmbeddingModel model() {
        AllMiniLmL6V2QuantizedEmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    long started = System.nanoTime();
                    try {
                        loaded = load();
                    } catch (Exception | LinkageError e) {
                        log.warn("Local embeddings could not be loaded: {}", e.toString());
                        throw new LlmFailure(HttpStatus.SERVICE_UNAVAILABLE,
                                "the local embedding model could not be loaded: " + e.getMessage());
                    }
                    model = loaded;
                    log.info("Local embedding model {} loaded in {} ms", MODEL, (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        return loaded;
    }

    private AllMiniLmL6V2QuantizedEmbeddingModel load() throws Exception {
        stayOfflineAndQuiet(nativeFolder);
        OrtEnvironment.getEnvironment().setTelemetry(false);
        // the caller's thread does the work: no pool of the library's own
        return new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    }

    /** The switches of DJL and ONNX Runtime, set before either is first touched. */
    static void stayOfflineAndQuiet(Path nativeFolder) throws IOException {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        Path djl = Files.createDirectories(nativeFolder.resolve("djl"));
        System.setProperty("DJL_CACHE_DIR", djl.toString());
        System.setProperty("ENGINE_CACHE_DIR", djl.toString());
        System.setProperty("onnxruntime.native.path", unpackOnnxRuntime(nativeFolder).toString());
        // DJL asks JNA about CUDA; JNA unpacks into ~/.cache/JNA unless told otherwise (OSHI may have
        // loaded JNA earlier in the appliance, then this changes nothing)
        if (System.getProperty("jna.tmpdir") == null) {
            System.setProperty("jna.tmpdir", Files.createDirectories(nativeFolder.resolve("jna")).toString());
        }
    }

    /** ONNX Runtime's natives for this machine, copied once from its jar into the data folder. */
    private static Path unpackOnnxRuntime(Path nativeFolder) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux") ? "linux" : "unsupported";
        String arch = switch (System.getProperty("os.arch", "")) {
            case "aarch64", "arm64" -> "aarch64";
            case "amd64", "x86_64" -> "x64";
            default -> "unsupported";
        };
        String platform = os + "-" + arch;
        String version = OrtEnvironment.class.getPackage().getImplementationVersion();
        Path folder = Files.createDirectories(nativeFolder.resolve("onnxruntime-" + (version == null ? "x" : version))
                .resolve(platform));
        for (String library : List.of("libonnxruntime.so", "libonnxruntime4j_jni.so")) {
            Path target = folder.resolve(library);
            if (Files.exists(target)) {
                continue;
            }
            try (InputStream in = OrtEnvironment.class.getClassLoader().getResourceAsStream(ORT_NATIVES + platform + "/" + library)) {
                if (in == null) {
                    throw new IOException("ONNX Runtime carries no " + library + " for " + platform);
                }
                Path partial = Files.createTempFile(folder, library, ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return folder;
    }
}
