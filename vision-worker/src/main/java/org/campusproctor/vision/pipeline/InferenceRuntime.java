package org.campusproctor.vision.pipeline;

import org.campusproctor.contract.settings.Settings;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * ONNX Runtime for the vision workers: one environment per JVM, and the CUDA execution provider when it works,
 * else CPU. The probe costs seconds on a machine without CUDA, so it runs once and its answer is kept.
 * Settings: {@code campusproctor.vision.cuda=auto|off}, {@code campusproctor.vision.intra-op-threads} (default 1:
 * on small CPUs one inference per core in parallel gives the best throughput).
 */
public final class InferenceRuntime {

    public enum Provider { CUDA, CPU }

    private static final Logger LOG = Logger.getLogger(InferenceRuntime.class.getName());
    private static volatile Provider provider;

    /** Stack of the thread that initialises ONNX Runtime and opens sessions (see {@link #onLargeStack}). */
    private static final long INIT_STACK_BYTES = 64L << 20;

    private final OrtEnvironment env = onLargeStack(OrtEnvironment::getEnvironment);
    private final int intraOpThreads = Settings.VISION_INTRA_OP_THREADS.value();

    /**
     * Runs ONNX Runtime's native initialisation on a thread with a large stack. Measured here: with the JVM's default
     * 8 MB main-thread stack, {@code OrtEnvironment.getEnvironment()} dies with SIGSEGV (no hs_err) as soon as the
     * command line is a few KB long (a Maven test classpath), and works with {@code -Xss16m}; application-server
     * threads have even smaller stacks. Doing the initialisation here makes callers independent of that.
     */
    static <T> T onLargeStack(java.util.concurrent.Callable<T> work) {
        java.util.concurrent.atomic.AtomicReference<Object> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(new Object[]{work.call()});
            } catch (Throwable e) {
                result.set(e);
            }
        }, "onnxruntime-init", INIT_STACK_BYTES);
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while initialising ONNX Runtime", e);
        }
        Object r = result.get();
        if (r instanceof RuntimeException e) {
            throw e;
        }
        if (r instanceof Error e) {
            throw e;
        }
        if (r instanceof Throwable e) {
            throw new IllegalStateException("ONNX Runtime initialisation failed: " + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        T value = (T) ((Object[]) r)[0];
        return value;
    }

    public Provider provider() {
        Provider p = provider;
        if (p == null) {
            synchronized (InferenceRuntime.class) {
                if (provider == null) {
                    provider = onLargeStack(InferenceRuntime::probe);
                }
                p = provider;
            }
        }
        return p;
    }

    /** Opens a session on the model file, on the probed provider. */
    public OrtSession open(Path model) {
        return onLargeStack(() -> openHere(model));
    }

    private OrtSession openHere(Path model) {
        if (!Files.isRegularFile(model)) {
            throw new ModelUnavailableException("Model file missing: " + model.toAbsolutePath());
        }
        if (provider() == Provider.CUDA) {
            try {
                OrtSession.SessionOptions options = options();
                options.addCUDA(0);
                return env.createSession(model.toString(), options);
            } catch (OrtException e) {
                // the probe passed but this model does not run on CUDA (device memory, an unsupported op): CPU
                LOG.warning(() -> "Model " + model.getFileName() + " not loadable with CUDA (" + e.getMessage()
                        + "); using the CPU execution provider for it");
            }
        }
        try {
            return env.createSession(model.toString(), options());
        } catch (OrtException e) {
            throw new ModelUnavailableException("Cannot load model " + model + ": " + e.getMessage(), e);
        }
    }

    public OrtEnvironment environment() {
        return env;
    }

    private OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(intraOpThreads);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        return options;
    }

    private static Provider probe() {
        String mode = Settings.VISION_CUDA.value();
        if (mode.equals("off")) {
            LOG.info("CUDA disabled by campusproctor.vision.cuda=off; using the CPU execution provider");
            return Provider.CPU;
        }
        long start = System.nanoTime();
        // getAvailableProviders() only reflects the build, not the machine: try to add CUDA for real.
        try (OrtSession.SessionOptions probe = new OrtSession.SessionOptions()) {
            probe.addCUDA(0);
            LOG.info(() -> "CUDA execution provider available (probe " + (System.nanoTime() - start) / 1_000_000 + " ms)");
            return Provider.CUDA;
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.info(() -> "CUDA unavailable (" + e.getMessage() + "); using the CPU execution provider (probe "
                    + (System.nanoTime() - start) / 1_000_000 + " ms)");
            return Provider.CPU;
        }
    }
}
