package nixpylab.nix;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a binary cache answers: a TCP connection to its host within 2 s, enough to tell offline
 * from online. Each step asks; the answer is kept for a minute (in ~/.cache/nixpylab/binary-cache-probe.tsv)
 * so that steps run one after another do not each wait on the network for what they just learnt.
 */
public final class BinaryCacheProbe {
    static final Duration KEPT = Duration.ofMinutes(1);
    private final Path file;

    public BinaryCacheProbe(Path file) {
        this.file = file;
    }

    public static BinaryCacheProbe standard() {
        return new BinaryCacheProbe(nixpylab.UserCache.file("binary-cache-probe.tsv"));
    }

    public boolean answers(String url) {
        Instant now = Instant.now();
        for (String line : lines()) {
            String[] f = line.split("\t");
            if (f.length == 3 && f[0].equals(url) && f[1].matches("\\d{1,18}") && Duration.between(Instant.ofEpochSecond(Long.parseLong(f[1])), now).compareTo(KEPT) < 0) {
                return Boolean.parseBoolean(f[2]);
            }
        }
        boolean answers = connects(url);
        keep(url, now, answers);
        return answers;
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Best effort: a probe not kept is asked again next time. */
    private void keep(String url, Instant at, boolean answers) {
        List<String> kept = new ArrayList<>();
        for (String l : lines()) if (!l.startsWith(url + "\t")) kept.add(l);
        kept.add(url + "\t" + at.getEpochSecond() + "\t" + answers);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".probe", ".tmp");
            Files.write(tmp, kept);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException ignored) {
            // a read-only home: no harm, the next step probes again
        }
    }

    static boolean connects(String url) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) return "file".equals(u.getScheme());
            int port = u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(u.getHost(), port), 2000);
                return true;
            }
        } catch (Exception e) {
            return false;
        }
    }
}
