package nixpylab.nix;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nixpylab.KeptFile;
import nixpylab.UserCache;

/**
 * Whether a binary cache answers: a TCP connection to its host within 2 s, enough to tell offline
 * from online. Each step asks; the answer is kept for a minute (in ~/.cache/nixpylab/binary-cache-probe/)
 * so that steps run one after another do not each wait on the network for what they just learnt.
 */
public final class BinaryCacheProbe {
    static final Duration KEPT = Duration.ofMinutes(1);
    private final KeptFile kept;

    public BinaryCacheProbe(Path dir) {
        this.kept = new KeptFile(dir, KEPT);
    }

    public static BinaryCacheProbe standard() {
        return new BinaryCacheProbe(UserCache.file("binary-cache-probe"));
    }

    public boolean answers(String url) {
        Optional<String> known = kept.read(url);
        if (known.isPresent() && (known.get().equals("true") || known.get().equals("false"))) return Boolean.parseBoolean(known.get());
        boolean answers = connects(url);
        kept.keep(url, String.valueOf(answers));
        return answers;
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
