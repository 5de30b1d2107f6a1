package app.nobat.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application (the jar users run) as a child process of the bench, on a store
 * directory of its own and a free port; stopped by its own handle, never by name.
 */
final class BenchJar implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    final int port = freePort();
    final Path log;
    private final Process process;
    final long startedNanos;

    private BenchJar(Path jar, Path log, Map<String, String> environment, List<String> arguments) throws IOException {
        this.log = log;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        this.startedNanos = System.nanoTime();
        this.process = builder.start();
        // a bench that dies leaves no application behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    /** Starts the jar; {@code arguments} are Spring properties such as {@code --a=b}. */
    static BenchJar start(Path jar, Path log, Map<String, String> environment, List<String> arguments)
            throws IOException {
        return new BenchJar(jar, log, environment, arguments);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Seconds from the process's start to the first 200 of {@code path}, polled every 50 ms with the
     * JDK client (a fresh request each time: nothing of the bench's own warms the answer).
     */
    double secondsToFirst200(String path, Duration limit) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = startedNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited; see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notListeningYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no 200 from " + path + " within " + limit + "; see " + log);
    }

    /**
     * Heap in use (KB) right after a full GC of the application, by {@code jcmd}: the least of three
     * rounds, since the application's own threads allocate between the GC and the reading.
     */
    long heapUsedAfterGcKb() throws IOException, InterruptedException {
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            jcmd("GC.run");
            String info = jcmd("GC.heap_info");
            Matcher used = HEAP_USED.matcher(info);
            if (!used.find()) {
                throw new IllegalStateException("no heap figure in: " + info);
            }
            least = Math.min(least, Long.parseLong(used.group(1)));
            Thread.sleep(500);
        }
        return least;
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(process.pid()),
                        what)
                .redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** CPU seconds a process has used so far (user and system), from /proc; -1 where there is none. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the fields after the command's closing parenthesis: utime and stime are the 12th and 13th
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** SIGTERM, and SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    static Path packagedJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("nobat-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no packaged jar in target/: run ./mvnw -q -B -ntp -DskipTests package"));
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
